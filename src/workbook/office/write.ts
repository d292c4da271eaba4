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
    for (const chunk of rowChunks(write.values, write.formats)) {
      await batcher.reserve(chunk.bytes);
      const rows = chunk.end - chunk.start;
      const width = write.values[0]?.length ?? 1;
      const range = rangeAt(sheet, write.top + chunk.start, write.left, rows, width);
      range.values = write.values.slice(chunk.start, chunk.end) as (string | number)[][];
      if (write.formats.some((row) => row.some((f) => f !== null))) {
        range.numberFormat = write.formats.slice(chunk.start, chunk.end) as string[][];
      }
    }
  }
}
