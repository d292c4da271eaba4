/**
 * Writes values into a worksheet part by splicing its XML: each written cell's element is replaced
 * (or a cell, or a row, is inserted where it belongs); every other byte of the sheet stays as it was:
 * other cells, validation, conditional formats, drawings, extensions.
 */
import { columnLetters } from "../../core/address";
import { shiftFormula } from "./formula-shift";
import { parseCellRef, SheetLayout } from "./sheet-cells";
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
}

/** Cell attributes that describe the old value and go with it. */
const DROPPED = new Set(["r", "s", "t", "cm", "vm"]);

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
  return String(value);
}

interface MovedMaster {
  text: string;
  row: number;
  column: number;
  ref: string;
}

export function patchSheet(
  bytes: Uint8Array,
  part: string,
  patches: Map<number, Map<number, CellPatch>>,
  styles: StyleSource
): PatchOutcome {
  const splices = new Splices();
  const scanner = new XmlScanner(bytes, part);
  const layout = new SheetLayout();
  const rows = [...patches.keys()].sort((a, b) => a - b);
  let nextRow = 0; // index into rows of the first row not yet written
  let formulaReplaced = false;
  const moved = new Map<string, MovedMaster | null>(); // null once a new master was written
  let p = ""; // the prefix SpreadsheetML elements use in this sheet
  let inData = false;
  let row = 0;
  let column = 0;
  let cells: number[] | null = null; // columns still to write in the current row
  let cellsOfRow: Map<number, CellPatch> | null = null;
  let dimension: [number, number] | null = null;

  /** A cell the sheet does not hold yet: created for a number, or for a format alone. */
  const newCell = (r: number, c: number, patch: CellPatch, style: number): string => {
    if (patch.value === "" || (patch.value === null && !patch.format)) return "";
    const s = patch.format ? styles.withFormat(style, patch.format) : style;
    const at = `r="${columnLetters(c)}${r}"${s ? ` s="${s}"` : ""}`;
    if (typeof patch.value === "number")
      return `<${p}c ${at}><${p}v>${numberText(patch.value)}</${p}v></${p}c>`;
    return `<${p}c ${at}/>`;
  };
  const rowXml = (r: number): string => {
    const patch = patches.get(r)!;
    const body = [...patch.keys()]
      .sort((a, b) => a - b)
      .map((c) => newCell(r, c, patch.get(c)!, layout.styleAt(r, c)))
      .join("");
    return body ? `<${p}row r="${r}">${body}</${p}row>` : "";
  };
  const rowsBefore = (limit: number): string => {
    let out = "";
    while (nextRow < rows.length && rows[nextRow] < limit) out += rowXml(rows[nextRow++]);
    return out;
  };
  const cellsBefore = (limit: number): string => {
    let out = "";
    while (cells && cells.length && cells[0] < limit) {
      const c = cells.shift()!;
      out += newCell(row, c, cellsOfRow!.get(c)!, layout.styleAt(row, c));
    }
    return out;
  };

  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === CLOSE) {
      if (!inData) continue;
      if (scanner.depth === 2 && scanner.localIs("row") && cells) {
        const rest = cellsBefore(Infinity);
        if (rest) splices.insert(scanner.start, rest);
        cells = cellsOfRow = null;
      } else if (scanner.depth === 1 && scanner.localIs("sheetData")) {
        const rest = rowsBefore(Infinity);
        if (rest) splices.insert(scanner.start, rest);
        inData = false;
      }
      continue;
    }
    if (kind !== OPEN) continue;
    const depth = scanner.depth;
    if (depth === 1) {
      p = scanner.prefix() ? `${scanner.prefix()}:` : "";
      continue;
    }
    if (!inData) {
      if (depth === 2 && scanner.localIs("dimension")) {
        const k = scanner.attrIndex("ref");
        if (k >= 0) dimension = scanner.attrSpan(k);
      } else if (depth === 3 && scanner.localIs("col")) layout.column(scanner);
      else if (depth === 2 && scanner.localIs("sheetData")) {
        if (!scanner.selfClosing) inData = true;
        else {
          const name = scanner.qualifiedName();
          splices.replace(scanner.end - 2, scanner.end, `>${rowsBefore(Infinity)}</${name}>`);
        }
      }
      continue;
    }
    if (depth === 3 && scanner.localIs("row")) {
      const r = scanner.attr("r");
      row = r === undefined ? row + 1 : Number(r);
      column = 0;
      const before = rowsBefore(row);
      if (before) splices.insert(scanner.start, before);
      layout.row(scanner, row);
      cellsOfRow = patches.get(row) ?? null;
      cells = null;
      if (cellsOfRow && nextRow < rows.length && rows[nextRow] === row) {
        nextRow++;
        cells = [...cellsOfRow.keys()].sort((a, b) => a - b);
        extendSpans(scanner, splices, cells);
        if (scanner.selfClosing) {
          const name = scanner.qualifiedName();
          splices.replace(scanner.end - 2, scanner.end, `>${cellsBefore(Infinity)}</${name}>`);
          cells = cellsOfRow = null;
        }
      }
      continue;
    }
    if (depth !== 4 || !scanner.localIs("c")) continue;
    const ref = scanner.attr("r");
    if (ref === undefined) column++;
    else column = parseCellRef(ref)?.column ?? column + 1;
    if (cells) {
      const before = cellsBefore(column);
      if (before) splices.insert(scanner.start, before);
    }
    // A column written once: a second cell with the same column (a damaged row) is left alone.
    const at = cells ? cells.indexOf(column) : -1;
    if (at < 0) {
      if (moved.size) moveMaster(scanner, splices, moved, row, column, p);
      continue;
    }
    const patch = cellsOfRow!.get(column)!;
    cells!.splice(at, 1);
    replaceCell(
      scanner,
      splices,
      patch,
      styles,
      row,
      column,
      p,
      moved,
      () => (formulaReplaced = true)
    );
  }

  if (dimension) {
    const [s, e] = dimension;
    const current = decodeBytes(bytes, s, e);
    const wider = widenDimension(current, patches);
    if (wider !== current) splices.replace(s, e, wider);
  }
  return { bytes: splices.apply(bytes), formulaReplaced };
}

