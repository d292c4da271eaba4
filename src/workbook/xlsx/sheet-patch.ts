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
import { Patches, PatchValue } from "./patches";
import { escapeXml, Splices } from "./splices";
import { CLOSE, decodeBytes, END, OPEN, TEXT, XmlScanner } from "./xml-scanner";

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
  patches: Patches,
  bytes: Uint8Array,
  part: string
): SheetIndex {
  const { rows } = patches;
  const fits = noted && rows[0] >= noted.from && rows[rows.length - 1] <= noted.to;
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
  let index = usable(noted, patches, bytes, part);
  // A written cell that starts a shared formula: the rest of the group, wherever it is, must be found.
  if (!index.complete && index.sharedMasters && replacesMaster(index, patches))
    index = indexSheet(bytes, part);
  const p = index.prefix;
  const splices = new Splices();
  let formulaReplaced = false;
  const moved = new Map<string, Master>();
  const replacedCells = new Set<number>();
  const arrays: string[] = [];

  const { rows, columns, values, formats } = patches;
  // Per column, the text before and after a new cell's row number, for the style and format it
  // was last made with: a written column mostly has one of each.
  const made = new Map<
    number,
    { style: number; format: string | null; head: string; tail: string }
  >();
  /** Cell i of the patches as a new element ("" when it writes nothing). */
  const newCell = (r: number, i: number): string => {
    const value = values[i];
    const format = formats[i];
    if (value === "" || (value === null && !format)) return "";
    const c = columns[i];
    const style = index.layout.styleAt(r, c);
    let m = made.get(c);
    if (!m || m.style !== style || m.format !== format) {
      const s = format ? styles.withFormat(style, format) : style;
      m = { style, format, head: `<${p}c r="${columnLetters(c)}`, tail: s ? `" s="${s}"` : `"` };
      made.set(c, m);
    }
    if (typeof value === "number")
      return `${m.head}${r}${m.tail}><${p}v>${numberText(value)}</${p}v></${p}c>`;
    return `${m.head}${r}${m.tail}/>`;
  };
  /** The cells of patch row ri, as new elements. */
  const newCells = (ri: number): string => {
    let body = "";
    for (let i = patches.cellsFrom(ri); i < patches.cellsTo(ri); i++) body += newCell(rows[ri], i);
    return body;
  };
  const newRow = (ri: number): string => {
    const body = newCells(ri);
    return body ? `<${p}row r="${rows[ri]}">${body}</${p}row>` : "";
  };
  const newRows = (): string => {
    let text = "";
    for (let ri = 0; ri < rows.length; ri++) text += newRow(ri);
    return text;
  };

  if (index.dataOpenEnd < 0) {
    // No <sheetData> at all: the rows go into one, where CT_Worksheet wants it.
    const data = `<${p}sheetData>${newRows()}</${p}sheetData>`;
    if (index.rootSelfClosing)
      splices.replace(index.rootOpenEnd - 2, index.rootOpenEnd, `>${data}</${index.rootName}>`);
    else splices.insert(index.dataPlace, data);
  } else if (index.dataEnd >= 0) {
    // <sheetData/>: the rows go inside it.
    const tag = `${p}sheetData`;
    splices.replace(index.dataEnd - 2, index.dataEnd, `>${newRows()}</${tag}>`);
  } else
    for (let ri = 0; ri < rows.length; ri++) {
      const r = rows[ri];
      const at = index.findRow(r);
      if (at < 0) {
        const before = -at - 2;
        const text = newRow(ri);
        if (text) splices.insert(before >= 0 ? index.row(before).end : index.before, text);
        continue;
      }
      const row = index.row(at);
      const from = patches.cellsFrom(ri);
      const to = patches.cellsTo(ri);
      extendSpans(bytes, row, columns[from], columns[to - 1], splices);
      if (row.closeStart < 0) {
        splices.replace(row.openEnd - 2, row.openEnd, `>${newCells(ri)}</${p}row>`);
        continue;
      }
      let k = 0; // the row's cells, merged with the written columns
      for (let i = from; i < to; i++) {
        const c = columns[i];
        while (k < row.cells && index.cellColumn(row.firstCell + k) < c) k++;
        if (k < row.cells && index.cellColumn(row.firstCell + k) === c) {
          const cell = index.cell(row.firstCell + k);
          const replaced = replaceCell(
            bytes,
            part,
            cell,
            values[i],
            formats[i],
            styles,
            r,
            p,
            moved,
            arrays
          );
          if (replaced) {
            splices.replace(cell.start, cell.end, replaced.text);
            if (replaced.formula) formulaReplaced = true;
            replacedCells.add(row.firstCell + k);
          }
          k++;
        } else {
          const text = newCell(r, i);
          const next = k < row.cells ? index.cell(row.firstCell + k).start : row.closeStart;
          if (text) splices.insert(next, text);
        }
      }
    }
  if (moved.size) moveMasters(bytes, part, index, replacedCells, moved, splices);
  if (index.dimension) {
    const [s, e] = index.dimension;
    const current = decodeBytes(bytes, s, e);
    const wider = widenDimension(current, patches);
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
    const ri = patches.find(r);
    if (ri < 0) return false;
    for (let c = from.column; c <= to.column; c++) {
      let i = patches.cellsFrom(ri);
      while (i < patches.cellsTo(ri) && patches.columns[i] !== c) i++;
      if (i === patches.cellsTo(ri) || patches.values[i] === null) return false;
    }
  }
  return true;
}

