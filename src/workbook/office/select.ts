/* global Excel */
import { parseRangeAddress, rangeAddress } from "../../core/address";

/** Shows a finding's cell: activates its sheet and selects it. One sync. */
export async function selectCell(context: Excel.RequestContext, address: string): Promise<boolean> {
  const rect = parseRangeAddress(address);
  if (!rect) return false;
  const sheet = context.workbook.worksheets.getItem(rect.sheet);
  const local = rangeAddress(rect.sheet, rect.top, rect.left, rect.bottom, rect.right)
    .split("!")
    .pop()!;
  sheet.activate();
  sheet.getRange(local).select();
  await context.sync();
  return true;
}
