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
import { CLOSE, decodeBytes, END, OPEN, TEXT, XmlScanner } from "./xml-scanner";
import { formulaFlags, MAX_COLUMN, MAX_ROW, rowNumber, SheetIndex } from "./sheet-index";
import { SheetProblem } from "./sheet-problem";

export { SheetProblem };

export { MAX_COLUMN, MAX_ROW };
import { decodeXstring } from "./shared-strings";

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

/** A cell's `t` (after readCellAttributes), matched on its bytes; a string made only for an unknown type. */
function cellType(scanner: XmlScanner): string {
  const s = scanner.cellTypeStart;
  if (s < 0) return "n";
  const b = scanner.bytes;
  const length = scanner.cellTypeEnd - s;
  if (length === 1)
    switch (b[s]) {
      case 0x73:
        return "s";
      case 0x6e:
        return "n";
      case 0x62:
        return "b";
      case 0x65:
        return "e";
      case 0x64:
        return "d";
    }
  const t = decodeBytes(b, s, scanner.cellTypeEnd);
  return t === "str" || t === "inlineStr" ? t : (scanner.attr("t") ?? "n");
}

/** One cell as read: what the engine sees, its format, and its formula (if any). */
function cellValue(
  type: string,
  v: string | null,
  inline: string | null,
  formula: boolean,
  format: string,
  context: SheetContext,
  fail: (kind: SheetProblem["kind"], what: string) => never,
  /** The <v> already read as a plain decimal from its bytes (XmlScanner.textNumber). */
  parsed?: number
): CellValue {
  if (v === null && inline === null) return formula ? { error: NOT_CALCULATED } : null;
  switch (type) {
    case "s": {
      const index = parsed ?? Number(v);
      const text = context.sharedString(index);
      if (text === undefined) fail("shared-string", v || String(index));
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
      // An ISO date without a zone is the date the sheet shows, wherever the computer is.
      const text = v ?? "";
      const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text) || !/T/.test(text) ? text : `${text}Z`;
      const time = Date.parse(/T/.test(zoned) ? zoned : `${zoned}T00:00:00Z`);
      return Number.isNaN(time) ? (v ?? "") : { date: new Date(time).toISOString() };
    }
    default: {
      let n = parsed;
      if (n === undefined) {
        // Number("") and Number(" ") are 0: an empty value is no value, never a silent zero.
        if (v === null || v === "" || (v.charCodeAt(0) <= 32 && v.trim() === ""))
          return formula ? { error: NOT_CALCULATED } : null;
        n = Number(v);
        if (!Number.isFinite(n)) return v;
      }
      if (isDateFormat(format)) {
        const iso = serialToIso(n, context.date1904);
        if (iso) return { date: iso };
      }
      return n;
    }
  }
}

/**
 * The cells of each rectangle, as grids in the rectangles' shape: only they are made into values
 * (the rest of the sheet is not materialised). `index`, when given, notes where the rows the
 * rectangles span and their cells are, for writing into the part without reading it again.
 */