function replacesMaster(index: SheetIndex, patches: Patches): boolean {
  for (let ri = 0; ri < patches.rowCount; ri++) {
    const at = index.findRow(patches.rows[ri]);
    if (at < 0) continue;
    const row = index.row(at);
    for (let k = 0; k < row.cells; k++) {
      const cell = index.cell(row.firstCell + k);
      if (!(cell.flags & SHARED_MASTER)) continue;
      for (let i = patches.cellsFrom(ri); i < patches.cellsTo(ri); i++)
        if (patches.columns[i] === cell.column && patches.values[i] !== null) return true;
    }
  }
  return false;
}

/** The cell element as the patch makes it (null: nothing to change), and whether a formula went. */
function replaceCell(
  bytes: Uint8Array,
  part: string,
  cell: IndexedCell,
  value: PatchValue,
  format: string | null,
  styles: StyleSource,
  row: number,
  p: string,
  moved: Map<string, Master>,
  arrays: string[]
): { text: string; formula: boolean } | null {
  const scanner = new XmlScanner(bytes.subarray(cell.start, cell.end), part);
  scanner.next();
  const style = scanner.attrInt("s", 0);
  const s = format ? styles.withFormat(style, format) : style;
  if (value === null) {
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
      typeof value === "number"
        ? `<${p}c ${at}><${p}v>${numberText(value)}</${p}v></${p}c>`
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
  first: number,
  last: number,
  splices: Splices
): void {
  const vs = row.spansStart;
  const ve = row.spansEnd;
  if (vs < 0) return;
  let low = 0;
  let i = vs;
  for (; i < ve && bytes[i] >= 0x30 && bytes[i] <= 0x39; i++) low = low * 10 + bytes[i] - 0x30;
  if (bytes[i] !== 0x3a || i === vs) return; // not one "a:b" range: left as it is
  let high = 0;
  const from = ++i;
  for (; i < ve && bytes[i] >= 0x30 && bytes[i] <= 0x39; i++) high = high * 10 + bytes[i] - 0x30;
  if (i !== ve || i === from) return;
  if (first >= low && last <= high) return;
  splices.replace(vs, ve, `${Math.min(low, first)}:${Math.max(high, last)}`);
}

/** The sheet's `dimension` grown to take in the written cells. */
function widenDimension(ref: string, patches: Patches): string {
  const [a, b = a] = ref.split(":");
  const from = parseCellRef(a.replace(/\$/g, ""));
  const to = parseCellRef(b.replace(/\$/g, ""));
  if (!from || !to || !from.row || !to.row) return ref;
  let { row: top, column: left } = from;
  let { row: bottom, column: right } = to;
  // The written cells' columns in one flat pass; their rows bounded by the first and the last.
  const { columns, values } = patches;
  let first = -1;
  let last = -1;
  for (let i = 0; i < columns.length; i++) {
    if (values[i] === null || values[i] === "") continue;
    if (first < 0) first = i;
    last = i;
    if (columns[i] < left) left = columns[i];
    if (columns[i] > right) right = columns[i];
  }
  if (first < 0) return ref;
  top = Math.min(top, patches.rowOf(first));
  bottom = Math.max(bottom, patches.rowOf(last));
  const start = `${columnLetters(left)}${top}`;
  const end = `${columnLetters(right)}${bottom}`;
  const wider = start === end ? start : `${start}:${end}`;
  const same = from.row === top && from.column === left && to.row === bottom && to.column === right;
  return same ? ref : wider;
}
