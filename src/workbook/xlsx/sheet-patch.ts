/**
 * Writes values into a worksheet part by splicing its XML: each written cell's element is replaced
 * (or a cell, or a row, is inserted where it belongs); every other byte of the sheet stays as it was:
 * other cells, validation, conditional formats, drawings, extensions. Where rows and cells are comes
 * from the index the read made (or, failing that, one pass of its own).
 */
import { columnLetters } from "../../core/address";
import { shiftFormula } from "./formula-shift";
import { parseCellRef, SheetProblem } from "./sheet-cells";
import {
  IndexedCell,
  IndexedRow,
  indexSheet,
  SHARED_FORMULA,
  SHARED_MASTER,
  SheetIndex,
} from "./sheet-index";
import { escapeXml, Splices } from "./splices";
import { CLOSE, decodeBytes, END, OPEN, TEXT, XmlScanner } from "./xml-scanner";

/** What one cell gets: a number, "" to clear it, or null to keep its content (format only). */
export interface CellPatch {
  value: number | "" | null;
  /** A number format the cell must show; null keeps its own. */
  format: string | null;
}

export interface StyleSource {
  withFormat(style: number, format: string): number;
}

export interface PatchOutcome {
  bytes: Uint8Array;
  /** A formula was replaced by a value: the calculation chain no longer matches. */
  formulaReplaced: boolean;
  /**
   * Array formulas ("I7:I9") whose first cell was written but not all their cells: the others now
   * hold their last values, not the formula (the user is told).
   */
  partialArrays: string[];
}

/** The cells written in one row, by ascending column (written cells come mostly in order). */
export class RowPatch {
  readonly columns: number[] = [];
  readonly cells: CellPatch[] = [];

  set(column: number, patch: CellPatch): void {
    let at = this.columns.length;
    while (at > 0 && this.columns[at - 1] > column) at--;
    if (at > 0 && this.columns[at - 1] === column) this.cells[at - 1] = patch;
    else if (at === this.columns.length) {
      this.columns.push(column);
      this.cells.push(patch);
    } else {
      this.columns.splice(at, 0, column);
      this.cells.splice(at, 0, patch);
    }
  }
}

/** Patches by row. */
export type Patches = Map<number, RowPatch>;

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

/** Cell attributes that describe the old value and go with it: r, s, t, cm, vm (read as bytes). */
function dropped(scanner: XmlScanner, k: number): boolean {
  const [s, e] = scanner.attrNameSpan(k);
  const b = scanner.bytes;
  if (e - s === 1) return b[s] === 0x72 || b[s] === 0x73 || b[s] === 0x74;
  return e - s === 2 && (b[s] === 0x63 || b[s] === 0x76) && b[s + 1] === 0x6d;
}

interface Master {
  text: string;
  row: number;
  column: number;
  /** The master's other attributes (ca, aca, …), as written. */
  extra: string;
}

/** The index the read made, if it places every patched row; else the part indexed whole. */
function usable(
  noted: SheetIndex | undefined,
  rows: number[],
  bytes: Uint8Array,
  part: string
): SheetIndex {
  const fits = noted && rows.every((r) => r >= noted.from && r <= noted.to);
  const index = fits ? noted : indexSheet(bytes, part);
  if (!index.ordered) throw new SheetProblem(part, "order", "");
  return index;
}

