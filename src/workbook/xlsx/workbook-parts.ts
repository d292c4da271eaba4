/**
 * The workbook part: its sheets (with the parts they live in), defined names as written (scope and
 * #REF! kept), the date system and the active tab; and the edits the contract makes to it (a
 * generated sheet, a defined name), spliced in so that every other byte stays.
 */
import { MissingPart, OpcPackage, relationshipType } from "./opc";
import { escapeXml, Splices } from "./splices";
import {
  attribute,
  child,
  childrenNamed,
  isRel,
  NS,
  parseXml,
  prefixFor,
  XmlElement,
} from "./xml-tree";

/** A defined name as workbook.xml holds it. */
export interface RawDefinedName {
  name: string;
  /** Index of the sheet a sheet-scoped name belongs to. */
  localSheetId: number | null;
  /** The formula without "=": "'PK 2020'!$E$7:$E$9", "#REF!", "0.5". */
  formula: string;
  hidden: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** The part holding a worksheet; undefined for chart sheets and sheets whose part is missing. */
  part: string | undefined;
}

export class WorkbookPart {
  readonly sheets: SheetEntry[];
  readonly definedNames: (RawDefinedName & { element: XmlElement })[];
  readonly activeTab: number;
  readonly date1904: boolean;
  /** Strict OOXML (ISO 29500 strict namespaces) rather than transitional. */
  readonly strict: boolean;
  private readonly root: XmlElement;
  private readonly original: Uint8Array;
  /** Definitions whose text is replaced: [start, end, new text]. */
  private readonly replaced = new Map<XmlElement, [number, number, string]>();
  private readonly addedNames: string[] = [];
  private readonly addedSheets: string[] = [];

  constructor(
    private readonly pkg: OpcPackage,
    readonly part: string
  ) {
    this.original = pkg.read(part)!;
    this.root = parseXml(this.original, part.slice(1));
    this.strict = this.root.ns === NS.mainStrict;
    const rels = new Map(pkg.relationships(part).map((r) => [r.id, r]));
    const sheets = child(this.root, "sheets");
    this.sheets = (sheets ? childrenNamed(sheets, "sheet") : []).map((s) => {
      const relId = attribute(s, "id", isRel) ?? "";
      const rel = rels.get(relId);
      // A sheet without a relationship (Excel writes r:id="" for an old VBA module sheet) has no
      // part to read; a relationship to a part the zip lacks is a damaged file, and we say which.
      if (rel && !rel.external && !pkg.has(rel.target))
        throw new MissingPart(rel.target.slice(1), part.slice(1));
      return {
        name: attribute(s, "name") ?? "",
        sheetId: Number(attribute(s, "sheetId") ?? 0),
        relId,
        state: attribute(s, "state") ?? "visible",
        part:
          rel && !rel.external && rel.kind === "worksheet" && pkg.has(rel.target)
            ? rel.target
            : undefined,
      };
    });
    const views = child(this.root, "bookViews");
    const view = views && child(views, "workbookView");
    this.activeTab = Number(view ? (attribute(view, "activeTab") ?? 0) : 0) || 0;
    const properties = child(this.root, "workbookPr");
    const date1904 = properties && attribute(properties, "date1904");
    this.date1904 = date1904 === "1" || date1904 === "true";
    const names = child(this.root, "definedNames");
    this.definedNames = (names ? childrenNamed(names, "definedName") : []).map((n) => {
      const local = attribute(n, "localSheetId");
      const hidden = attribute(n, "hidden");
      return {
        name: attribute(n, "name") ?? "",
        localSheetId: local === undefined ? null : Number(local),
        formula: n.text.trim(),
        hidden: hidden === "1" || hidden === "true",
        element: n,
      };
    });
  }

  /**
   * The part a relationship of this workbook of the given kind points to (styles, sharedStrings);
   * a relationship to a part the package lacks is an error, not an absence.
   */
  related(kind: string): string | undefined {
    const rel = this.pkg.relationships(this.part).find((r) => r.kind === kind && !r.external);
    if (rel && !this.pkg.has(rel.target))
      throw new MissingPart(rel.target.slice(1), this.part.slice(1));
    return rel?.target;
  }

