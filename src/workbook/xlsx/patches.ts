/**
 * The cells to write into one sheet, flat: rows ascending, columns ascending within a row, and no
 * object per row or cell (a budget of thousands of lines is tens of thousands of written cells).
 */

/** What one cell gets: a number, "" to clear it, or null to keep its content (format only). */
export type PatchValue = number | "" | null;

export interface CellPatch {
  row: number;
  column: number;
  value: PatchValue;
  /** A number format the cell must show; null keeps its own. */
  format: string | null;
}

/** One written column (as the engine's writes are): cell r is at row top + r. */
export interface ColumnPatch {
  top: number;
  left: number;
  values: readonly PatchValue[];
  formats: readonly (string | null | undefined)[];
}

export class Patches {
  /** Row numbers, ascending; row i's cells are cellsFrom(i) to cellsTo(i) (exclusive). */
  readonly rows: number[] = [];
  readonly columns: number[] = [];
  readonly values: PatchValue[] = [];
  readonly formats: (string | null)[] = [];
  private readonly first: number[] = [];

  get rowCount(): number {
    return this.rows.length;
  }

  cellsFrom(i: number): number {
    return this.first[i];
  }

  cellsTo(i: number): number {
    return i + 1 < this.first.length ? this.first[i + 1] : this.columns.length;
  }

  /** The index of the row numbered `row`, or -1. */
  find(row: number): number {
    let low = 0;
    let high = this.rows.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.rows[mid] === row) return mid;
      if (this.rows[mid] < row) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /** The row number of cell i. */
  rowOf(i: number): number {
    let low = 0;
    let high = this.first.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.first[mid] <= i) low = mid;
      else high = mid - 1;
    }
    return this.rows[low];
  }

  /** Adds a cell after those added so far (by row, then column); the same cell again replaces it. */
  add(row: number, column: number, value: PatchValue, format: string | null): void {
    const n = this.rows.length;
    const last = this.columns.length - 1;
    if (n > 0 && this.rows[n - 1] === row) {
      if (this.columns[last] === column) {
        this.values[last] = value;
        this.formats[last] = format;
        return;
      }
      if (this.columns[last] > column) throw new Error("patch cells out of order");
    } else {
      if (n > 0 && this.rows[n - 1] > row) throw new Error("patch rows out of order");
      this.rows.push(row);
      this.first.push(this.columns.length);
    }
    this.columns.push(column);
    this.values.push(value);
    this.formats.push(format);
  }

  /** From cells in any order; of two for one cell, the later wins. */
  static of(cells: readonly CellPatch[]): Patches {
    const order = cells
      .map((_, i) => i)
      .sort((a, b) => cells[a].row - cells[b].row || cells[a].column - cells[b].column || a - b);
    const patches = new Patches();
    for (const i of order)
      patches.add(cells[i].row, cells[i].column, cells[i].value, cells[i].format);
    return patches;
  }

  /**
   * From written columns, merged row by row (a cell with neither a value nor a format is not
   * written); of two columns writing one cell, the later wins.
   */
  static fromColumns(writes: readonly ColumnPatch[]): Patches {
    const columns = writes
      .map((_, i) => i)
      .sort((a, b) => writes[a].left - writes[b].left || a - b)
      .map((i) => writes[i]);
    const k = columns.length;
    // Per column: the next cell it writes, and that cell's row (Infinity when it has no more).
    const cursors = columns.map((w) => nextWritten(w, 0));
    const heads = columns.map((w, j) =>
      cursors[j] < w.values.length ? w.top + cursors[j] : Infinity
    );
    const patches = new Patches();
    for (;;) {
      let row = Infinity;
      for (let j = 0; j < k; j++) if (heads[j] < row) row = heads[j];
      if (row === Infinity) return patches;
      for (let j = 0; j < k; j++) {
        if (heads[j] !== row) continue;
        const w = columns[j];
        const r = cursors[j];
        patches.add(row, w.left, w.values[r], w.formats[r] ?? null);
        const next = nextWritten(w, r + 1);
        cursors[j] = next;
        heads[j] = next < w.values.length ? w.top + next : Infinity;
      }
    }
  }
}

/** The first cell of the column from r on with a value or a format to write. */
function nextWritten(w: ColumnPatch, r: number): number {
  while (r < w.values.length && w.values[r] === null && !w.formats[r]) r++;
  return r;
}
