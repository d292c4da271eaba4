/* global Excel */
import type { ContractName } from "../core/contract-names";
import type { Rect } from "../core/address";
import type { ApiSupport } from "../workbook/office/api-support";
import type { DocumentStore, Stored } from "../workbook/office/document-store";
import { OfficeSession } from "../workbook/office/office-session";
import { selectCell } from "../workbook/office/select";
import {
  defineNames,
  readSelectedTable,
  SelectedTable,
  SelectionProblem,
} from "../workbook/office/setup-names";
import { hitung, HitungOutcome, periksa } from "./hitung";
import type { Result } from "../core/compute";

export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** Everything the pane and the ribbon command need from Excel, injected so tests run on the fake. */
export interface ExcelEnv {
  run: ExcelRun;
  supports: ApiSupport;
  store: DocumentStore;
}

function sessionFor(env: ExcelEnv, context: Excel.RequestContext, stored: Stored): OfficeSession {
  return new OfficeSession(context, stored.settings, env.supports, stored.dataSheet ?? null);
}

/**
 * Remembers the sheet the tables were read from, with the workbook's settings (no Excel round
 * trip), so that the next run reads the same tables whichever sheet is active then.
 */
async function rememberDataSheet(env: ExcelEnv, stored: Stored, result: Result): Promise<void> {
  if (!result.sheet || result.sheet === stored.dataSheet) return;
  try {
    await env.store.save({ ...env.store.load(), dataSheet: result.sheet });
  } catch {
    // Not remembered: the next run with this sheet active still reads it; nothing is lost.
  }
}

/**
 * Hitung Capaian, and with it Buat Lembar Pengukuran or Buat Tabel LKjIP when asked: settings and
 * sign-off from the workbook.
 */
export async function hitungInExcel(
  env: ExcelEnv,
  sheets: { lembar?: boolean; tabel?: boolean } = {}
): Promise<HitungOutcome> {
  const stored = env.store.load();
  const outcome = await env.run((context) =>
    hitung(sessionFor(env, context, stored), { ...sheets, signOff: stored.signOff })
  );
  await rememberDataSheet(env, stored, outcome.result);
  return outcome;
}

/** Reads and checks without writing anything: what the pane shows when it opens. */
export async function periksaInExcel(env: ExcelEnv): Promise<Result> {
  const stored = env.store.load();
  const result = await env.run((context) =>
    periksa(sessionFor(env, context, stored), { signOff: stored.signOff })
  );
  await rememberDataSheet(env, stored, result);
  return result;
}

export function showCellInExcel(env: ExcelEnv, address: string): Promise<boolean> {
  return env.run((context) => selectCell(context, address));
}

export function readSelectionInExcel(env: ExcelEnv): Promise<SelectedTable | SelectionProblem> {
  return env.run((context) => readSelectedTable(context));
}

export function defineNamesInExcel(
  env: ExcelEnv,
  rect: Rect,
  chosen: { offset: number; name: ContractName }[]
): Promise<number> {
  return env.run((context) => defineNames(context, rect, chosen));
}
