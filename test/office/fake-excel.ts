/**
 * A test double of the Excel JavaScript API, for the subset the adapter uses. office-addin-mock
 * cannot mock collections such as workbook.names, so this one is ours. It behaves like Office.js
 * where it matters for correctness and cost:
 * - properties throw PropertyNotLoaded until `load` was called and `context.sync()` ran;
 * - loads and writes are queued and applied in order at sync; a failing operation rejects the sync;
 * - null in a 2-D values or numberFormat array leaves that cell unchanged, "" clears it;
 * - it records every sync, the calls made, and a rough size of each request;
 * - an API above the fake's ExcelApi version fails its sync with ApiNotFound, as real Excel does;
 * - strings written through Range.values are parsed as en-US Excel parses typing (a leading =, +
 *   or - makes a formula, "1.400" and "80,30" become numbers, "50%" a percentage) unless the cell's
 *   number format is "@" (text) at that point of the batch;
 * - reading values, formats or formulas of more than 5,000,000 cells fails the sync.
 */
import {
  columnLetters,
  columnNumber,
  parseRangeAddress,
  rangeAddress,
  sheetPrefix,
} from "../../src/core/address";

export interface FakeCell {
  value: string | number | boolean;
  format: string;
  formula: string | null;
}

/** 0-based, inclusive. */
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * What one call adds to a request, roughly, as Office.js sends it (an action with its object path
 * and arguments): a style set on a range, a merge, a row height.
 */
export const ACTION_BYTES = 200;

/** Excel's read limit for one range's values, number formats or formulas. */
export const READ_CELL_LIMIT = 5_000_000;

/** -1, 0 or 1 as requirement set version a is below, equal to or above b ("1.10" > "1.9"). */
export function compareVersions(a: string, b: string): number {
  const [am, an] = a.split(".").map(Number);
  const [bm, bn] = b.split(".").map(Number);
  return Math.sign(am - bm || an - bn);
}

/**
 * A string written into a cell whose format is not "@", as en-US Excel takes it: a formula, a
 * number, a percentage, a boolean, or the text itself.
 */
export function typedAsExcelDoes(text: string): Partial<FakeCell> {
  const number = /^([+-]?)(\d[\d,]*)(\.\d+)?(%?)$/.exec(text.trim());
  if (number) {
    const value = Number(`${number[1]}${number[2].replace(/,/g, "")}${number[3] ?? ""}`);
    return number[4] ? { value: value / 100, format: "0%" } : { value };
  }
  if (/^[=+-]./.test(text)) {
    const formula = text.startsWith("=") ? text : `=${text}`;
    return { value: "#NAME?", formula };
  }
  if (/^(true|false)$/i.test(text)) return { value: text.toLowerCase() === "true" };
  return { value: text };
}

export class OfficeError extends Error {
  constructor(
    public readonly code: string,
    message: string
  ) {
    super(message);
  }
}

export interface FakeChartSeries {
  name?: string;
  values: Box | null;
  xValues?: Box;
  chartType?: string;
}

/** A chart as the adapter built it: its type, title, place and series over the sheet's cells. */
export interface FakeChart {
  type: string;
  title?: string;
  position?: [string, string];
  series: FakeChartSeries[];
  valueAxisTitle?: string;
  legend?: string;
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
  charts: FakeChart[] = [];
  merges: Box[] = [];
  formats: { box: Box; prop: string; value: unknown }[] = [];
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  autofitted: Box[] = [];
  pageLayout: Record<string, unknown> = {};
  showGridlines = true;

  constructor(public name: string) {}

  cell(row: number, column: number): FakeCell {
    return this.cells.get(`${row},${column}`) ?? { value: "", format: "General", formula: null };
  }

  put(row: number, column: number, change: Partial<FakeCell>): void {
    this.cells.set(`${row},${column}`, { ...this.cell(row, column), ...change });
  }

  /** Fill a block from A1-style top-left, for test set-up: rows of values. */
  fill(topLeft: string, rows: (string | number | boolean | null)[][], format?: string): void {
    const at = parseRangeAddress(`X!${topLeft}`)!;
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null)
          this.put(at.top - 1 + r, at.left - 1 + c, { value, ...(format ? { format } : {}) });
      })
    );
  }

  /** The style properties set on a cell (0-based), later settings winning. */
  styleAt(row: number, column: number): Record<string, unknown> {
    const style: Record<string, unknown> = {};
    for (const { box, prop, value } of this.formats) {
      if (row >= box.top && row <= box.bottom && column >= box.left && column <= box.right)
        style[prop] = value;
    }
    return style;
  }

  usedRows(): number {
    let max = 0;
    for (const key of this.cells.keys()) max = Math.max(max, Number(key.split(",")[0]) + 1);
    return max;
  }
}

