/**
 * The port over .xlsx files, for Node and the browser: the package is read as the format says, only
 * the parts the contract needs are opened, and the result is the input with only the contract's
 * changes (CONTRACT §9): written cells spliced into their sheets, the generated sheets (with their
 * drawings and charts), their print titles, styles appended, the settings, and what keeps the
 * package consistent. Every other zip entry is copied as the bytes it was.
 */
import { areaCells, parseRangeAddress, sheetPrefix } from "../../core/address";
import type { CellValue } from "../../core/cell";
import { wantedNames } from "../../core/names";
import type { SheetPlan } from "../../core/sheet-plan";
import { MAX_NAME_CELLS, NameData, WorkbookData } from "../../core/workbook-data";
import type { CellWrite } from "../../core/writes";
import type { ApplyReport, Changes, WorkbookSession } from "../port";
import { parseStored, STORED_KEY, Stored, validatedForStore } from "../stored";
import { checkWorkbookFile, describeFailure, UnreadableWorkbook } from "./file-check";
import { CHART_CONTENT_TYPE, chartXml, drawingXml } from "./chart-xml";
import { CONTENT_TYPE, OpcPackage, relationshipType, relsPartOf, utf8 } from "./opc";
import { planSheetXml, textSheetXml } from "./plan-sheet-xml";
import { SharedStrings } from "./shared-strings";
import { CellGrid, readCells, Rect, SheetContext } from "./sheet-cells";
import { SheetIndex } from "./sheet-index";
import { Patches } from "./patches";
import { patchSheet } from "./sheet-patch";
import { StyleBook } from "./styles";
import { findOfficeDocument } from "./office-document";
import { WorkbookPart, SheetEntry } from "./workbook-parts";
import type { Codec } from "./zip";
import { END, OPEN, XmlScanner } from "./xml-scanner";
import { escapeXml } from "./splices";
import { attribute, NS, parseXml, XmlElement } from "./xml-tree";

/** The content type of an Office add-in's web extension part (where its document settings live). */
const WEB_EXTENSION = "application/vnd.ms-office.webextension+xml";

export { NOT_CALCULATED } from "./sheet-cells";

/** A very hidden sheet that keeps settings in a workbook the Excel add-in never opened. */
export const SETTINGS_SHEET = "_CapaianKinerja";

/** Runs a step over the package; what goes wrong inside becomes a sentence for the user. */
function guarded<T>(step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw asUnreadable(error);
  }
}

const asUnreadable = (error: unknown) =>
  error instanceof UnreadableWorkbook ? error : describeFailure(error);

export class XlsxSession implements WorkbookSession {
  /** How many cells were made into values so far: the cells the contract reads, never more. */
  cellsRead = 0;
  private active: string | null;
  /** The sheet was named on the command line: the remembered data sheet does not stand in for it. */
  private sheetChosen = false;
  /** Where the rows of each sheet read by name are (in its bytes as read). */
  private readonly indexes = new Map<string, SheetIndex>();
  private strings: SharedStrings | null | undefined;
  private formulaReplaced = false;
  private storedSettings: Stored = {};
  /** Changes taken by `apply`, written into the package at `save`. */
  private readonly pending: Changes[] = [];
  /** What the user should know about how the file was read and written (complete after `save`). */
  readonly notes: string[] = [];

  private constructor(
    private readonly pkg: OpcPackage,
    private readonly workbook: WorkbookPart,
    private readonly styles: StyleBook
  ) {
    const tab = workbook.sheets[workbook.activeTab] ?? workbook.sheets[0];
    this.active = tab?.name ?? null;
  }