/** Replaces the current cell element (the scanner on its start tag) by the patched cell. */
function replaceCell(
  scanner: XmlScanner,
  splices: Splices,
  patch: CellPatch,
  styles: StyleSource,
  row: number,
  column: number,
  p: string,
  moved: Map<string, MovedMaster | null>,
  replacedFormula: () => void
): void {
  const start = scanner.start;
  const style = Number(scanner.attr("s") ?? 0) || 0;
  const s = patch.format ? styles.withFormat(style, patch.format) : style;
  const n = scanner.attributeCount();
  let kept = "";
  for (let k = 0; k < n; k++) {
    const name = scanner.attrName(k);
    if (DROPPED.has(name)) continue;
    const [vs, ve] = scanner.attrSpan(k);
    kept += ` ${name}="${decodeBytes(scanner.bytes, vs, ve).replace(/"/g, "&quot;")}"`;
  }
  const tagEnd = scanner.end;
  const selfClosing = scanner.selfClosing;
  const name = scanner.qualifiedName();
  if (patch.value === null) {
    // Content kept: only the style changes.
    if (s === style) return;
    const k = scanner.attrIndex("s");
    if (k >= 0) {
      const [vs, ve] = scanner.attrSpan(k);
      splices.replace(vs, ve, String(s));
    } else splices.insert(scanner.attrStart, ` s="${s}"`);
    return;
  }
  let end = tagEnd;
  if (!selfClosing) {
    for (let k = scanner.next(); k !== END; k = scanner.next()) {
      if (k === CLOSE && scanner.depth < 4) {
        end = scanner.end;
        break;
      }
      if (k === OPEN && scanner.depth === 5 && scanner.localIs("f")) {
        replacedFormula();
        const ref = scanner.attr("ref");
        const si = scanner.attr("si");
        if (
          scanner.attr("t") === "shared" &&
          ref !== undefined &&
          si !== undefined &&
          !scanner.selfClosing
        ) {
          scanner.next();
          const text = scanner.kind === TEXT ? scanner.textValue() : "";
          moved.set(si, { text, row, column, ref });
        }
      }
    }
  }
  const at = `r="${columnLetters(column)}${row}"${s ? ` s="${s}"` : ""}${kept}`;
  splices.replace(
    start,
    end,
    typeof patch.value === "number"
      ? `<${name} ${at}><${p}v>${numberText(patch.value)}</${p}v></${name}>`
      : `<${name} ${at}/>`
  );
}

