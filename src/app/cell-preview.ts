import { columnLetters, parseRangeAddress } from "../core/address";
import type { CellValue } from "../core/cell";
import { formatAngka } from "../core/format";
import { cellText } from "../core/read-findings";

export interface CellPreview {
  sheet: string;
  address: string;
  columns: string[];
  rows: { row: number; cells: { text: string; target: boolean }[] }[];
}

/** A window of a sheet, read at once: values[r][c] is the cell at top + r, left + c. */
export type ValuesIn = (
  sheet: string,
  area: { top: number; left: number; bottom: number; right: number }
) => CellValue[][] | null;

/** A small window of a sheet around a finding's cell, as text, so a user sees what the cell holds and where. */
export function previewAround(address: string, valuesIn: ValuesIn, radius = 2): CellPreview | null {
  const rect = parseRangeAddress(address);
  if (!rect) return null;
  const top = Math.max(1, rect.top - radius);
  const left = Math.max(1, rect.left - radius);
  const bottom = rect.bottom + radius;
  const right = rect.right + radius;
  const values = valuesIn(rect.sheet, { top, left, bottom, right });
  if (!values) return null;
  const columns: string[] = [];
  for (let c = left; c <= right; c++) columns.push(columnLetters(c));
  const rows: CellPreview["rows"] = [];
  for (let r = top; r <= bottom; r++) {
    const cells = [];
    for (let c = left; c <= right; c++) {
      const value = values[r - top][c - left];
      const text = typeof value === "number" ? formatAngka(value, 6) : cellText(value);
      cells.push({
        text: text.length > 40 ? `${text.slice(0, 39)}…` : text,
        target: r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right,
      });
    }
    rows.push({ row: r, cells });
  }
  return { sheet: rect.sheet, address, columns, rows };
}