  /** Opens a file; `codec` is the deflate to use (fflate unless the caller has a native one). */
  static async open(bytes: Uint8Array, codec?: Codec): Promise<XlsxSession> {
    const { archive, decrypted } = await checkWorkbookFile(bytes, codec);
    return guarded(() => {
      const pkg = new OpcPackage(archive);
      const workbook = new WorkbookPart(pkg, findOfficeDocument(pkg));
      const styles = StyleBook.open(pkg, workbook);
      const session = new XlsxSession(pkg, workbook, styles);
      session.storedSettings = parseStored(session.addinSettings() ?? session.sheetSettings());
      if (decrypted)
        session.notes.push(
          "Berkas asli terenkripsi dengan kunci bawaan Excel (terbuka tanpa kata sandi); berkas hasil disimpan tanpa enkripsi itu."
        );
      return session;
    });
  }

  /** Settings and sign-off kept with the workbook (by the add-in, the command or the page). */
  get stored(): Stored {
    return this.storedSettings;
  }

  /**
   * The file extension the workbook's kind asks for (.xlsx, .xlsm with macros, .xltx / .xltm for a
   * template): Excel opens no package whose extension says another kind, so the result keeps it.
   */
  get extension(): string {
    const type = this.pkg.contentType(this.workbook.part) ?? "";
    const template = /template/i.test(type);
    const macro = /macroEnabled/i.test(type);
    return template ? (macro ? ".xltm" : ".xltx") : macro ? ".xlsm" : ".xlsx";
  }

  /** The worksheets' names, in the workbook's order. */
  get sheetNames(): string[] {
    return this.workbook.sheets.filter((s) => s.part).map((s) => s.name);
  }

  /** Reads as if this sheet were the active one (the command's --lembar-kerja). */
  useSheet(name: string): void {
    this.active = this.workbook.sheetNamed(name)?.name ?? name;
    this.sheetChosen = true;
  }

  async read(): Promise<WorkbookData> {
    return guarded(() => this.readNames());
  }

  private readNames(): WorkbookData {
    const wanted = wantedNames(this.stored.settings);
    const active = this.active?.toLowerCase();
    const dataSheet = this.sheetChosen ? null : (this.stored.dataSheet ?? null);
    const remembered = dataSheet?.toLowerCase();
    const names: NameData[] = [];
    const pending: { index: number; sheet: SheetEntry; rect: Rect }[] = [];
    for (const raw of this.workbook.definedNames) {
      if (!wanted.has(raw.name.toLowerCase())) continue;
      let scope: string | null = null;
      if (raw.localSheetId !== null) {
        const owner = this.workbook.sheets[raw.localSheetId];
        // Names scoped to a sheet other than the active one or the remembered data sheet never count.
        const ownerName = owner?.name.toLowerCase();
        if (!owner || (ownerName !== active && ownerName !== remembered)) continue;
        scope = owner.name;
      }
      const base = { name: raw.name, scope };
      const refersTo = `=${raw.formula}`;
      if (raw.formula.includes("#REF!")) {
        names.push({ ...base, status: "ref-error", refersTo });
        continue;
      }
      const rect = parseRangeAddress(raw.formula);
      const sheet = rect && this.workbook.sheetNamed(rect.sheet);
      if (!rect) names.push({ ...base, status: "not-range", refersTo });
      else if (!sheet) names.push({ ...base, status: "ref-error", refersTo });
      else if (!sheet.part) names.push({ ...base, status: "not-range", refersTo });
      else if (areaCells(rect) > MAX_NAME_CELLS)
        names.push({ ...base, status: "too-large", refersTo, cells: areaCells(rect) });
      else {
        pending.push({ index: names.length, sheet, rect });
        names.push({ ...base, status: "not-range", refersTo }); // replaced below
      }
    }
    const bySheet = new Map<SheetEntry, typeof pending>();
    for (const p of pending) bySheet.set(p.sheet, [...(bySheet.get(p.sheet) ?? []), p]);
    for (const [sheet, list] of bySheet) {
      const grids = this.cells(
        sheet,
        list.map((p) => p.rect),
        true
      );
      list.forEach((p, i) => {
        const entry = names[p.index];
        names[p.index] = {
          name: entry.name,
          scope: entry.scope,
          status: "range",
          range: { sheet: sheet.name, top: p.rect.top, left: p.rect.left, ...grids[i] },
        };
      });
    }
    return { activeSheet: this.active, dataSheet, names, storedSettings: this.stored.settings };
  }

