/**
 * Where the rows and cells of a worksheet part are: noted while the part is read (so that writing
 * into it needs no second pass), or by a pass of its own over the whole part.
 */
import { SheetProblem } from "./sheet-problem";
import { CLOSE, decodeBytes, END, OPEN, XmlScanner } from "./xml-scanner";

export const MAX_ROW = 1048576;
export const MAX_COLUMN = 16384;

/** Cell flags. */
export const HAS_FORMULA = 1;
export const SHARED_FORMULA = 2;
export const SHARED_MASTER = 4;

/** A row's fields in `rows` (flattened, ROW_FIELDS per row). */
const R = {
  number: 0,
  start: 1,
  openEnd: 2,
  closeStart: 3,
  end: 4,
  spansStart: 5,
  spansEnd: 6,
  firstCell: 7,
  cells: 8,
};
const ROW_FIELDS = 9;
/** A cell's fields in `cells`. */
const C = { column: 0, start: 1, end: 2, flags: 3 };
const CELL_FIELDS = 4;

export interface IndexedRow {
  number: number;
  start: number;
  /** Just after its start tag. */
  openEnd: number;
  /** At its end tag; -1 for a self-closing row. */
  closeStart: number;
  /** Just after the row. */
  end: number;
  /** The value of its `spans` attribute, or -1. */
  spansStart: number;
  spansEnd: number;
  firstCell: number;
  cells: number;
}

export interface IndexedCell {
  column: number;
  start: number;
  end: number;
  flags: number;
}

/** The styles a sheet gives its empty cells: a row's (when it says so), else its column's. */
export class SheetLayout {
  private readonly columns: [number, number, number][] = [];
  private readonly rows = new Map<number, number>();

  /** From a `<col min max style>` element. */
  column(scanner: XmlScanner): void {
    const style = scanner.attrInt("style", 0);
    if (style) this.columns.push([scanner.attrInt("min", 0), scanner.attrInt("max", 0), style]);
  }

  /** From a `<row>` element. */
  row(scanner: XmlScanner, row: number): void {
    if (scanner.attrIs("customFormat", "1") || scanner.attrIs("customFormat", "true"))
      this.rows.set(row, scanner.attrInt("s", 0));
  }

  styleAt(row: number, column: number): number {
    const own = this.rows.get(row);
    if (own !== undefined) return own;
    const columns = this.columns;
    for (let i = 0; i < columns.length; i++)
      if (column >= columns[i][0] && column <= columns[i][1]) return columns[i][2];
    return 0;
  }
}

export class SheetIndex {
  /** The prefix SpreadsheetML elements carry in this part ("" or "x:"). */
  prefix = "";
  /** The value span of `<dimension ref>`, if the part has one. */
  dimension: [number, number] | null = null;
  /** `<sheetData>`: just after its start tag, at its end tag (-1 when self-closing: then `dataEnd`). */
  dataOpenEnd = -1;
  dataCloseStart = -1;
  dataEnd = -1;
  /** The rows noted: every row of the part numbered from..to. */
  from = 1;
  to = MAX_ROW;
  /** Where the last row before `from` ends (or sheetData's content starts). */
  before = -1;
  /** Rows and cells in document order, ascending (otherwise not `ordered`, and not used). */
  ordered = true;
  readonly layout = new SheetLayout();
  /** How many noted cells start a shared formula. */
  sharedMasters = 0;
  private readonly rowData: number[] = [];
  private readonly cellData: number[] = [];

  get rowCount(): number {
    return this.rowData.length / ROW_FIELDS;
  }

  /**
   * Row i's fields, in one object reused from call to call (a write asks once per written row, and
   * thousands of objects would only feed the garbage collector): read it before asking again.
   */
  row(i: number): IndexedRow {
    const d = this.rowData;
    const at = i * ROW_FIELDS;
    const row = this.scratch;
    row.number = d[at + R.number];
    row.start = d[at + R.start];
    row.openEnd = d[at + R.openEnd];
    row.closeStart = d[at + R.closeStart];
    row.end = d[at + R.end];
    row.spansStart = d[at + R.spansStart];
    row.spansEnd = d[at + R.spansEnd];
    row.firstCell = d[at + R.firstCell];
    row.cells = d[at + R.cells];
    return row;
  }