export function patchSheet(
  bytes: Uint8Array,
  part: string,
  patches: Patches,
  styles: StyleSource,
  noted?: SheetIndex
): PatchOutcome {
  const rows = [...patches.keys()].sort((a, b) => a - b);
  let index = usable(noted, rows, bytes, part);
  // A written cell that starts a shared formula: the rest of the group, wherever it is, must be found.
  if (!index.complete && index.sharedMasters && replacesMaster(index, patches))
    index = indexSheet(bytes, part);
  const p = index.prefix;
  const splices = new Splices();
  let formulaReplaced = false;
  const moved = new Map<string, Master>();
  const replacedCells = new Set<number>();
  const arrays: string[] = [];

  const newCell = (r: number, c: number, patch: CellPatch): string => {
    if (patch.value === "" || (patch.value === null && !patch.format)) return "";
    const style = index.layout.styleAt(r, c);
    const s = patch.format ? styles.withFormat(style, patch.format) : style;
    const at = `r="${columnLetters(c)}${r}"${s ? ` s="${s}"` : ""}`;
    if (typeof patch.value === "number")
      return `<${p}c ${at}><${p}v>${numberText(patch.value)}</${p}v></${p}c>`;
    return `<${p}c ${at}/>`;
  };
  const newRow = (r: number): string => {
    const { columns, cells } = patches.get(r)!;
    let body = "";
    for (let i = 0; i < columns.length; i++) body += newCell(r, columns[i], cells[i]);
    return body ? `<${p}row r="${r}">${body}</${p}row>` : "";
  };

  if (index.dataOpenEnd < 0) {
    // No <sheetData> at all: the rows go into one, where CT_Worksheet wants it.
    const data = `<${p}sheetData>${rows.map(newRow).join("")}</${p}sheetData>`;
    if (index.rootSelfClosing)
      splices.replace(index.rootOpenEnd - 2, index.rootOpenEnd, `>${data}</${index.rootName}>`);
    else splices.insert(index.dataPlace, data);
  } else if (index.dataEnd >= 0) {
    // <sheetData/>: the rows go inside it.
    const tag = `${p}sheetData`;
    splices.replace(index.dataEnd - 2, index.dataEnd, `>${rows.map(newRow).join("")}</${tag}>`);
  } else
    for (const r of rows) {
      const at = index.findRow(r);
      if (at < 0) {
        const before = -at - 2;
        const text = newRow(r);
        if (text) splices.insert(before >= 0 ? index.row(before).end : index.before, text);
        continue;
      }
      const row = index.row(at);
      const { columns, cells } = patches.get(r)!;
      extendSpans(bytes, row, columns, splices);
      if (row.closeStart < 0) {
        const body = columns.map((c, i) => newCell(r, c, cells[i])).join("");
        splices.replace(row.openEnd - 2, row.openEnd, `>${body}</${p}row>`);
        continue;
      }
      let k = 0; // the row's cells, merged with the written columns
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i];
        while (k < row.cells && index.cellColumn(row.firstCell + k) < c) k++;
        const patch = cells[i];
        if (k < row.cells && index.cellColumn(row.firstCell + k) === c) {
          const cell = index.cell(row.firstCell + k);
          const replaced = replaceCell(bytes, part, cell, patch, styles, r, p, moved, arrays);
          if (replaced) {
            splices.replace(cell.start, cell.end, replaced.text);
            if (replaced.formula) formulaReplaced = true;
            replacedCells.add(row.firstCell + k);
          }
          k++;
        } else {
          const text = newCell(r, c, patch);
          const next = k < row.cells ? index.cell(row.firstCell + k).start : row.closeStart;
          if (text) splices.insert(next, text);
        }
      }
    }
  if (moved.size) moveMasters(bytes, part, index, replacedCells, moved, splices);
  if (index.dimension) {
    const [s, e] = index.dimension;
    const current = decodeBytes(bytes, s, e);
    const wider = widenDimension(current, rows, patches);
    if (wider !== current) splices.replace(s, e, wider);
  }
  return {
    bytes: splices.apply(bytes),
    formulaReplaced,
    partialArrays: arrays.filter((ref) => !coveredBy(ref, patches)),
  };
}

/** Whether every cell of an area ("I7:I9") gets a value from the patches. */
function coveredBy(ref: string, patches: Patches): boolean {
  const [a, b = a] = ref.split(":");
  const from = parseCellRef(a.replace(/\$/g, ""));
  const to = parseCellRef(b.replace(/\$/g, ""));
  if (!from || !to) return false;
  for (let r = from.row; r <= to.row; r++) {
    const row = patches.get(r);
    for (let c = from.column; c <= to.column; c++) {
      const i = row ? row.columns.indexOf(c) : -1;
      if (i < 0 || row!.cells[i].value === null) return false;
    }
  }
  return true;
}

