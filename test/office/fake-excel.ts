/**
 * A test double of the Excel JavaScript API, for the subset the adapter uses. office-addin-mock
 * cannot mock collections such as workbook.names, so this one is ours. It behaves like Office.js
 * where it matters for correctness and cost:
 * - properties throw PropertyNotLoaded until `load` was called and `context.sync()` ran;
 * - loads and writes are queued and applied in order at sync; a failing operation rejects the sync;
 * - null in a 2-D values or numberFormat array leaves that cell unchanged, "" clears it;
 * - it records every sync, the calls made, and a rough size of each request.
 */
import { parseRangeAddress, rangeAddress, columnNumber } from "../../src/core/address";

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

export class OfficeError extends Error {
  constructor(
    public readonly code: string,
    message: string
  ) {
    super(message);
  }
}

export class FakeSheet {
  cells = new Map<string, FakeCell>();
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
    this.range.onSheet((sheet, box) => {
      for (let c = box.left; c <= box.right; c++) sheet.columnWidths.set(c, v);
    }, "Range.format.columnWidth=");
  }
  set rowHeight(v: number) {
    this.range.onSheet((sheet, box) => {
      for (let r = box.top; r <= box.bottom; r++) sheet.rowHeights.set(r, v);
    }, "Range.format.rowHeight=");
  }
  autofitRows(): void {
    this.range.onSheet((sheet, box) => sheet.autofitted.push(box), "Range.format.autofitRows()");
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

  private resolve(): { sheet: FakeSheet; box: Box } {
    const t = this.target();
    if (!t) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return t;
  }

  protected override read(prop: string): unknown {
    if (prop === "isNullObject") return this.target() === null;
    if (this.nullable && this.target() === null) return undefined;
    const { sheet, box } = this.resolve();
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
          if (prop === "value")
            sheet.put(box.top + r, box.left + c, { value: v as FakeCell["value"], formula: null });
          else sheet.put(box.top + r, box.left + c, { format: v === "" ? "General" : String(v) });
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

  onSheet(op: (sheet: FakeSheet, box: Box) => void, call: string): void {
    this.excel.record(call);
    this.excel.enqueue(() => {
      const { sheet, box } = this.resolve();
      op(sheet, box);
    }, 40);
  }

  merge(_across = false): void {
    this.onSheet((sheet, box) => sheet.merges.push(box), "Range.merge()");
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
    private readonly entry: () => FakeName | undefined
  ) {
    super(excel);
  }

  private target(): { sheet: FakeSheet; box: Box } | null {
    const e = this.entry();
    const rect = e ? parseRangeAddress(e.refersTo.replace(/^=/, "")) : null;
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
    this.excel.record("NamedItem.getRangeOrNullObject()");
    return new FakeRange(this.excel, () => this.target(), true);
  }

  getRange(): FakeRange {
    this.excel.record("NamedItem.getRange()");
    return new FakeRange(this.excel, () => this.target());
  }

  delete(): void {
    this.excel.record("NamedItem.delete()");
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
    private readonly scope: () => string | null
  ) {
    super(excel);
  }

  private entries(): FakeName[] {
    const scope = this.scope();
    return this.excel.names.filter((n) => (n.scope ?? null) === scope);
  }

  override load(props: Props = []): this {
    const itemProps = propList(props).map((p) => p.replace(/^items\//, ""));
    this.excel.record(`NamedItemCollection.load(${itemProps.join(",")})`);
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
    this.excel.record("NamedItemCollection.add()");
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
    this.excel.record("NamedItemCollection.getItemOrNullObject()");
    return new FakeNamedItem(this.excel, () =>
      this.entries().find((n) => n.name.toLowerCase() === name.toLowerCase())
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
        excel.record(`PageLayout.${prop}=`);
        excel.enqueue(() => {
          sheet().pageLayout[prop] = value;
        });
        return true;
      },
    });
  }
  setPrintTitleRows(rows: string): void {
    this.excel.record("PageLayout.setPrintTitleRows()");
    this.excel.enqueue(() => {
      this.sheet().pageLayout.printTitleRows = rows;
    });
  }
}

class FakeWorksheet extends Loadable {
  readonly names: FakeNames;
  readonly pageLayout: FakePageLayout;

  constructor(
    excel: FakeExcel,
    private readonly find: () => FakeSheet | undefined
  ) {
    super(excel);
    this.names = new FakeNames(excel, () => this.sheet().name);
    this.pageLayout = new FakePageLayout(() => this.sheet(), excel);
  }

  sheet(): FakeSheet {
    const s = this.find();
    if (!s) throw new OfficeError("ItemNotFound", "The requested resource doesn't exist.");
    return s;
  }

  protected override read(prop: string): unknown {
    if (prop === "isNullObject") return this.find() === undefined;
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
    this.excel.record("Worksheet.showGridlines=");
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
    return new FakeWorksheet(this.excel, () => this.excel.sheet(name));
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

  enqueue(op: () => void, bytes = 20): void {
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