  sheetNamed(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  private get mainPrefix(): string {
    return this.root.prefix ? `${this.root.prefix}:` : "";
  }

  /** Adds a worksheet at the end of the sheet list, in a new part; returns its entry. */
  addSheet(name: string, state: "visible" | "veryHidden"): SheetEntry {
    let n = this.sheets.length + 1;
    const folder = this.part.slice(0, this.part.lastIndexOf("/"));
    while (this.pkg.has(`${folder}/worksheets/sheet${n}.xml`)) n++;
    const part = `${folder}/worksheets/sheet${n}.xml`;
    const relId = this.pkg.addRelationship(
      this.part,
      relationshipType("worksheet", this.strict),
      part
    );
    const sheetId = Math.max(0, ...this.sheets.map((s) => s.sheetId)) + 1;
    const sheets = child(this.root, "sheets")!;
    const r = prefixFor(sheets, [NS.rel, NS.relStrict]);
    const relAttr =
      r === undefined || r === ""
        ? `xmlns:cr="${this.strict ? NS.relStrict : NS.rel}" cr:id="${relId}"`
        : `${r}:id="${relId}"`;
    this.addedSheets.push(
      `<${this.mainPrefix}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${state === "visible" ? "" : ` state="${state}"`} ${relAttr}/>`
    );
    const entry = { name, sheetId, relId, state, part };
    this.sheets.push(entry);
    return entry;
  }

  /** Sets a defined name: the existing definition's text replaced, or a new definition added. */
  setDefinedName(name: string, localSheetId: number | null, formula: string): void {
    const existing = this.definedNames.find(
      (d) => d.name.toLowerCase() === name.toLowerCase() && d.localSheetId === localSheetId
    );
    if (existing) {
      if (existing.formula !== formula) {
        const e = existing.element;
        this.replaced.set(
          e,
          e.selfClosing
            ? [e.openEnd - 2, e.openEnd, `>${escapeXml(formula)}</${qualified(e)}>`]
            : [e.openEnd, e.closeStart, escapeXml(formula)]
        );
        existing.formula = formula;
      }
      return;
    }
    const scope = localSheetId === null ? "" : ` localSheetId="${localSheetId}"`;
    this.addedNames.push(
      `<${this.mainPrefix}definedName name="${escapeXml(name)}"${scope}>${escapeXml(formula)}</${this.mainPrefix}definedName>`
    );
  }

  /** Writes the edits made so far into the workbook part (again from its original bytes). */
  flush(): void {
    const splices = new Splices();
    for (const [start, end, text] of this.replaced.values()) splices.replace(start, end, text);
    const sheets = child(this.root, "sheets");
    if (this.addedSheets.length && sheets) {
      if (sheets.selfClosing)
        splices.replace(
          sheets.openEnd - 2,
          sheets.openEnd,
          `>${this.addedSheets.join("")}</${qualified(sheets)}>`
        );
      else splices.insert(sheets.closeStart, this.addedSheets.join(""));
    }
    if (this.addedNames.length) {
      const names = child(this.root, "definedNames");
      const text = this.addedNames.join("");
      if (names && !names.selfClosing) splices.insert(names.closeStart, text);
      else if (names)
        splices.replace(names.openEnd - 2, names.openEnd, `>${text}</${qualified(names)}>`);
      else {
        // CT_Workbook: definedNames follows sheets, functionGroups and externalReferences.
        const before = ["externalReferences", "functionGroups", "sheets"]
          .map((local) => child(this.root, local))
          .find((e): e is XmlElement => !!e && this.root.children.includes(e));
        const at = before ? before.end : this.root.openEnd;
        splices.insert(
          at,
          `<${this.mainPrefix}definedNames>${text}</${this.mainPrefix}definedNames>`
        );
      }
    }
    if (splices.size) this.pkg.write(this.part, splices.apply(this.original));
  }
}

function qualified(e: XmlElement): string {
  return e.prefix ? `${e.prefix}:${e.local}` : e.local;
}