  private readonly scratch: IndexedRow = {
    number: 0,
    start: 0,
    openEnd: 0,
    closeStart: 0,
    end: 0,
    spansStart: 0,
    spansEnd: 0,
    firstCell: 0,
    cells: 0,
  };

  cell(i: number): IndexedCell {
    const d = this.cellData;
    const at = i * CELL_FIELDS;
    return {
      column: d[at + C.column],
      start: d[at + C.start],
      end: d[at + C.end],
      flags: d[at + C.flags],
    };
  }

  /** The column of cell i (no object made: merging rows with written columns asks this often). */
  cellColumn(i: number): number {
    return this.cellData[i * CELL_FIELDS + C.column];
  }

  /** The index of the row numbered `number`, or of the last row before it as -(i + 2). */
  findRow(number: number): number {
    let low = 0;
    let high = this.rowCount - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const n = this.rowData[mid * ROW_FIELDS];
      if (n === number) return mid;
      if (n < number) low = mid + 1;
      else high = mid - 1;
    }
    return -(high + 2);
  }

  // ——— noting, as a scan goes ———

  private lastRow = 0;

  /** At a `<row>` start tag numbered `number`; `noted` says whether it is in the noted range. */
  openRow(scanner: XmlScanner, number: number, noted: boolean, prefixSet = true): void {
    if (!prefixSet) this.prefix = scanner.prefix() ? `${scanner.prefix()}:` : "";
    if (!noted) return;
    if (number <= this.lastRow) this.ordered = false;
    this.lastRow = number;
    const k = scanner.attrIndex("spans");
    const [spansStart, spansEnd] = k >= 0 ? scanner.attrSpan(k) : [-1, -1];
    this.rowData.push(
      number,
      scanner.start,
      scanner.end,
      scanner.selfClosing ? -1 : 0,
      scanner.end,
      spansStart,
      spansEnd,
      this.cellData.length / CELL_FIELDS,
      0
    );
  }

  /** At a noted row's end tag. */
  closeRow(closeStart: number, end: number): void {
    this.rowData[this.rowData.length - ROW_FIELDS + R.closeStart] = closeStart;
    this.rowData[this.rowData.length - ROW_FIELDS + R.end] = end;
  }

  /** Every row of the part is noted. */
  get complete(): boolean {
    return this.from <= 1 && this.to >= MAX_ROW;
  }

  /** A cell of a noted row: its column, where it is, what formula it holds. */
  addCell(column: number, start: number, end: number, flags: number): void {
    const cells = this.rowData.length - ROW_FIELDS + R.cells;
    const count = this.rowData[cells];
    if (count > 0 && this.cellData[this.cellData.length - CELL_FIELDS] >= column)
      this.ordered = false;
    this.cellData.push(column, start, end, flags);
    if (flags & SHARED_MASTER) this.sharedMasters++;
    this.rowData[cells] = count + 1;
  }

  /** A row before the noted range ended here. */
  rowBefore(end: number): void {
    this.before = end;
  }

  // ——— what comes before the rows ———

  /** Where a missing `<sheetData>` would go: after the elements CT_Worksheet puts before it. */
  dataPlace = -1;
  /** The root's start tag ends here; `rootSelfClosing` for an empty `<worksheet/>`. */
  rootOpenEnd = -1;
  rootSelfClosing = false;
  rootName = "worksheet";

  /**
   * A start tag outside the rows (the scanner's depth 1 to 3): the prefix, the dimension, column
   * styles, where sheetData is. Returns true when the rows begin (a `<sheetData>` with content).
   */
  head(scanner: XmlScanner, part: string): boolean {
    const depth = scanner.depth;
    if (depth === 1) {
      if (!scanner.localIs("worksheet"))
        throw new SheetProblem(part, "not-sheet", scanner.localName());
      this.prefix = scanner.prefix() ? `${scanner.prefix()}:` : "";
      this.rootOpenEnd = this.dataPlace = scanner.end;
      this.rootSelfClosing = scanner.selfClosing;
      this.rootName = scanner.qualifiedName();
    } else if (depth === 2) {
      if (scanner.localIs("sheetData")) {
        this.dataOpenEnd = this.before = scanner.end;
        if (scanner.selfClosing) this.dataEnd = scanner.end;
        else return true;
      } else if (scanner.localIs("dimension")) {
        const k = scanner.attrIndex("ref");
        if (k >= 0) this.dimension = scanner.attrSpan(k);
      }
      if (scanner.selfClosing) this.headEnd(scanner);
    } else if (depth === 3 && scanner.localIs("col")) this.layout.column(scanner);
    return false;
  }

  /** An element before the rows ended (its end tag, or a self-closing start tag). */
  headEnd(scanner: XmlScanner): void {
    if (this.dataOpenEnd < 0 && BEFORE_DATA.some((name) => scanner.localIs(name)))
      this.dataPlace = scanner.end;
  }
}