/**
 * A cell of a shared formula whose first cell was overwritten: the first such cell left becomes the
 * group's first cell, with the formula moved to it, so the rest keep their formulas.
 */
function moveMaster(
  scanner: XmlScanner,
  splices: Splices,
  moved: Map<string, MovedMaster | null>,
  row: number,
  column: number,
  p: string
): void {
  if (scanner.selfClosing) return;
  for (let k = scanner.next(); k !== END; k = scanner.next()) {
    if (k === CLOSE && scanner.depth < 4) return;
    if (k !== OPEN || scanner.depth !== 5 || !scanner.localIs("f")) continue;
    if (scanner.attr("t") !== "shared") continue;
    const si = scanner.attr("si");
    const master = si === undefined ? undefined : moved.get(si);
    if (!master || scanner.attr("ref") !== undefined) continue;
    const start = scanner.start;
    let end = scanner.end;
    if (!scanner.selfClosing)
      for (let j = scanner.next(); j !== END; j = scanner.next())
        if (j === CLOSE && scanner.depth < 5) {
          end = scanner.end;
          break;
        }
    const text = shiftFormula(master.text, row - master.row, column - master.column);
    const [, bottomRight] = master.ref.split(":");
    const ref = `${columnLetters(column)}${row}${bottomRight ? `:${bottomRight}` : ""}`;
    splices.replace(
      start,
      end,
      `<${p}f t="shared" ref="${ref}" si="${escapeXml(si!)}">${escapeXml(text)}</${p}f>`
    );
    moved.set(si!, null);
  }
}

/** Widens a row's `spans` hint ("1:6") when a written cell lies outside it. */
function extendSpans(scanner: XmlScanner, splices: Splices, columns: number[]): void {
  const k = scanner.attrIndex("spans");
  if (k < 0 || !columns.length) return;
  const spans = scanner.attrValue(k);
  const m = /^(\d+):(\d+)$/.exec(spans.trim());
  if (!m) return;
  const low = Math.min(Number(m[1]), columns[0]);
  const high = Math.max(Number(m[2]), columns[columns.length - 1]);
  if (low === Number(m[1]) && high === Number(m[2])) return;
  const [vs, ve] = scanner.attrSpan(k);
  splices.replace(vs, ve, `${low}:${high}`);
}

/** The sheet's `dimension` grown to take in the written cells. */
function widenDimension(ref: string, patches: Map<number, Map<number, CellPatch>>): string {
  const [a, b = a] = ref.split(":");
  const from = parseCellRef(a.replace(/\$/g, ""));
  const to = parseCellRef(b.replace(/\$/g, ""));
  if (!from || !to || !from.row || !to.row) return ref;
  let { row: top, column: left } = from;
  let { row: bottom, column: right } = to;
  for (const [r, cols] of patches)
    for (const [c, patch] of cols) {
      if (patch.value === null || patch.value === "") continue;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    }
  const start = `${columnLetters(left)}${top}`;
  const end = `${columnLetters(right)}${bottom}`;
  const wider = start === end ? start : `${start}:${end}`;
  const same = from.row === top && from.column === left && to.row === bottom && to.column === right;
  return same ? ref : wider;
}