export function readCells(
  bytes: Uint8Array,
  part: string,
  rects: readonly Rect[],
  context: SheetContext,
  index = new SheetIndex()
): CellGrid[] {
  // Cells go into flat arrays while the part is read; rows are made once at the end.
  const grids: FlatGrid[] = rects.map((r) => {
    const size = (r.bottom - r.top + 1) * (r.right - r.left + 1);
    return {
      width: r.right - r.left + 1,
      values: new Array<CellValue>(size).fill(null),
      formats: new Array<string | undefined>(size).fill(undefined),
      formulas: null,
    };
  });
  const layout = index.layout;
  const top = Math.min(...rects.map((r) => r.top));
  const bottom = Math.max(...rects.map((r) => r.bottom));
  index.from = top;
  index.to = bottom;
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
      if (!inData) {
        if (scanner.depth === 1) index.headEnd(scanner);
        continue;
      }
      if (scanner.depth === 2) {
        if (wantedRow) index.closeRow(scanner.start, scanner.end);
        else if (row < top) index.rowBefore(scanner.end);
      } else if (scanner.depth === 1) {
        index.dataCloseStart = scanner.start;
        inData = false;
      }
      continue;
    }
    if (kind !== OPEN) continue;
    const depth = scanner.depth;
    if (!inData) {
      inData = index.head(scanner, part);
      continue;
    }
    if (depth === 3 && scanner.localIs("row")) {
      row = rowNumber(scanner, row);
      if (row < 1 || row > MAX_ROW) fail("row", scanner.attr("r") ?? String(row));
      column = 0;
      wantedRow = row >= top && row <= bottom;
      index.openRow(scanner, row, wantedRow);
      if (wantedRow) layout.row(scanner, row);
      else if (row < top && scanner.selfClosing) index.rowBefore(scanner.end);
      continue;
    }
    if (depth !== 4 || !scanner.localIs("c")) continue;
    scanner.readCellAttributes();
    if (!scanner.cellHasRef) column++;
    else {
      const at = scanner.refColumn;
      if (at === 0 || at > MAX_COLUMN || scanner.refRow > MAX_ROW)
        fail("column", scanner.attr("r") ?? "");
      column = at;
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
    const style = scanner.cellStyle;
    const type = target >= 0 ? cellType(scanner) : "n";
    const cellStart = scanner.start;
    if (scanner.selfClosing) {
      if (wantedRow) index.addCell(column, cellStart, scanner.end, 0);
      if (target >= 0)
        place(grids, rects, target, row, column, null, context.formatOf(style), null);
      continue;
    }
    if (scanner.takeTextChild("v")) {
      // Most cells: one value and nothing else.
      if (wantedRow) index.addCell(column, cellStart, scanner.takenEnd, 0);
      if (target < 0) continue;
      const number = type === "n" || type === "s" ? scanner.textNumber() : undefined;
      const format = context.formatOf(style);
      const text = number === undefined ? scanner.textValue() : "";
      const value = cellValue(type, text, null, false, format, context, fail, number);
      place(grids, rects, target, row, column, value, format, null);
      continue;
    }
    // The cell's content: <f>, <v>, <is>.
    let v: string | null = null;
    // A numeric <v> of a read cell, taken from its bytes; where its text began and ended.
    let parsed: number | undefined;
    let parsedStart = -1;
    let parsedEnd = -1;
    let inline: string | null = null;
    let formula: string | null = null;
    let sharedIndex: string | undefined;
    let sharedMaster = false;
    let inV = false;
    let inF = false;
    let fText = "";
    let flags = 0;
    for (let k = scanner.next(); k !== END; k = scanner.next()) {
      if (k === CLOSE) {
        if (scanner.depth < 4) {
          if (wantedRow) index.addCell(column, cellStart, scanner.end, flags);
          break;
        }
        inV = inF = false;
        continue;
      }
      if (k === TEXT) {
        if (inV) {
          // The value of a cell that is not read is never made.
          if (target < 0) continue;
          if (parsedStart < 0 && v === "" && (type === "n" || type === "s")) {
            parsed = scanner.textNumber();
            if (parsed !== undefined) {
              parsedStart = scanner.start;
              parsedEnd = scanner.end;
              continue;
            }
          } else if (parsed !== undefined) {
            // More text after the number (rare): the value is the whole text after all.
            v = decodeBytes(scanner.bytes, parsedStart, parsedEnd);
            parsed = undefined;
          }
          v = (v ?? "") + scanner.textValue();
        } else if (inF) fText += scanner.textValue();
        continue;
      }
      if (k !== OPEN || scanner.depth !== 5) continue;
      if (scanner.localIs("v")) {
        // <v></v> holds an empty text (a formula giving ""), not no value.
        inV = !scanner.selfClosing;
        v ??= "";
      } else if (scanner.localIs("f")) {
        formula = "";
        inF = !scanner.selfClosing;
        flags |= formulaFlags(scanner);
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
        // A shared formula's text is worked out only for a cell that is read.
        else if (!fText && target >= 0) {
          const master = masters.get(sharedIndex);
          formula = master
            ? shiftFormula(master.text, row - master.row, column - master.column)
            : "";
        }
      }
    }
    if (target < 0) continue;
    const format = context.formatOf(style);
    const value = cellValue(type, v, inline, formula !== null, format, context, fail, parsed);
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
  return rects.map((rect, k) => {
    const { width, values, formats, formulas } = grids[k];
    // Cells the file does not hold show their row's or column's format, as Excel shows them.
    for (let i = 0; i < formats.length; i++)
      if (formats[i] === undefined)
        formats[i] = context.formatOf(
          layout.styleAt(rect.top + Math.floor(i / width), rect.left + (i % width))
        );
    return {
      values: rows(values, width),
      formats: width === 1 ? sharedRows(formats as string[]) : rows(formats as string[], width),
      ...(formulas ? { formulas: rows(formulas, width) } : {}),
    };
  });
}

interface FlatGrid {
  width: number;
  values: CellValue[];
  formats: (string | undefined)[];
  formulas: (string | null)[] | null;
}

function rows<T>(flat: T[], width: number): T[][] {
  const out = new Array<T[]>(flat.length / width);
  for (let r = 0; r < out.length; r++) out[r] = flat.slice(r * width, r * width + width);
  return out;
}

/**
 * One-column formats as rows that share one array per format: most cells have one of a few, and
 * the engine only reads them. Thousands of rows then cost a few arrays, not thousands.
 */
function sharedRows(formats: string[]): string[][] {
  const byFormat = new Map<string, string[]>();
  return formats.map((f) => {
    let row = byFormat.get(f);
    if (!row) byFormat.set(f, (row = [f]));
    return row;
  });
}

function place(
  grids: FlatGrid[],
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
    const at = (row - rect.top) * grid.width + column - rect.left;
    grid.values[at] = value;
    grid.formats[at] = format;
    if (formula !== null) {
      grid.formulas ??= new Array<string | null>(grid.values.length).fill(null);
      grid.formulas[at] = formula;
    }
  }
}