  private context(): SheetContext {
    return {
      sharedString: (index) => this.sharedStrings()?.get(index),
      formatOf: (s) => this.styles.formatOf(s),
      date1904: this.workbook.date1904,
    };
  }

  private sharedStrings(): SharedStrings | null {
    if (this.strings === undefined) {
      const part = this.workbook.related("sharedStrings");
      this.strings = part ? new SharedStrings(this.pkg.read(part)!, part.slice(1)) : null;
    }
    return this.strings;
  }

  /** The sheet's XML as it stands (written, or as read). */
  private sheetXml(sheet: SheetEntry): Uint8Array {
    return this.pkg.read(sheet.part!)!;
  }

  /** The cells of some areas; `keepIndex` keeps where the rows are, for writing into them after. */
  private cells(sheet: SheetEntry, rects: Rect[], keepIndex = false): CellGrid[] {
    for (const r of rects) this.cellsRead += areaCells(r);
    const index = new SheetIndex();
    const grids = readCells(
      this.sheetXml(sheet),
      sheet.part!.slice(1),
      rects,
      this.context(),
      index
    );
    if (keepIndex) this.indexes.set(sheet.part!, index);
    return grids;
  }

  /** The values of a small area of a sheet as the engine reads them (for a preview); none if unknown. */
  valuesIn(sheetName: string, rect: Rect): CellValue[][] | null {
    const sheet = this.workbook.sheetNamed(sheetName);
    if (!sheet?.part) return null;
    return guarded(() => this.cells(sheet, [rect])[0].values);
  }

  /**
   * Takes the changes; they go into the file at `save`. A run that only checks (no file asked
   * for) so never spends time writing, nor trips over a sheet it could read but not write into.
   */
  async apply(changes: Changes): Promise<ApplyReport> {
    for (const w of changes.writes)
      if (!this.workbook.sheetNamed(w.sheet)?.part) throw new Error(`sheet ${w.sheet} not found`);
    this.pending.push(changes);
    return { notes: [] };
  }

  private write(writes: readonly CellWrite[]): void {
    const bySheet = new Map<SheetEntry, CellWrite[]>();
    for (const w of writes) {
      const sheet = this.workbook.sheetNamed(w.sheet)!; // checked by apply
      const columns = bySheet.get(sheet);
      if (columns) columns.push(w);
      else bySheet.set(sheet, [w]);
    }
    for (const [sheet, columns] of bySheet) {
      const patches = Patches.fromColumns(columns);
      if (!patches.rowCount) continue;
      const part = sheet.part!;
      const outcome = patchSheet(
        this.sheetXml(sheet),
        part.slice(1),
        patches,
        this.styles,
        this.indexes.get(part)
      );
      if (outcome.formulaReplaced) this.formulaReplaced = true;
      for (const ref of outcome.partialArrays)
        this.notes.push(
          `Rumus larik (array) di ${sheetPrefix(sheet.name)}${ref} ditimpa sebagian oleh hasil: sel-selnya yang tidak ditulis kini berisi angka terakhirnya, bukan rumus. Bila rumus itu masih diperlukan, masukkan lagi di Excel di luar sel bernama.`
        );
      // Written: the bytes changed, and the index of where their rows are with them.
      this.indexes.delete(part);
      this.pkg.write(part, outcome.bytes);
    }
  }

  /** Replaces the plan's sheet whole (or adds it), with its print titles and its charts. */
  private render(plan: SheetPlan): void {
    const charts = plan.charts ?? [];
    const bytes = planSheetXml(plan, {
      styleId: (style, font) => this.styles.planStyle(style, font),
      strict: this.workbook.strict,
      // The sheet's relationships are all ours (the old ones go with its old content).
      ...(charts.length ? { drawingRelId: "rId1" } : {}),
    });
    const sheet = this.generatedSheet(plan.name, "visible", bytes);
    if (charts.length) this.drawCharts(plan, sheet.part!);
    const index = this.workbook.sheets.indexOf(sheet);
    const { first, last } = plan.print.titleRows;
    const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
    this.workbook.setDefinedName("_xlnm.Print_Titles", index, `${quoted}!$${first}:$${last}`);
  }

