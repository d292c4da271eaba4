/**
 * Reads the cells of some rectangles from one worksheet part, in one pass over its XML: only cells
 * inside them become values; everything else in the sheet (other cells, validation, conditional
 * formats, merges, drawings, whatever their extent) is passed over as text and never expanded.
 */
import type { CellValue } from "../../core/cell";
import { columnLetters } from "../../core/address";
import { isDateFormat } from "../../core/read-cell";
import { shiftFormula } from "./formula-shift";
import { readStringItem } from "./shared-strings";
import { CLOSE, END, OPEN, TEXT, XmlScanner } from "./xml-scanner";
import { decodeXstring } from "./shared-strings";

export const MAX_ROW = 1048576;
export const MAX_COLUMN = 16384;

/** A formula whose result was never stored (a file written by another program): not a value to guess. */
export const NOT_CALCULATED = "#BELUM_DIHITUNG";

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellGrid {
  values: CellValue[][];
  formats: string[][];
  formulas?: (string | null)[][];
}

export interface SheetContext {
  /** The shared string at an index; undefined when there is none. */
  sharedString(index: number): string | undefined;
  formatOf(style: number): string;
  date1904: boolean;
}

/**
 * A cell this reader cannot take as it is written: its sheet's part, what is wrong (a row or column
 * outside Excel's grid, a shared string that does not exist), and the row, cell or index at fault.
 */
export class SheetProblem extends Error {
  constructor(
    readonly part: string,
    readonly kind: "row" | "column" | "shared-string",
    /** The row number, the cell reference, or "cell index" for a shared string. */
    readonly what: string
  ) {
    super(`${part}: ${kind} ${what}`);
  }
}

/** Column number and row of an A1 reference such as "AB12" (row 0 when it has no digits). */
export function parseCellRef(ref: string): { column: number; row: number } | null {
  let column = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    column = column * 26 + (c - 0x60);
  }
  if (i === 0 || i > 3) return null;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const c = ref.charCodeAt(j);
    if (c < 0x30 || c > 0x39) return null;
    row = row * 10 + (c - 0x30);
  }
  return { column, row };
}

/** An Excel serial day (1900 or 1904 system) as an ISO date; null beyond what a date can hold. */
export function serialToIso(serial: number, date1904: boolean): string | null {
  const days = date1904 ? serial + 1462 : serial;
  const ms = Math.round((days - 25569) * 86400000);
  return Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : null;
}

interface Master {
  row: number;
  column: number;
  text: string;
}

/** One cell as read: what the engine sees, its format, and its formula (if any). */
function cellValue(
  type: string,
  v: string | null,
  inline: string | null,
  formula: boolean,
  format: string,
  context: SheetContext,
  fail: (kind: SheetProblem["kind"], what: string) => never
): CellValue {
  if (v === null && inline === null) return formula ? { error: NOT_CALCULATED } : null;
  switch (type) {
    case "s": {
      const index = Number(v);
      const text = context.sharedString(index);
      if (text === undefined) fail("shared-string", v ?? "");
      return text;
    }
    case "inlineStr":
      return inline ?? decodeXstring(v ?? "");
    case "str":
      return decodeXstring(v ?? "");
    case "b":
      return v === "1" || v === "true";
    case "e":
      return { error: v ?? "#VALUE!" };
    case "d": {
      const time = Date.parse(v ?? "");
      return Number.isNaN(time) ? (v ?? "") : { date: new Date(time).toISOString() };
    }
    default: {
      const n = Number(v);
      if (v === null || v.trim() === "") return formula ? { error: NOT_CALCULATED } : null;
      if (!Number.isFinite(n)) return v;
      if (isDateFormat(format)) {
        const iso = serialToIso(n, context.date1904);
        if (iso) return { date: iso };
      }
      return n;
    }
  }
}

/**
 * The cells of each rectangle, as grids in the rectangles' shape. `counted` receives how many cells
 * were made into values (the rectangles' area: the rest of the sheet is not materialised).
 */
