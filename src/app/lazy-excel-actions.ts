// The engine (reading, checking, computing, the Lembar, the Office.js session) in a chunk of its own:
// the pane's first screen (its sections, buttons, "Membaca buku kerja…") shows from the smaller
// bundle taskpane.html loads, while this chunk arrives. It starts loading as soon as the bundle runs,
// so it is usually there before Office.onReady. Same functions and signatures as ./excel-actions,
// each a promise already: callers do not change.
import type * as Actions from "./excel-actions";

export type { ExcelEnv, ExcelRun } from "./excel-actions";

type AsyncAction = (...args: never[]) => Promise<unknown>;

let loading: Promise<typeof Actions> | null = null;

/** The engine's chunk; a failed load (network) is tried again on the next call. */
export function loadExcelActions(): Promise<typeof Actions> {
  loading ??= import(/* webpackChunkName: "mesin" */ "./excel-actions").catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

function lazy<K extends keyof typeof Actions>(name: K): (typeof Actions)[K] {
  const call = async (...args: never[]) =>
    ((await loadExcelActions())[name] as unknown as AsyncAction)(...args);
  return call as unknown as (typeof Actions)[K];
}

export const hitungInExcel = lazy("hitungInExcel");
export const periksaInExcel = lazy("periksaInExcel");
export const showCellInExcel = lazy("showCellInExcel");
export const readSelectionInExcel = lazy("readSelectionInExcel");
export const defineNamesInExcel = lazy("defineNamesInExcel");

// Start at once: the pane reads the workbook as soon as it opens, the ribbon as soon as it is pressed.
void loadExcelActions().catch(() => undefined);