  /**
   * A plan's charts (CONTRACT §7): a drawing for its sheet (xl/drawings/drawingN.xml) and a part per
   * chart (xl/charts/chartN.xml), beside the workbook part, each with the first number no part of the
   * package has (the sheet's old ones are gone by now, so a second run takes the same names), their
   * content types, and the relationships sheet → drawing (rId1) and drawing → chart (rId1…). Both
   * relationship parts are all ours and written whole: a replaced sheet's old ones were removed with
   * its old content (`dropRelated`), and adding to them would splice into parts no longer there.
   */
  private drawCharts(plan: SheetPlan, sheetPart: string): void {
    const charts = plan.charts ?? [];
    const strict = this.workbook.strict;
    const folder = this.workbook.part.slice(0, this.workbook.part.lastIndexOf("/"));
    const freePart = (kind: "drawing" | "chart") => {
      let n = 1;
      while (this.pkg.has(`${folder}/${kind}s/${kind}${n}.xml`)) n++;
      return `${folder}/${kind}s/${kind}${n}.xml`;
    };
    const drawing = freePart("drawing");
    const chartParts = charts.map((chart) => {
      const part = freePart("chart");
      this.pkg.write(part, utf8(chartXml(plan, chart, strict)));
      this.pkg.setOverride(part, CHART_CONTENT_TYPE.chart);
      return part;
    });
    const ids = chartParts.map((_, i) => `rId${i + 1}`);
    this.pkg.write(drawing, utf8(drawingXml(charts, ids, strict)));
    this.pkg.setOverride(drawing, CHART_CONTENT_TYPE.drawing);
    const chartType = relationshipType("chart", strict);
    this.pkg.write(
      relsPartOf(drawing),
      relsXml(
        drawing,
        chartParts.map((target, i) => ({ id: ids[i], type: chartType, target }))
      )
    );
    this.pkg.write(
      relsPartOf(sheetPart),
      relsXml(sheetPart, [
        { id: "rId1", type: relationshipType("drawing", strict), target: drawing },
      ])
    );
  }

  /** A sheet whose whole content is ours: its part rewritten, or a new sheet at the end. */
  private generatedSheet(
    name: string,
    state: "visible" | "veryHidden",
    bytes: Uint8Array
  ): SheetEntry {
    let sheet = this.workbook.sheetNamed(name);
    if (sheet && !sheet.part)
      throw new UnreadableWorkbook(
        "not-workbook",
        `Buku kerja ini sudah punya lembar bernama "${name}" yang bukan lembar kerja biasa (misalnya lembar grafik). Ganti nama lembar itu, lalu coba lagi.`
      );
    if (sheet) {
      if (this.hasFormula(this.sheetXml(sheet))) this.formulaReplaced = true;
      this.dropRelated(sheet.part!);
    } else {
      sheet = this.workbook.addSheet(name, state);
      this.pkg.setOverride(sheet.part!, CONTENT_TYPE.worksheet);
    }
    this.indexes.delete(sheet.part!);
    this.pkg.write(sheet.part!, bytes);
    return sheet;
  }

  private hasFormula(bytes: Uint8Array): boolean {
    const scanner = new XmlScanner(bytes, "sheet");
    for (let kind = scanner.next(); kind !== END; kind = scanner.next())
      if (kind === OPEN && scanner.depth === 5 && scanner.localIs("f")) return true;
    return false;
  }