/** What CT_Worksheet puts before sheetData. */
const BEFORE_DATA = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols"];

/**
 * The number of the row whose start tag the scanner is on: its `r`; for a row written without one,
 * its first cell's reference (as Excel and LibreOffice read it), else the row after `previous`.
 * Returns -1 for an `r` that is no number.
 */
export function rowNumber(scanner: XmlScanner, previous: number): number {
  if (scanner.attrIndex("r") >= 0) return scanner.attrInt("r", -1);
  if (scanner.selfClosing) return previous + 1;
  const b = scanner.bytes;
  let i = scanner.end;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x0a || b[i] === 0x0d || b[i] === 0x09)) i++;
  if (b[i] !== 0x3c) return previous + 1;
  let tagEnd = i + 1;
  while (tagEnd < b.length && b[tagEnd] !== 0x3e) tagEnd++;
  // <c …> or <x:c …>: the first cell's start tag, its r="AB12" read for the digits.
  const tag = decodeBytes(b, i, tagEnd);
  const match = /^<(?:[\w.-]+:)?c\s[^>]*?\br\s*=\s*["'][A-Za-z]{1,3}(\d+)["']/.exec(tag);
  return match ? Number(match[1]) : previous + 1;
}

/** The flags of a cell's formula child (`<f>`), from its start tag. */
export function formulaFlags(scanner: XmlScanner): number {
  if (!scanner.attrIs("t", "shared")) return HAS_FORMULA;
  return HAS_FORMULA | SHARED_FORMULA | (scanner.attrIndex("ref") >= 0 ? SHARED_MASTER : 0);
}

/**
 * Notes every row and cell of a worksheet part: what writing into a sheet uses when its read did not
 * note them (a sheet written without being read, or a shared formula to follow beyond the read).
 */
export function indexSheet(bytes: Uint8Array, part: string): SheetIndex {
  const index = new SheetIndex();
  const scanner = new XmlScanner(bytes, part);
  let inData = false;
  let row = 0;
  let column = 0;
  let cellStart = -1;
  let flags = 0;
  index.from = 1;
  index.to = MAX_ROW;
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    const depth = scanner.depth;
    if (kind === CLOSE) {
      if (!inData) {
        if (depth === 1) index.headEnd(scanner);
        continue;
      }
      if (depth === 3 && cellStart >= 0) {
        index.addCell(column, cellStart, scanner.end, flags);
        cellStart = -1;
      } else if (depth === 2) index.closeRow(scanner.start, scanner.end);
      else if (depth === 1) {
        index.dataCloseStart = scanner.start;
        inData = false;
      }
      continue;
    }
    if (kind !== OPEN) continue;
    if (!inData) inData = index.head(scanner, part);
    else if (depth === 3 && scanner.localIs("row")) {
      row = rowNumber(scanner, row);
      column = 0;
      index.openRow(scanner, row, true);
      index.layout.row(scanner, row);
    } else if (depth === 4 && scanner.localIs("c")) {
      column = scanner.attrCellRef("r") && scanner.refColumn ? scanner.refColumn : column + 1;
      if (scanner.selfClosing) index.addCell(column, scanner.start, scanner.end, 0);
      else {
        cellStart = scanner.start;
        flags = 0;
      }
    } else if (depth === 5 && cellStart >= 0 && scanner.localIs("f"))
      flags |= formulaFlags(scanner);
  }
  return index;
}