export interface FakeName {
  name: string;
  scope: string | null;
  /** As Excel shows it: "='PK 2020'!$E$7:$E$9", "=#REF!", "=0.5". */
  refersTo: string;
}

type Props = string | string[] | Record<string, unknown>;

function propList(props: Props): string[] {
  if (typeof props === "string") return props.split(",").map((p) => p.trim());
  if (Array.isArray(props)) return props;
  return Object.keys(props);
}

/** A proxy whose properties must be loaded and synced before they can be read. */
class Loadable {
  private loaded = new Set<string>();
  private snapshot: Record<string, unknown> = {};

  constructor(protected readonly excel: FakeExcel) {}

  load(props: Props = []): this {
    const list = propList(props);
    this.excel.record(`${this.constructor.name}.load(${list.join(",")})`);
    this.excel.enqueue(() => {
      for (const p of list) {
        this.snapshot[p] = this.read(p);
        this.loaded.add(p);
      }
    });
    return this;
  }

  protected read(_prop: string): unknown {
    return undefined;
  }

  /** Loads a property now, inside a sync that is already running (items of a loaded collection). */
  loadNow(prop: string): void {
    this.snapshot[prop] = this.read(prop);
    this.loaded.add(prop);
  }

  protected loadedValue<T>(prop: string): T {
    if (!this.loaded.has(prop)) {
      throw new OfficeError(
        "PropertyNotLoaded",
        `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
      );
    }
    return this.snapshot[prop] as T;
  }
}

class FakeBorder {
  constructor(
    private readonly range: FakeRange,
    private readonly edge: string
  ) {}
  set style(value: string) {
    this.range.setFormat(`border.${this.edge}`, value);
  }
}

class FakeFormat {
  readonly font: Record<string, unknown>;
  readonly fill: { color: string };
  readonly borders = { getItem: (edge: string) => new FakeBorder(this.range, edge) };

  constructor(private readonly range: FakeRange) {
    const setter = (prefix: string) =>
      new Proxy({} as Record<string, unknown>, {
        set: (_t, prop: string, value) => {
          range.setFormat(`${prefix}${prop}`, value);
          return true;
        },
      });
    this.font = setter("font.");
    this.fill = setter("fill.") as { color: string };
  }
  set horizontalAlignment(v: string) {
    this.range.setFormat("horizontalAlignment", v);
  }
  set verticalAlignment(v: string) {
    this.range.setFormat("verticalAlignment", v);
  }
  set wrapText(v: boolean) {
    this.range.setFormat("wrapText", v);
  }
  set columnWidth(v: number) {
    this.range.onSheet(
      (sheet, box) => {
        for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v);
      },
      "Range.format.columnWidth=",
      "1.2"
    );
  }
  set rowHeight(v: number) {
    this.range.onSheet(
      (sheet, box) => {
        for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, v);
      },
      "Range.format.rowHeight=",
      "1.2"
    );
  }
  autofitRows(): void {
    this.range.onSheet(
      (sheet, box) => sheet.autofitted.push(box),
      "Range.format.autofitRows()",
      "1.2"
    );
  }
}

export class FakeRange extends Loadable {
  readonly format: FakeFormat;

  /** `target` resolves at sync: a sheet and a box, or null for a null object. */
  constructor(
    excel: FakeExcel,
    private readonly target: () => { sheet: FakeSheet; box: Box } | null,
    /** From a *OrNullObject method: a missing target loads as a null object instead of failing. */
    private readonly nullable = false
  ) {
    super(excel);
    this.format = new FakeFormat(this);
  }

  override load(props: Props = []): this {
    // Like Office.js, any load of an *OrNullObject result also tells whether it is a null object.
    return super.load(this.nullable ? [...propList(props), "isNullObject"] : props);
  }

  /** The range's sheet and cells, inside a running sync (a chart takes a range). */
  resolveNow(): { sheet: FakeSheet; box: Box } {
    return this.resolve();
  }

  private resolve(): { sheet: FakeSheet; box: Box } {
    const t = this.target();
    if (!t) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }

  protected override read(prop: string): unknown {
    if (prop === "isNullObject") return this.target() === null;
    if (this.nullable && this.target() === null) return undefined;
    const { sheet, box } = this.resolve();
    const cells = (box.bottom - box.top + 1) * (box.right - box.left + 1);
    if (["values", "numberFormat", "formulas"].includes(prop) && cells > READ_CELL_LIMIT)
      throw new OfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `Reading ${prop} of ${cells} cells passes Excel's limit of ${READ_CELL_LIMIT}.`
      );
    const grid = <T>(f: (c: FakeCell) => T) => {
      const rows: T[][] = [];
      for (let r = box.top; r <= box.bottom; r++) {
        const row: T[] = [];
        for (let c = box.left; c <= box.right; c++) row.push(f(sheet.cell(r, c)));
        rows.push(row);
      }
      return rows;
    };
    switch (prop) {
      case "address":
        // Excel writes a whole column as "'PK 2020'!E:E".
        if (box.top === 0 && box.bottom === 1048575)
          return `${sheetPrefix(sheet.name)}${columnLetters(box.left + 1)}:${columnLetters(box.right + 1)}`;
        return rangeAddress(sheet.name, box.top + 1, box.left + 1, box.bottom + 1, box.right + 1);
      case "values":
        return grid((c) => c.value);
      case "numberFormat":
        return grid((c) => c.format);
      case "formulas":
        return grid((c) => c.formula ?? c.value);
      case "rowCount":
        return box.bottom - box.top + 1;
      case "columnCount":
        return box.right - box.left + 1;
      default:
        throw new OfficeError("InvalidArgument", `FakeRange cannot load ${prop}`);
    }
  }

  get address(): string {
    return this.loadedValue("address");
  }
  /** The address now, inside a running sync (names.add takes a range). */
  currentAddress(): string {
    return this.read("address") as string;
  }
  get values(): unknown[][] {
    return this.loadedValue("values");
  }
  get numberFormat(): string[][] {
    return this.loadedValue("numberFormat");
  }
  get formulas(): unknown[][] {
    return this.loadedValue("formulas");
  }
  get rowCount(): number {
    return this.loadedValue("rowCount");
  }
  get columnCount(): number {
    return this.loadedValue("columnCount");
  }
  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }

