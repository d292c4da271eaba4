import { cleanFloat, isPercentFormat } from "./read-cell";
import { decimalFormat } from "./rounding";
import type { ContractName } from "./settings";

/**
 * A value for the port to write: a number, "" to clear the cell, or null to leave it as it is
 * (Office.js reads null in a values array the same way).
 */
export type WriteValue = number | "" | null;

/**
 * One write into a named output range, which is one column wide (CONTRACT.md §1): `values[r]` and
 * `formats[r]` are for the cell at row `top + r`. Flat columns, not a grid of one-cell rows: a
 * 100,000-row table would otherwise hold 200,000 small arrays.
 */
export interface CellWrite {
  name: ContractName;
  sheet: string;
  top: number;
  left: number;
  values: WriteValue[];
  /** Number format per cell; null keeps the cell's own. */
  formats: (string | null)[];
}

export type FigureStyle = "persen" | "rupiah";

/**
 * The value and format for one output cell. A cell the user formatted as a percentage keeps its
 * format and gets the fraction, so that 102,95 shows as 102,95% and not 10295%.
 */
export function outputCell(
  existingFormat: string | undefined,
  value: number | null,
  style: FigureStyle,
  decimals: number
): { value: WriteValue; format: string | null } {
  if (value === null) return { value: "", format: null };
  if (style === "persen" && isPercentFormat(existingFormat))
    return { value: cleanFloat(value / 100), format: null };
  if (style === "rupiah") return { value, format: Number.isInteger(value) ? "#,##0" : "#,##0.00" };
  return { value, format: decimalFormat(decimals) };
}