function replacesMaster(index: SheetIndex, patches: Patches): boolean {
  for (const [r, { columns, cells }] of patches) {
    const at = index.findRow(r);
    if (at < 0) continue;
    const row = index.row(at);
    for (let k = 0; k < row.cells; k++) {
      const cell = index.cell(row.firstCell + k);
      const i = columns.indexOf(cell.column);
      if (i >= 0 && cells[i].value !== null && cell.flags & SHARED_MASTER) return true;
    }
  }
  return false;
}

/** The cell element as the patch makes it (null: nothing to change), and whether a formula went. */
function replaceCell(
  bytes: Uint8Array,
  part: string,
  cell: IndexedCell,
  patch: CellPatch,
  styles: StyleSource,
  row: number,
  p: string,
  moved: Map<string, Master>,
  arrays: string[]
): { text: string; formula: boolean } | null {
  const scanner = new XmlScanner(bytes.subarray(cell.start, cell.end), part);
  scanner.next();
  const style = scanner.attrInt("s", 0);
  const s = patch.format ? styles.withFormat(style, patch.format) : style;
  if (patch.value === null) {
    // Content kept: only the style changes.
    if (s === style) return null;
    const k = scanner.attrIndex("s");
    const tag = decodeBytes(scanner.bytes, 0, scanner.end);
    if (k < 0)
      return { text: tag.replace(/^<([^\s/>]+)/, `<$1 s="${s}"`) + rest(scanner), formula: false };
    const [vs, ve] = scanner.attrSpan(k);
    return {
      text:
        decodeBytes(scanner.bytes, 0, vs) +
        s +
        decodeBytes(scanner.bytes, ve, scanner.bytes.length),
      formula: false,
    };
  }
  let kept = "";
  for (let k = 0; k < scanner.attributeCount(); k++) {
    if (dropped(scanner, k)) continue;
    const [vs, ve] = scanner.attrSpan(k);
    kept += ` ${scanner.attrName(k)}="${decodeBytes(scanner.bytes, vs, ve).replace(/"/g, "&quot;")}"`;
  }
  let formula = false;
  if (!scanner.selfClosing)
    for (let k = scanner.next(); k !== END; k = scanner.next()) {
      if (k !== OPEN || scanner.depth !== 2 || !scanner.localIs("f")) continue;
      formula = true;
      const ref = scanner.attr("ref");
      const si = scanner.attr("si");
      if (
        scanner.attrIs("t", "shared") &&
        ref !== undefined &&
        si !== undefined &&
        !scanner.selfClosing
      ) {
        let extra = "";
        for (let a = 0; a < scanner.attributeCount(); a++) {
          const name = scanner.attrName(a);
          if (name === "t" || name === "ref" || name === "si") continue;
          const [vs, ve] = scanner.attrSpan(a);
          extra += ` ${name}="${decodeBytes(scanner.bytes, vs, ve).replace(/"/g, "&quot;")}"`;
        }
        scanner.next();
        const text = scanner.kind === TEXT ? scanner.textValue() : "";
        moved.set(si, { text, row, column: cell.column, extra });
      } else if (scanner.attrIs("t", "array")) {
        const ref = scanner.attr("ref") ?? "";
        if (ref.includes(":")) arrays.push(ref);
      }
    }
  const at = `r="${columnLetters(cell.column)}${row}"${s ? ` s="${s}"` : ""}${kept}`;
  return {
    text:
      typeof patch.value === "number"
        ? `<${p}c ${at}><${p}v>${numberText(patch.value)}</${p}v></${p}c>`
        : `<${p}c ${at}/>`,
    formula,
  };
}

/** What follows a scanned start tag in the scanner's bytes. */
function rest(scanner: XmlScanner): string {
  return decodeBytes(scanner.bytes, scanner.end, scanner.bytes.length);
}

