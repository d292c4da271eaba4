/* global Excel */
import type { ContractName } from "../core/contract-names";
import type { Rect } from "../core/address";
import type { ApiSupport } from "../workbook/office/api-support";
import type { DocumentStore } from "../workbook/office/document-store";
import { OfficeSession } from "../workbook/office/office-session";
import { selectCell } from "../workbook/office/select";
import { defineNames, readSelectedTable, SelectedTable } from "../workbook/office/setup-names";
import { hitung, HitungOutcome, periksa } from "./hitung";
import type { Result } from "../core/compute";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Everything the pane and the ribbon command need from Excel, injected so tests run on the fake. */
export interface ExcelEnv {
  run: ExcelRun;
  supports: ApiSupport;
  store: DocumentStore;
}

/** Hitung Capaian (and, with `lembar`, Buat Lembar Pengukuran): settings and sign-off from the workbook. */
export function hitungInExcel(env: ExcelEnv, lembar = false): Promise<HitungOutcome> {
  const stored = env.store.load();
  return env.run((context) =>
    hitung(new OfficeSession(context, stored.settings, env.supports), {
      lembar,
      signOff: stored.signOff,
    })
  );
}

/** Reads and checks without writing anything: what the pane shows when it opens. */
export function periksaInExcel(env: ExcelEnv): Promise<Result> {
  const stored = env.store.load();
  return env.run((context) =>
    periksa(new OfficeSession(context, stored.settings, env.supports), { signOff: stored.signOff })
  );
}

export function showCellInExcel(env: ExcelEnv, address: string): Promise<boolean> {
  return env.run((context) => selectCell(context, address));
}

export function readSelectionInExcel(env: ExcelEnv): Promise<SelectedTable | null> {
  return env.run((context) => readSelectedTable(context));
}

export function defineNamesInExcel(
  env: ExcelEnv,
  rect: Rect,
  chosen: { offset: number; name: ContractName }[]
): Promise<number> {
  return env.run((context) => defineNames(context, rect, chosen));
}
