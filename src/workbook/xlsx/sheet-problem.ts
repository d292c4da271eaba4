/**
 * A cell this reader cannot take as it is written: its sheet's part, what is wrong (a row or column
 * outside Excel's grid, a shared string that does not exist), and the row, cell or index at fault.
 */
export class SheetProblem extends Error {
  constructor(
    readonly part: string,
    readonly kind: "row" | "column" | "shared-string" | "order" | "not-sheet",
    /** The row number, the cell reference, or "cell index" for a shared string. */
    readonly what: string
  ) {
    super(`${part}: ${kind} ${what}`);
  }
}
