/* global Excel */
import type { CellWrite } from "../../core/writes";
import { Batcher, rowChunks } from "./batches";
import { rangeAt } from "./range-at";

/**
 * Queues every write as 2-D arrays (values, then number formats; null leaves a cell as it is).
 * The batcher syncs only when a request would pass the size budget: never at ordinary sizes.
 */
export async function queueWrites(
  context: Excel.RequestContext,
  writes: readonly CellWrite[],
  batcher: Batcher
): Promise<void> {
  for (const write of writes) {
    const sheet = context.workbook.worksheets.getItem(write.sheet);
    // Office.js takes rows of cells: the column becomes one-cell rows here, at the edge.
    const values = write.values.map((v) => [v]);
    const formats = write.formats.map((f) => [f]);
    const anyFormat = write.formats.some((f) => f !== null);
    for (const chunk of rowChunks(values, formats)) {
      await batcher.reserve(chunk.bytes);
      const range = rangeAt(sheet, write.top + chunk.start, write.left, chunk.end - chunk.start, 1);
      range.values = values.slice(chunk.start, chunk.end) as (string | number)[][];
      if (anyFormat) range.numberFormat = formats.slice(chunk.start, chunk.end) as string[][];
    }
  }
}