  /**
   * A replaced sheet's relationships go with its old content: its .rels part, and the parts only it
   * pointed to (printer settings, drawings), so that nothing dangles.
   */
  private dropRelated(part: string): void {
    const rels = this.pkg.relationships(part).filter((r) => !r.external);
    this.pkg.remove(relsPartOf(part));
    for (const r of rels) {
      const others = this.pkg
        .partNames()
        .filter((p) => p.toLowerCase().endsWith(".rels"))
        .some((relsPart) => {
          const source = relsPart.replace(/\/_rels\/([^/]*)\.rels$/, "/$1");
          return (
            source.toLowerCase() !== part.toLowerCase() &&
            this.pkg
              .relationships(source)
              .some((o) => o.target.toLowerCase() === r.target.toLowerCase())
          );
        });
      if (!others && this.pkg.has(r.target)) {
        this.dropRelated(r.target);
        this.pkg.remove(r.target);
      }
    }
  }

  /** Keeps settings and sign-off in the workbook (a very hidden sheet), validated first. */
  storeSettings(stored: Stored): void {
    const json = JSON.stringify(validatedForStore(stored));
    guarded(() =>
      this.generatedSheet(
        SETTINGS_SHEET,
        "veryHidden",
        utf8(textSheetXml(json, this.workbook.strict))
      )
    );
  }

  /** The new file: the input with only the contract's changes. */
  async save(): Promise<Uint8Array> {
    guarded(() => {
      for (const changes of this.pending.splice(0)) {
        this.write(changes.writes);
        for (const plan of changes.sheets ?? []) this.render(plan);
      }
      if (this.formulaReplaced) {
        // Excel rebuilds the calculation chain; one that names replaced formulas would be repaired.
        const rel = this.pkg.relationships(this.workbook.part).find((r) => r.kind === "calcChain");
        if (rel) {
          this.pkg.removeRelationship(this.workbook.part, rel.id);
          this.pkg.remove(rel.target);
        }
      }
      this.styles.flush();
      this.workbook.flush();
    });
    try {
      return await this.pkg.saveWhenDeflated();
    } catch (error) {
      throw asUnreadable(error);
    }
  }

  /** Settings the Excel add-in stored (Office document settings, in a web extension part). */
  private addinSettings(): unknown {
    const parts = this.pkg
      .partNames()
      .filter(
        (p) =>
          this.pkg.contentType(p) === WEB_EXTENSION ||
          /^\/xl\/webextensions\/webextension\d*\.xml$/i.test(p)
      );
    for (const part of parts) {
      const found = findProperty(parseXml(this.pkg.read(part)!, part.slice(1)), STORED_KEY);
      if (found === undefined) continue;
      try {
        return JSON.parse(found);
      } catch {
        return undefined;
      }
    }
    return undefined;
  }

  /** Settings the command or the page stored in the very hidden sheet. */
  private sheetSettings(): unknown {
    const sheet = this.workbook.sheetNamed(SETTINGS_SHEET);
    if (!sheet?.part) return undefined;
    const [grid] = readCells(
      this.sheetXml(sheet),
      sheet.part.slice(1),
      [{ top: 1, left: 1, bottom: 1, right: 1 }],
      this.context()
    );
    const text = grid.values[0][0];
    try {
      return typeof text === "string" ? JSON.parse(text) : undefined;
    } catch {
      return undefined;
    }
  }
}

/** A relationships part written whole, its targets relative to the source part's folder. */
function relsXml(source: string, rels: { id: string; type: string; target: string }[]): Uint8Array {
  const from = source.split("/").slice(1, -1);
  const relative = (target: string) => {
    const to = target.split("/").slice(1);
    let common = 0;
    while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
    return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
  };
  const body = rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(relative(r.target))}"/>`
    )
    .join("");
  return utf8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRels}">${body}</Relationships>`
  );
}

/** The value of the `<we:property name=key>` in a web extension part (walked without recursion). */
function findProperty(root: XmlElement, key: string): string | undefined {
  const pending = [root];
  for (let element = pending.pop(); element; element = pending.pop()) {
    if (element.local === "property" && attribute(element, "name") === key)
      return attribute(element, "value");
    for (let i = element.children.length - 1; i >= 0; i--) pending.push(element.children[i]);
  }
  return undefined;
}
