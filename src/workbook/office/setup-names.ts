/* global Excel */
import { parseRangeAddress, Rect } from "../../core/address";
import type { ContractName } from "../../core/contract-names";
import { cellText } from "../../core/read-findings";
import { rangeAt } from "./range-at";
import { ColumnProposal, proposeNames } from "../../core/setup-names";

export interface SelectedTable {
  rect: Rect;
  headers: string[];
  proposals: ColumnProposal[];
}

/** The selection could not be a table: what to do instead, in the user's words. */
export interface SelectionProblem {
  problem: string;
}

export const SELECT_ONE_BLOCK =
  "Pilih satu blok sel yang bersambung: tabel Anda beserta baris judulnya (bukan beberapa blok dengan Ctrl).";
export const SELECT_NOT_WHOLE_COLUMNS =
  "Pilihan mencakup seluruh kolom atau baris. Pilih tabelnya saja: dari sel judul kiri atas sampai sel terakhir di kanan bawah.";

function isOfficeCode(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}

/**
 * The user's selected table: its address is loaded and checked first (one block, not whole
 * columns), then only its header row (the selection's first row) is read and names are proposed.
 * Two syncs; a selection of a million cells costs what its first row costs.
 */
export async function readSelectedTable(
  context: Excel.RequestContext
): Promise<SelectedTable | SelectionProblem> {
  const range = context.workbook.getSelectedRange();
  range.load("address");
  try {
    await context.sync();
  } catch (error) {
    // Several areas selected: Excel has no single range to give.
    if (isOfficeCode(error, "InvalidSelection")) return { problem: SELECT_ONE_BLOCK };
    throw error;
  }
  // Several areas are listed with commas; a comma inside a quoted sheet name is no such list.
  if (/,(?=(?:[^']*'[^']*')*[^']*$)/.test(range.address)) return { problem: SELECT_ONE_BLOCK };
  const rect = parseRangeAddress(range.address);
  if (!rect) return { problem: SELECT_NOT_WHOLE_COLUMNS };
  const sheet = context.workbook.worksheets.getItem(rect.sheet);
  const header = rangeAt(sheet, rect.top, rect.left, 1, rect.right - rect.left + 1);
  header.load("values");
  await context.sync();
  const headers = (header.values[0] ?? []).map((v) =>
    cellText(v as string | number | boolean | null)
  );
  return { rect, headers, proposals: proposeNames(headers) };
}

/**
 * Defines the chosen names over the data rows below the header, scoped to the table's sheet (so one
 * workbook can hold a table per year); a name of the same spelling on that sheet is replaced. Two syncs.
 */
export async function defineNames(
  context: Excel.RequestContext,
  rect: Rect,
  chosen: { offset: number; name: ContractName }[]
): Promise<number> {
  if (rect.bottom <= rect.top) return 0;
  const sheet = context.workbook.worksheets.getItem(rect.sheet);
  const existing = chosen.map(({ name }) => sheet.names.getItemOrNullObject(name));
  existing.forEach((item) => item.load("isNullObject"));
  await context.sync();
  existing.forEach((item) => {
    if (!item.isNullObject) item.delete();
  });
  for (const { offset, name } of chosen) {
    const column = rangeAt(sheet, rect.top + 1, rect.left + offset, rect.bottom - rect.top, 1);
    sheet.names.add(name, column);
  }
  await context.sync();
  return chosen.length;
}
