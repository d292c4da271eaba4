/* global Excel */
import { localAddress } from "../../core/address";

/**
 * A block of cells by 1-based corner and size, through an A1 address: getRange(address) is in every
 * Excel since ExcelApi 1.1, unlike getRangeByIndexes (1.7), so Excel 2016 can still write results.
 */
export function rangeAt(
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  rows: number,
  columns: number
): Excel.Range {
  return sheet.getRange(localAddress(top, left, top + rows - 1, left + columns - 1));
}