  private writeGrid(prop: "value" | "format", grid: unknown[][]): void {
    this.excel.record(`Range.${prop === "value" ? "values" : "numberFormat"}=`);
    this.excel.enqueue(() => {
      const { sheet, box } = this.resolve();
      if (
        grid.length !== box.bottom - box.top + 1 ||
        grid.some((row) => row.length !== box.right - box.left + 1)
      ) {
        throw new OfficeError(
          "InvalidArgument",
          "The number of rows or columns in the input array doesn't match the size or dimensions of the range."
        );
      }
      grid.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return; // null leaves the cell as it is
          const row = box.top + r;
          const column = box.left + c;
          if (prop === "value") {
            const asText = sheet.cell(row, column).format === "@";
            sheet.put(
              row,
              column,
              typeof v === "string" && !asText && v !== ""
                ? { formula: null, ...typedAsExcelDoes(v) }
                : { value: v as FakeCell["value"], formula: null }
            );
          } else sheet.put(row, column, { format: v === "" ? "General" : String(v) });
        })
      );
    }, JSON.stringify(grid).length);
  }

  set values(grid: unknown[][]) {
    this.writeGrid("value", grid);
  }
  set numberFormat(grid: unknown[][]) {
    this.writeGrid("format", grid);
  }

  setFormat(prop: string, value: unknown): void {
    this.onSheet((sheet, box) => sheet.formats.push({ box, prop, value }), `Range.format.${prop}=`);
  }

  onSheet(op: (sheet: FakeSheet, box: Box) => void, call: string, version = "1.1"): void {
    this.excel.api(call, version);
    this.excel.enqueue(() => {
      const { sheet, box } = this.resolve();
      op(sheet, box);
    }, ACTION_BYTES);
  }

  /** Across: each row of the range merged on its own, as Excel's merge(true) does. */
  merge(across = false): void {
    this.onSheet(
      (sheet, box) => {
        if (!across) sheet.merges.push(box);
        else
          for (let r = box.top; r <= box.bottom; r++)
            sheet.merges.push({ ...box, top: r, bottom: r });
      },
      "Range.merge()",
      "1.2"
    );
  }

  /** The cells holding a value, a formula or (unless valuesOnly) a format: null object when none. */
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.excel.api("Range.getUsedRangeOrNullObject()", "1.4");
    return new FakeRange(
      this.excel,
      () => {
        const t = this.nullable ? this.target() : this.resolve();
        if (!t) return null;
        const used = { top: Infinity, left: Infinity, bottom: -1, right: -1 };
        for (const [key, cell] of t.sheet.cells) {
          const [r, c] = key.split(",").map(Number);
          if (r < t.box.top || r > t.box.bottom || c < t.box.left || c > t.box.right) continue;
          const usedCell =
            cell.value !== "" ||
            cell.formula !== null ||
            (!valuesOnly && cell.format !== "General");
          if (!usedCell) continue;
          used.top = Math.min(used.top, r);
          used.left = Math.min(used.left, c);
          used.bottom = Math.max(used.bottom, r);
          used.right = Math.max(used.right, c);
        }
        return used.bottom < 0 ? null : { sheet: t.sheet, box: used };
      },
      true
    );
  }

  select(): void {
    this.excel.record("Range.select()");
    this.excel.enqueue(() => {
      const { sheet, box } = this.resolve();
      this.excel.active = sheet.name;
      this.excel.selected = rangeAddress(
        sheet.name,
        box.top + 1,
        box.left + 1,
        box.bottom + 1,
        box.right + 1
      );
    });
  }
}