/**
 * The cells of a shared formula whose first cell was overwritten: each gets the formula as its
 * own, shifted to where it is. A group without its first cell is one Excel repairs away (it drops
 * the formulas); moving the group to another first cell would leave its range to argue over.
 */
function moveMasters(
  bytes: Uint8Array,
  part: string,
  index: SheetIndex,
  replaced: Set<number>,
  moved: Map<string, Master>,
  splices: Splices
): void {
  for (let i = 0; i < index.rowCount; i++) {
    const row = index.row(i);
    for (let k = 0; k < row.cells; k++) {
      const at = row.firstCell + k;
      const cell = index.cell(at);
      if (replaced.has(at) || !(cell.flags & SHARED_FORMULA) || cell.flags & SHARED_MASTER)
        continue;
      const scanner = new XmlScanner(bytes.subarray(cell.start, cell.end), part);
      for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
        if (kind !== OPEN || scanner.depth !== 2 || !scanner.localIs("f")) continue;
        const si = scanner.attr("si");
        const master = si === undefined ? undefined : moved.get(si);
        if (!master) break;
        const start = cell.start + scanner.start;
        let end = cell.start + scanner.end;
        if (!scanner.selfClosing)
          for (let j = scanner.next(); j !== END; j = scanner.next())
            if (j === CLOSE && scanner.depth < 2) {
              end = cell.start + scanner.end;
              break;
            }
        const text = shiftFormula(
          master.text,
          row.number - master.row,
          cell.column - master.column
        );
        const p = index.prefix;
        splices.replace(start, end, `<${p}f${master.extra}>${escapeXml(text)}</${p}f>`);
        break;
      }
    }
  }
}

/** Widens a row's `spans` hint ("1:6") when a written cell lies outside it. */
function extendSpans(
  bytes: Uint8Array,
  row: IndexedRow,
  columns: number[],
  splices: Splices
): void {
  const vs = row.spansStart;
  const ve = row.spansEnd;
  if (vs < 0 || !columns.length) return;
  let low = 0;
  let i = vs;
  for (; i < ve && bytes[i] >= 0x30 && bytes[i] <= 0x39; i++) low = low * 10 + bytes[i] - 0x30;
  if (bytes[i] !== 0x3a || i === vs) return; // not one "a:b" range: left as it is
  let high = 0;
  const from = ++i;
  for (; i < ve && bytes[i] >= 0x30 && bytes[i] <= 0x39; i++) high = high * 10 + bytes[i] - 0x30;
  if (i !== ve || i === from) return;
  const first = columns[0];
  const last = columns[columns.length - 1];
  if (first >= low && last <= high) return;
  splices.replace(vs, ve, `${Math.min(low, first)}:${Math.max(high, last)}`);
}

/** The sheet's `dimension` grown to take in the written cells (`rows`: the patched rows, sorted). */
function widenDimension(ref: string, rows: number[], patches: Patches): string {
  const [a, b = a] = ref.split(":");
  const from = parseCellRef(a.replace(/\$/g, ""));
  const to = parseCellRef(b.replace(/\$/g, ""));
  if (!from || !to || !from.row || !to.row) return ref;
  let { row: top, column: left } = from;
  let { row: bottom, column: right } = to;
  // Rows beyond the dimension are few: only they, and the columns of all rows, are looked at.
  for (const r of rows) {
    const { columns, cells } = patches.get(r)!;
    let written = false;
    for (let i = 0; i < columns.length; i++) {
      if (cells[i].value === null || cells[i].value === "") continue;
      written = true;
      if (columns[i] < left) left = columns[i];
      if (columns[i] > right) right = columns[i];
    }
    if (!written) continue;
    if (r < top) top = r;
    if (r > bottom) bottom = r;
  }
  const start = `${columnLetters(left)}${top}`;
  const end = `${columnLetters(right)}${bottom}`;
  const wider = start === end ? start : `${start}:${end}`;
  const same = from.row === top && from.column === left && to.row === bottom && to.column === right;
  return same ? ref : wider;
}