export function readCells(
  bytes: Uint8Array,
  part: string,
  rects: readonly Rect[],
  context: SheetContext
): CellGrid[] {
  const grids: CellGrid[] = rects.map((r) => {
    const height = r.bottom - r.top + 1;
    const width = r.right - r.left + 1;
    const values = new Array<CellValue[]>(height);
    const formats = new Array<string[]>(height);
    for (let i = 0; i < height; i++) {
      values[i] = new Array<CellValue>(width).fill(null);
      formats[i] = new Array<string>(width);
    }
    return { values, formats };
  });
  const layout = new SheetLayout();
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  const masters = new Map<string, Master>();
  const scanner = new XmlScanner(bytes, part);
  const fail = (kind: SheetProblem["kind"], what: string): never => {
    throw new SheetProblem(
      part,
      kind,
      kind === "shared-string" ? `${columnLetters(column)}${row} ${what}` : what
    );
  };
  let inData = false;
  let row = 0;
  let column = 0;
  let wantedRow = false;
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === CLOSE) {
      if (inData && scanner.depth === 1) inData = false;
      continue;
    }
    if (kind !== OPEN) continue;
    const depth = scanner.depth;
    if (!inData) {
      if (depth === 2 && scanner.localIs("sheetData") && !scanner.selfClosing) inData = true;
      else if (depth === 3 && scanner.localIs("col")) layout.column(scanner);
      continue;
    }
    if (depth === 3 && scanner.localIs("row")) {
      const r = scanner.attr("r");
      row = r === undefined ? row + 1 : Number(r);
      if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) fail("row", String(r ?? row));
      column = 0;
      wantedRow = row >= top && row <= bottom;
      if (wantedRow) layout.row(scanner, row);
      continue;
    }
    if (depth !== 4 || !scanner.localIs("c")) continue;
    const ref = scanner.attr("r");
    if (ref === undefined) column++;
    else {
      const at = parseCellRef(ref);
      if (!at || at.column > MAX_COLUMN || at.row > MAX_ROW) fail("column", ref);
      column = at!.column;
      if (at!.row) row = at!.row;
    }
    if (column > MAX_COLUMN) fail("column", `${columnLetters(column)}${row}`);
    let target = -1;
    if (wantedRow)
      for (let k = 0; k < rects.length; k++) {
        const rect = rects[k];
        if (row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right) {
          target = k;
          break;
        }
      }
    const style = Number(scanner.attr("s") ?? 0) || 0;
    const type = target >= 0 ? (scanner.attr("t") ?? "n") : "n";
    if (scanner.selfClosing) {
      if (target >= 0)
        place(grids, rects, target, row, column, null, context.formatOf(style), null);
      continue;
    }
    // The cell's content: <f>, <v>, <is>.
    let v: string | null = null;
    let inline: string | null = null;
    let formula: string | null = null;
    let sharedIndex: string | undefined;
    let sharedMaster = false;
    let inV = false;
    let inF = false;
    let fText = "";
    for (let k = scanner.next(); k !== END; k = scanner.next()) {
      if (k === CLOSE) {
        if (scanner.depth < 4) break;
        inV = inF = false;
        continue;
      }
      if (k === TEXT) {
        if (inV) v = (v ?? "") + scanner.textValue();
        else if (inF) fText += scanner.textValue();
        continue;
      }
      if (k !== OPEN || scanner.depth !== 5) continue;
      if (scanner.localIs("v")) {
        inV = !scanner.selfClosing;
        if (scanner.selfClosing) v = "";
      } else if (scanner.localIs("f")) {
        formula = "";
        inF = !scanner.selfClosing;
        if (scanner.attr("t") === "shared") {
          sharedIndex = scanner.attr("si");
          sharedMaster = scanner.attr("ref") !== undefined;
        }
      } else if (scanner.localIs("is") && target >= 0) {
        inline = readStringItem(scanner);
      }
    }
    if (formula !== null) {
      formula = fText;
      if (sharedIndex !== undefined) {
        if (sharedMaster && fText) masters.set(sharedIndex, { row, column, text: fText });
        else if (!fText) {
          const master = masters.get(sharedIndex);
          formula = master
            ? shiftFormula(master.text, row - master.row, column - master.column)
            : "";
        }
      }
    }
    if (target < 0) continue;
    const format = context.formatOf(style);
    const value = cellValue(type, v, inline, formula !== null, format, context, fail);
    place(
      grids,
      rects,
      target,
      row,
      column,
      value,
      format,
      formula === null ? null : `=${formula || "(rumus)"}`
    );
  }
  // Cells the file does not hold show their row's or column's format, as Excel shows them.
  rects.forEach((rect, k) => {
    const formats = grids[k].formats;
    for (let r = 0; r < formats.length; r++)
      for (let c = 0; c < formats[r].length; c++)
        if (formats[r][c] === undefined)
          formats[r][c] = context.formatOf(layout.styleAt(rect.top + r, rect.left + c));
  });
  return grids;
}

/** The styles a sheet gives its empty cells: a row's (when it says so), else its column's. */
export class SheetLayout {
  private readonly columns: [number, number, number][] = [];
  private readonly rows = new Map<number, number>();

  /** From a `<col min max style>` element. */
  column(scanner: XmlScanner): void {
    const style = Number(scanner.attr("style") ?? 0) || 0;
    if (style) this.columns.push([Number(scanner.attr("min")), Number(scanner.attr("max")), style]);
  }

  /** From a `<row>` element. */
  row(scanner: XmlScanner, row: number): void {
    const custom = scanner.attr("customFormat");
    if (custom === "1" || custom === "true")
      this.rows.set(row, Number(scanner.attr("s") ?? 0) || 0);
  }

  styleAt(row: number, column: number): number {
    const own = this.rows.get(row);
    if (own !== undefined) return own;
    for (const [min, max, style] of this.columns) if (column >= min && column <= max) return style;
    return 0;
  }
}

function place(
  grids: CellGrid[],
  rects: readonly Rect[],
  k: number,
  row: number,
  column: number,
  value: CellValue,
  format: string,
  formula: string | null
): void {
  // A cell can lie in several rectangles (overlapping names): each gets it.
  for (let i = k; i < rects.length; i++) {
    const rect = rects[i];
    if (row < rect.top || row > rect.bottom || column < rect.left || column > rect.right) continue;
    const grid = grids[i];
    const r = row - rect.top;
    const c = column - rect.left;
    grid.values[r][c] = value;
    grid.formats[r][c] = format;
    if (formula !== null) {
      grid.formulas ??= grid.values.map((line) => new Array<string | null>(line.length).fill(null));
      grid.formulas[r][c] = formula;
    }
  }
}