class FakeNamedItem extends Loadable {
  constructor(
    excel: FakeExcel,
    private readonly entry: () => FakeName | undefined,
    /** From getItemOrNullObject: a missing name loads as a null object instead of failing. */
    private readonly nullable = false
  ) {
    super(excel);
  }

  override load(props: Props = []): this {
    return super.load(this.nullable ? [...propList(props), "isNullObject"] : props);
  }

  private target(): { sheet: FakeSheet; box: Box } | null {
    const e = this.entry();
    const ref = e?.refersTo.replace(/^=/, "") ?? "";
    const column = /^(.+)!\$?([A-Z]+):\$?([A-Z]+)$/.exec(ref);
    if (column) {
      const sheet = this.excel.sheet(column[1].replace(/^'|'$/g, "").replace(/''/g, "'"));
      if (!sheet) return null;
      const [left, right] = [columnNumber(column[2]) - 1, columnNumber(column[3]) - 1];
      return { sheet, box: { top: 0, left, bottom: 1048575, right } };
    }
    const rect = e ? parseRangeAddress(ref) : null;
    const sheet = rect && this.excel.sheet(rect.sheet);
    if (!rect || !sheet) return null;
    return {
      sheet,
      box: {
        top: rect.top - 1,
        left: rect.left - 1,
        bottom: rect.bottom - 1,
        right: rect.right - 1,
      },
    };
  }

  protected override read(prop: string): unknown {
    const e = this.entry();
    if (prop === "isNullObject") return e === undefined;
    if (!e && this.nullable) return undefined;
    if (!e) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    if (prop === "name") return e.name;
    const ref = e.refersTo.replace(/^=/, "");
    if (prop === "type") {
      if (ref.includes("#REF!")) return "Error";
      // Any sheet reference is a Range in Excel, even a whole column or several areas.
      if (this.target() || ref.includes("!")) return "Range";
      return /^-?\d+(\.\d+)?$/.test(ref) ? "Double" : "String";
    }
    if (prop === "value") return ref.includes("#REF!") ? "#REF!" : ref;
    if (prop === "formula") return e.refersTo;
    throw new OfficeError("InvalidArgument", `FakeNamedItem cannot load ${prop}`);
  }

  get name(): string {
    return this.loadedValue("name");
  }
  get type(): string {
    return this.loadedValue("type");
  }
  get value(): unknown {
    return this.loadedValue("value");
  }
  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }

  getRangeOrNullObject(): FakeRange {
    this.excel.api("NamedItem.getRangeOrNullObject()", "1.4");
    return new FakeRange(this.excel, () => this.target(), true);
  }

  getRange(): FakeRange {
    this.excel.record("NamedItem.getRange()");
    return new FakeRange(this.excel, () => this.target());
  }

  delete(): void {
    this.excel.api("NamedItem.delete()", "1.4");
    this.excel.enqueue(() => {
      const e = this.entry();
      if (e) this.excel.names.splice(this.excel.names.indexOf(e), 1);
    });
  }
}

