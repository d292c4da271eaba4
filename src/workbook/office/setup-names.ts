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

/** The user's selected table: its header row (the selection's first row) and the names proposed. */
export async function readSelectedTable(
  context: Excel.RequestContext
): Promise<SelectedTable | null> {
  const range = context.workbook.getSelectedRange();
  range.load("address,values");
  await context.sync();
  const rect = parseRangeAddress(range.address);
  if (!rect) return null;
  const headers = (range.values[0] ?? []).map((v) =>
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
