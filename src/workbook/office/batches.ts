/**
 * Excel on the web refuses a request over 5 MB. Writes are queued in batches kept under a budget,
 * one sync each; at ordinary sizes everything fits one batch.
 */
export const REQUEST_BUDGET_BYTES = 4 * 1024 * 1024;

/** A rough size of what a 2-D array adds to a request, as JSON. */
export function payloadBytes(grid: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of grid) {
    bytes += 3;
    for (const v of row) bytes += v === null ? 5 : typeof v === "string" ? v.length + 3 : 12;
  }
  return bytes;
}

/** Splits the rows of a one-column write into pieces of at most `budget` bytes (values and formats together). */
export function rowChunks(
  values: readonly (readonly unknown[])[],
  formats: readonly (readonly unknown[])[],
  budget = REQUEST_BUDGET_BYTES
): { start: number; end: number; bytes: number }[] {
  const chunks: { start: number; end: number; bytes: number }[] = [];
  let start = 0;
  let bytes = 0;
  for (let row = 0; row < values.length; row++) {
    const rowBytes = payloadBytes([values[row]]) + payloadBytes([formats[row] ?? []]);
    if (bytes + rowBytes > budget && row > start) {
      chunks.push({ start, end: row, bytes });
      start = row;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (values.length > start) chunks.push({ start, end: values.length, bytes });
  return chunks;
}

/** Keeps each request under the budget: syncs before a piece that would push the pending request over it. */
export class Batcher {
  private pending = 0;
  constructor(
    private readonly context: { sync(): Promise<unknown> },
    private readonly budget = REQUEST_BUDGET_BYTES
  ) {}

  async reserve(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.budget) await this.flush();
    this.pending += bytes;
  }

  async flush(): Promise<void> {
    await this.context.sync();
    this.pending = 0;
  }
}