class FakeNames extends Loadable {
  private snapshotItems: FakeNamedItem[] | null = null;

  constructor(
    excel: FakeExcel,
    private readonly scope: () => string | null,
    private readonly sheetScoped = false,
    /** The names of a null worksheet: none, and nothing to fail on. */
    private readonly ofNullObject: () => boolean = () => false
  ) {
    super(excel);
  }

  private entries(): FakeName[] {
    if (this.ofNullObject()) return [];
    const scope = this.scope();
    return this.excel.names.filter((n) => (n.scope ?? null) === scope);
  }

  /** Worksheet-scoped names came with ExcelApi 1.4; the workbook's collection is in 1.1. */
  private version(): string {
    return this.sheetScoped ? "1.4" : "1.1";
  }

  override load(props: Props = []): this {
    const itemProps = propList(props).map((p) => p.replace(/^items\//, ""));
    this.excel.api(`NamedItemCollection.load(${itemProps.join(",")})`, this.version());
    this.excel.enqueue(() => {
      this.snapshotItems = this.entries().map((entry) => {
        const item = new FakeNamedItem(this.excel, () => entry);
        for (const p of itemProps) item.loadNow(p);
        return item;
      });
    });
    return this;
  }

  get items(): FakeNamedItem[] {
    if (!this.snapshotItems)
      throw new OfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.snapshotItems;
  }

  add(name: string, reference: FakeRange | string): void {
    this.excel.api("NamedItemCollection.add()", "1.4");
    this.excel.enqueue(() => {
      const scope = this.scope();
      if (this.entries().some((n) => n.name.toLowerCase() === name.toLowerCase())) {
        throw new OfficeError("ItemAlreadyExists", `A name ${name} already exists.`);
      }
      const refersTo = typeof reference === "string" ? reference : `=${reference.currentAddress()}`;
      this.excel.names.push({ name, scope, refersTo });
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    this.excel.api("NamedItemCollection.getItemOrNullObject()", "1.4");
    return new FakeNamedItem(
      this.excel,
      () => this.entries().find((n) => n.name.toLowerCase() === name.toLowerCase()),
      true
    );
  }
}

class FakePageLayout {
  constructor(
    private readonly sheet: () => FakeSheet,
    private readonly excel: FakeExcel
  ) {
    return new Proxy(this, {
      set: (_t, prop: string, value) => {
        excel.api(`PageLayout.${prop}=`, "1.9");
        excel.enqueue(() => {
          sheet().pageLayout[prop] = value;
        });
        return true;
      },
    });
  }
  setPrintTitleRows(rows: string): void {
    this.excel.api("PageLayout.setPrintTitleRows()", "1.9");
    this.excel.enqueue(() => {
      this.sheet().pageLayout.printTitleRows = rows;
    });
  }
}

/** Sets a property at sync, for a call of a requirement set. */
function setter<T>(excel: FakeExcel, call: string, version: string, apply: (v: T) => void) {
  return (v: T) => {
    excel.api(call, version);
    excel.enqueue(() => apply(v));
  };
}

class FakeChartSeriesProxy {
  constructor(
    private readonly excel: FakeExcel,
    private readonly series: () => FakeChartSeries
  ) {}
  set name(v: string) {
    setter<string>(this.excel, "ChartSeries.name=", "1.1", (n) => (this.series().name = n))(v);
  }
  set chartType(v: string) {
    setter<string>(
      this.excel,
      "ChartSeries.chartType=",
      "1.7",
      (t) => (this.series().chartType = t)
    )(v);
  }
  setValues(range: FakeRange): void {
    setter<FakeRange>(this.excel, "ChartSeries.setValues()", "1.7", (r) => {
      this.series().values = r.resolveNow().box;
    })(range);
  }
  setXAxisValues(range: FakeRange): void {
    setter<FakeRange>(this.excel, "ChartSeries.setXAxisValues()", "1.7", (r) => {
      this.series().xValues = r.resolveNow().box;
    })(range);
  }
}

class FakeChartProxy {
  readonly title: { text: string };
  readonly axes: { valueAxis: { title: { text: string } } };
  readonly legend: { position: string };
  readonly series: {
    getItemAt(i: number): FakeChartSeriesProxy;
    add(name: string): FakeChartSeriesProxy;
  };

  constructor(
    private readonly excel: FakeExcel,
    private readonly chart: FakeChart
  ) {
    const text = (call: string, apply: (v: string) => void) => {
      const set = setter<string>(excel, call, "1.1", apply);
      return {
        set text(v: string) {
          set(v);
        },
      } as { text: string };
    };
    this.title = text("ChartTitle.text=", (v) => (chart.title = v));
    this.axes = {
      valueAxis: { title: text("ChartAxisTitle.text=", (v) => (chart.valueAxisTitle = v)) },
    };
    const legend = setter<string>(excel, "ChartLegend.position=", "1.1", (v) => (chart.legend = v));
    this.legend = {
      set position(v: string) {
        legend(v);
      },
    } as { position: string };
    this.series = {
      getItemAt: (i) => new FakeChartSeriesProxy(excel, () => chart.series[i]),
      add: (name) => {
        let index = -1;
        excel.api("ChartSeriesCollection.add()", "1.7");
        excel.enqueue(() => {
          index = chart.series.push({ name, values: null }) - 1;
        });
        return new FakeChartSeriesProxy(excel, () => chart.series[index]);
      },
    };
  }

  setPosition(start: string, end: string): void {
    this.excel.api("Chart.setPosition()", "1.1");
    this.excel.enqueue(() => {
      this.chart.position = [start, end];
    });
  }
}

class FakeCharts {
  constructor(
    private readonly excel: FakeExcel,
    private readonly sheet: () => FakeSheet
  ) {}
  add(type: string, source: FakeRange, _seriesBy?: string): FakeChartProxy {
    this.excel.api("ChartCollection.add()", "1.1");
    const chart: FakeChart = { type, series: [] };
    this.excel.enqueue(() => {
      chart.series.push({ values: source.resolveNow().box });
      this.sheet().charts.push(chart);
    });
    return new FakeChartProxy(this.excel, chart);
  }
}

class FakeWorksheet extends Loadable {
  readonly names: FakeNames;
  readonly pageLayout: FakePageLayout;
  readonly charts: FakeCharts;

  constructor(
    excel: FakeExcel,
    private readonly find: () => FakeSheet | undefined,
    /** From getItemOrNullObject: a missing sheet is a null object, and so is what hangs off it. */
    private readonly nullable = false
  ) {
    super(excel);
    this.names = new FakeNames(
      excel,
      () => (this.nullable && !this.find() ? null : this.sheet().name),
      true,
      () => this.nullable && !this.find()
    );
    this.pageLayout = new FakePageLayout(() => this.sheet(), excel);
    this.charts = new FakeCharts(excel, () => this.sheet());
  }

  sheet(): FakeSheet {
    const s = this.find();
    if (!s) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }

  override load(props: Props = []): this {
    return super.load(this.nullable ? [...propList(props), "isNullObject"] : props);
  }

  protected override read(prop: string): unknown {
    if (prop === "isNullObject") return this.find() === undefined;
    if (this.nullable && !this.find()) return undefined;
    if (prop === "name") return this.sheet().name;
    throw new OfficeError("InvalidArgument", `FakeWorksheet cannot load ${prop}`);
  }

  get name(): string {
    return this.loadedValue("name");
  }
  get isNullObject(): boolean {
    return this.loadedValue("isNullObject");
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): FakeRange {
    this.excel.api("Worksheet.getRangeByIndexes()", "1.7");
    return new FakeRange(this.excel, () => ({
      sheet: this.sheet(),
      box: { top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 },
    }));
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.excel, () => {
      const whole = /^([A-Z]+):([A-Z]+)$/.exec(address);
      if (whole)
        return {
          sheet: this.sheet(),
          box: {
            top: 0,
            left: columnNumber(whole[1]) - 1,
            bottom: 1048575,
            right: columnNumber(whole[2]) - 1,
          },
        };
      const rect = parseRangeAddress(`X!${address}`);
      if (!rect) throw new OfficeError("InvalidArgument", `Bad address ${address}`);
      return {
        sheet: this.sheet(),
        box: {
          top: rect.top - 1,
          left: rect.left - 1,
          bottom: rect.bottom - 1,
          right: rect.right - 1,
        },
      };
    });
  }

  delete(): void {
    this.excel.record("Worksheet.delete()");
    this.excel.enqueue(() => {
      const s = this.sheet();
      this.excel.sheets.splice(this.excel.sheets.indexOf(s), 1);
    });
  }

  activate(): void {
    this.excel.record("Worksheet.activate()");
    this.excel.enqueue(() => {
      this.excel.active = this.sheet().name;
    });
  }

  set showGridlines(value: boolean) {
    this.excel.api("Worksheet.showGridlines=", "1.8");
    this.excel.enqueue(() => {
      this.sheet().showGridlines = value;
    });
  }
}

class FakeWorksheets extends Loadable {
  private snapshotItems: FakeWorksheet[] | null = null;

  override load(_props: Props = []): this {
    this.excel.record("WorksheetCollection.load()");
    this.excel.enqueue(() => {
      this.snapshotItems = this.excel.sheets.map((s) => {
        const w = new FakeWorksheet(this.excel, () => s);
        w.loadNow("name");
        return w;
      });
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    if (!this.snapshotItems)
      throw new OfficeError("PropertyNotLoaded", "The property 'items' is not available.");
    return this.snapshotItems;
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.excel, () => this.excel.sheet(this.excel.active));
  }

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.excel, () => this.excel.sheet(name));
  }

  getItemOrNullObject(name: string): FakeWorksheet {
    this.excel.api("WorksheetCollection.getItemOrNullObject()", "1.4");
    return new FakeWorksheet(this.excel, () => this.excel.sheet(name), true);
  }

  add(name: string): FakeWorksheet {
    this.excel.record("WorksheetCollection.add()");
    this.excel.enqueue(() => {
      if (this.excel.sheet(name))
        throw new OfficeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
      this.excel.sheets.push(new FakeSheet(name));
    });
    return this.getItem(name);
  }
}

export class FakeExcel {
  /** The ExcelApi requirement set this Excel supports (Microsoft 365 today: 1.17 and more). */
  apiVersion = "1.17";
  sheets: FakeSheet[] = [];
  names: FakeName[] = [];
  active = "";
  /** The user's selection: sheet and A1 address. */
  selection: { sheet: string; address: string } | null = null;
  selected: string | null = null;
  syncs = 0;
  calls: string[] = [];
  /** Approximate bytes each sync sent. */
  requestBytes: number[] = [];
  private queue: (() => void)[] = [];
  private pending = 0;

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    if (!this.active) this.active = name;
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  define(name: string, refersTo: string, scope: string | null = null): void {
    this.names.push({ name, scope, refersTo });
  }

  record(call: string): void {
    this.calls.push(call);
  }

  /** Whether this Excel has a requirement set: what the adapter's ApiSupport asks. */
  supports = (version: string): boolean => compareVersions(version, this.apiVersion) <= 0;

  /** A call from a requirement set: above this Excel's, its sync fails as real Excel's does. */
  api(call: string, version: string): void {
    this.record(call);
    if (!this.supports(version))
      this.enqueue(() => {
        throw new OfficeError("ApiNotFound", `${call} needs ExcelApi ${version}.`);
      });
  }

  enqueue(op: () => void, bytes = 100): void {
    this.queue.push(op);
    this.pending += bytes;
  }

  async sync(): Promise<void> {
    this.syncs++;
    this.requestBytes.push(this.pending);
    this.pending = 0;
    const queue = this.queue;
    this.queue = [];
    for (const op of queue) op();
  }

  /** A request context as Excel.run hands it over. */
  context(): Excel.RequestContext {
    const worksheets = new FakeWorksheets(this);
    const names = new FakeNames(this, () => null);
    const workbook = {
      worksheets,
      names,
      getSelectedRange: () =>
        new FakeRange(this, () => {
          if (!this.selection) return null;
          if (this.selection.address.includes(","))
            throw new OfficeError(
              "InvalidSelection",
              "The current selection is invalid for this operation."
            );
          const columns = /^([A-Z]+):([A-Z]+)$/.exec(this.selection.address);
          if (columns)
            return {
              sheet: this.sheet(this.selection.sheet)!,
              box: {
                top: 0,
                left: columnNumber(columns[1]) - 1,
                bottom: 1048575,
                right: columnNumber(columns[2]) - 1,
              },
            };
          const rect = parseRangeAddress(`'${this.selection.sheet}'!${this.selection.address}`)!;
          return {
            sheet: this.sheet(rect.sheet)!,
            box: {
              top: rect.top - 1,
              left: rect.left - 1,
              bottom: rect.bottom - 1,
              right: rect.right - 1,
            },
          };
        }),
    };
    return { workbook, sync: () => this.sync() } as unknown as Excel.RequestContext;
  }

  /** Excel.run over this fake. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context());
}
