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

/** A small window of a sheet around a finding's cell, as text, so a user sees what the cell holds and where. */
export function previewAround(
  address: string,
  valueAt: (sheet: string, row: number, column: number) => CellValue,
  radius = 2
): CellPreview | null {
  const rect = parseRangeAddress(address);
  if (!rect) return null;
  const top = Math.max(1, rect.top - radius);
  const left = Math.max(1, rect.left - radius);
  const bottom = rect.bottom + radius;
  const right = rect.right + radius;
  const columns: string[] = [];
  for (let c = left; c <= right; c++) columns.push(columnLetters(c));
  const rows: CellPreview["rows"] = [];
  for (let r = top; r <= bottom; r++) {
    const cells = [];
    for (let c = left; c <= right; c++) {
      const value = valueAt(rect.sheet, r, c);
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
