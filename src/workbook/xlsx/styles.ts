/**
 * The workbook's style table: the number format of every cell style (what the contract reads), and
 * styles appended for written cells and generated sheets. Nothing existing changes index: a result
 * cell gets a copy of its own style with the new number format, and the generated sheets' styles go
 * after the workbook's own. An identical style already there is reused, so a second run adds none.
 */
import type { CellStyle, PlanFont } from "../../core/sheet-plan";
import { CONTENT_TYPE, OpcPackage, relationshipType, utf8 } from "./opc";
import { escapeXml, Splices } from "./splices";
import { CLOSE, decodeBytes, END, OPEN, XmlScanner } from "./xml-scanner";
import { NS } from "./xml-tree";
import type { WorkbookPart } from "./workbook-parts";

/** Excel's built-in number formats by id, in the invariant (en-US) form the core reads. */
const BUILT_IN: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Ids Excel reserves for East Asian and Thai date formats: dates, whatever their locale's code. */
const isLocaleDate = (id: number) =>
  (id >= 27 && id <= 36) || (id >= 50 && id <= 58) || (id >= 71 && id <= 81);

export function builtInFormat(id: number): string {
  return BUILT_IN[id] ?? (isLocaleDate(id) ? "yyyy-mm-dd" : "General");
}

type Section = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs";

/** CT_Stylesheet's order, for placing a section the part lacks. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
];

/** What every style table holds at its start (fills 0 and 1 are reserved by Excel). */
const DEFAULTS: Record<Section, string[]> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: [
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ],
  borders: ["<border><left/><right/><top/><bottom/><diagonal/></border>"],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
};

const MINIMAL = (ns: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1">${DEFAULTS.fonts[0]}</fonts><fills count="2">${DEFAULTS.fills.join("")}</fills><borders count="1">${DEFAULTS.borders[0]}</borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Where a section (a direct child of styleSheet) sits, and its children's byte spans. */
interface SectionScan {
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  qualified: string;
  count: [number, number] | undefined;
  children: number[];
}

interface StylesScan {
  prefix: string;
  root: { openEnd: number; selfClosing: boolean; qualified: string };
  sections: Map<string, SectionScan>;
  formats: Map<number, string>;
  xfFormatIds: number[];
}

/**
 * One pass over styles.xml with the scanner (a tree of a bloated style table, tens of thousands of
 * styles, would cost seconds): where each section is, its children, custom formats, and the number
 * format of every cell style.
 */
function scanStyles(bytes: Uint8Array, part: string): StylesScan {
  const scanner = new XmlScanner(bytes, part);
  const sections = new Map<string, SectionScan>();
  const formats = new Map<number, string>();
  const xfFormatIds: number[] = [];
  let prefix = "";
  let root = { openEnd: 0, selfClosing: false, qualified: "styleSheet" };
  let section: SectionScan | undefined;
  let sectionName = "";
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === OPEN) {
      if (scanner.depth === 1) {
        prefix = scanner.prefix() ? `${scanner.prefix()}:` : "";
        root = {
          openEnd: scanner.end,
          selfClosing: scanner.selfClosing,
          qualified: scanner.qualifiedName(),
        };
      } else if (scanner.depth === 2) {
        sectionName = scanner.localName();
        const k = scanner.attrIndex("count");
        section = {
          start: scanner.start,
          openEnd: scanner.end,
          closeStart: scanner.end,
          end: scanner.end,
          selfClosing: scanner.selfClosing,
          qualified: scanner.qualifiedName(),
          count: k >= 0 ? scanner.attrSpan(k) : undefined,
          children: [],
        };
        if (!sections.has(sectionName)) sections.set(sectionName, section);
      } else if (scanner.depth === 3 && section) {
        section.children.push(scanner.start, -1);
        if (sectionName === "numFmts" && scanner.localIs("numFmt")) {
          const id = Number(scanner.attr("numFmtId"));
          if (Number.isInteger(id)) formats.set(id, scanner.attr("formatCode") ?? "General");
        } else if (sectionName === "cellXfs" && scanner.localIs("xf"))
          xfFormatIds.push(Number(scanner.attr("numFmtId") ?? 0) || 0);
      }
      if (scanner.selfClosing && scanner.depth === 3 && section)
        section.children[section.children.length - 1] = scanner.end;
    } else if (kind === CLOSE) {
      if (scanner.depth === 2 && section)
        section.children[section.children.length - 1] = scanner.end;
      else if (scanner.depth === 1 && section) {
        section.closeStart = scanner.start;
        section.end = scanner.end;
        section = undefined;
      }
    }
  }
  return { prefix, root, sections, formats, xfFormatIds };
}

interface SectionState {
  element: SectionScan | undefined;
  /** Raw XML of each child, in order (existing ones as their bytes, then appended ones). */
  items: string[];
  existing: number;
  index: Map<string, number> | undefined;
}

export class StyleBook {
  private readonly scan: StylesScan;
  private readonly bytes: Uint8Array;
  private readonly sections = new Map<Section, SectionState>();
  /** Custom formats by id, as the part defines them. */
  private readonly customFormats: Map<number, string>;
  private readonly xfFormatIds: number[];
  private readonly derived = new Map<string, number>();
  private nextFormatId = 164;
  private readonly prefix: string;

  private constructor(
    private readonly pkg: OpcPackage,
    private readonly part: string,
    private readonly isNew: boolean,
    bytes: Uint8Array,
    private readonly workbook: WorkbookPart
  ) {
    this.bytes = bytes;
    this.scan = scanStyles(bytes, part.slice(1));
    this.prefix = this.scan.prefix;
    this.customFormats = this.scan.formats;
    for (const id of this.customFormats.keys())
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    this.xfFormatIds = this.scan.xfFormatIds;
  }

  /** The workbook's style table, or an empty one to be added when something is written. */
  static open(pkg: OpcPackage, workbook: WorkbookPart): StyleBook {
    const part = workbook.related("styles");
    if (part) return new StyleBook(pkg, part, false, pkg.read(part)!, workbook);
    const folder = workbook.part.slice(0, workbook.part.lastIndexOf("/"));
    const ns = workbook.strict ? NS.mainStrict : NS.main;
    // A part of that name nothing points to is not ours to overwrite.
    let name = `${folder}/styles.xml`;
    for (let n = 2; pkg.has(name); n++) name = `${folder}/styles${n}.xml`;
    return new StyleBook(pkg, name, true, utf8(MINIMAL(ns)), workbook);
  }

  private formatCode(id: number): string {
    return this.customFormats.get(id) ?? builtInFormat(id);
  }

  /** The number format of cell style `s` (the `s` attribute of a cell). */
  formatOf(s: number): string {
    const id = this.xfFormatIds[s];
    return id === undefined ? "General" : this.formatCode(id);
  }

  private section(name: Section): SectionState {
    let state = this.sections.get(name);
    if (!state) {
      const element = this.scan.sections.get(name);
      const items: string[] = [];
      const spans = element?.children ?? [];
      for (let i = 0; i < spans.length; i += 2)
        items.push(decodeBytes(this.bytes, spans[i], spans[i + 1]));
      state = { element, items, existing: items.length, index: undefined };
      this.sections.set(name, state);
      for (const d of DEFAULTS[name].slice(items.length)) this.append(name, this.prefixed(d));
    }
    return state;
  }

  /** Our XML with the part's prefix on every element name. */
  private prefixed(xml: string): string {
    return this.prefix ? xml.replace(/<(\/?)(\w)/g, `<$1${this.prefix}$2`) : xml;
  }

  private append(name: Section, xml: string): number {
    const state = this.sections.get(name)!;
    state.items.push(xml);
    state.index?.set(xml, state.items.length - 1);
    return state.items.length - 1;
  }

  /** The index of an identical item, or of this one appended. */
  private indexOf(name: Section, xml: string): number {
    const state = this.section(name);
    if (!state.index) {
      state.index = new Map();
      state.items.forEach((item, i) => {
        if (!state.index!.has(item)) state.index!.set(item, i);
      });
    }
    return state.index.get(xml) ?? this.append(name, xml);
  }

  /** The id of a number format code: built-in, the part's own, or a new custom one. */
  private formatId(code: string): number {
    for (const [id, existing] of this.customFormats) if (existing === code) return id;
    for (const [id, builtIn] of Object.entries(BUILT_IN))
      if (builtIn === code && !this.customFormats.has(Number(id))) return Number(id);
    const id = this.nextFormatId++;
    this.customFormats.set(id, code);
    this.indexOf(
      "numFmts",
      this.prefixed(`<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`)
    );
    return id;
  }

  /** A cell style like `s` but with this number format: `s` itself when it already has it. */
  withFormat(s: number, code: string): number {
    // Thousands of cells ask the same question in a row.
    if (s === this.last.style && code === this.last.code) return this.last.out;
    this.last = { style: s, code, out: this.derivedStyle(s, code) };
    return this.last.out;
  }

  private last = { style: -1, code: "", out: 0 };

  private derivedStyle(s: number, code: string): number {
    if (this.formatOf(s) === code) return s;
    const key = `${s}\u0000${code}`;
    let out = this.derived.get(key);
    if (out === undefined) {
      const xfs = this.section("cellXfs");
      const base = xfs.items[s] ?? xfs.items[0];
      const id = this.formatId(code);
      const xf = setAttributes(base, { numFmtId: String(id), applyNumberFormat: "1" });
      out = this.indexOf("cellXfs", xf);
      this.xfFormatIds[out] = id;
      this.derived.set(key, out);
    }
    return out;
  }

  /** The cell style for a generated sheet's merged plan style, in the plan's font. */
  planStyle(style: CellStyle, font: PlanFont): number {
    const p = (xml: string) => this.prefixed(xml);
    const fontId = this.indexOf(
      "fonts",
      p(
        `<font>${style.bold ? "<b/>" : ""}${style.italic ? "<i/>" : ""}${style.underline ? "<u/>" : ""}<sz val="${style.fontSize ?? font.size}"/><name val="${escapeXml(font.name)}"/><family val="2"/></font>`
      )
    );
    const fill = style.fill
      ? this.indexOf(
          "fills",
          p(
            `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill.slice(1).toUpperCase()}"/><bgColor indexed="64"/></patternFill></fill>`
          )
        )
      : 0;
    const edge = (side: string) => `<${side} style="thin"><color indexed="64"/></${side}>`;
    const border = style.border
      ? this.indexOf(
          "borders",
          p(
            `<border>${edge("left")}${edge("right")}${edge("top")}${edge("bottom")}<diagonal/></border>`
          )
        )
      : 0;
    const format = style.numberFormat ? this.formatId(style.numberFormat) : 0;
    const vertical = style.vertical === "middle" ? "center" : style.vertical;
    const alignment = [
      style.horizontal ? ` horizontal="${style.horizontal}"` : "",
      vertical ? ` vertical="${vertical}"` : "",
      style.wrap ? ` wrapText="1"` : "",
    ].join("");
    const xf = p(
      `<xf numFmtId="${format}" fontId="${fontId}" fillId="${fill}" borderId="${border}"${this.scan.sections.has("cellStyleXfs") ? ' xfId="0"' : ""} applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"${alignment ? `><alignment${alignment}/></xf>` : "/>"}`
    );
    const s = this.indexOf("cellXfs", xf);
    this.xfFormatIds[s] = format;
    return s;
  }

  /** Writes appended styles into the part (creating it, with its relationship, if there was none). */
  flush(): void {
    const splices = new Splices();
    const missing: [Section, string][] = [];
    for (const [name, state] of this.sections) {
      const added = state.items.slice(state.existing);
      if (!added.length) continue;
      const element = state.element;
      if (!element) {
        missing.push([
          name,
          `<${this.prefix}${name} count="${state.items.length}">${added.join("")}</${this.prefix}${name}>`,
        ]);
        continue;
      }
      if (element.count)
        splices.replace(element.count[0], element.count[1], String(state.items.length));
      if (element.selfClosing)
        splices.replace(
          element.openEnd - 2,
          element.openEnd,
          `>${added.join("")}</${element.qualified}>`
        );
      else splices.insert(element.closeStart, added.join(""));
    }
    missing.sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b));
    const root = this.scan.root;
    if (root.selfClosing && missing.length)
      splices.replace(
        root.openEnd - 2,
        root.openEnd,
        `>${missing.map(([, xml]) => xml).join("")}</${root.qualified}>`
      );
    else
      for (const [name, xml] of missing) {
        const before = ORDER.slice(0, ORDER.indexOf(name))
          .map((local) => this.scan.sections.get(local))
          .filter((e): e is SectionScan => !!e);
        splices.insert(before.length ? Math.max(...before.map((e) => e.end)) : root.openEnd, xml);
      }
    if (!splices.size) return;
    this.pkg.write(this.part, splices.apply(this.bytes));
    if (this.isNew && !this.workbook.related("styles")) {
      this.pkg.addRelationship(
        this.workbook.part,
        relationshipType("styles", this.workbook.strict),
        this.part
      );
      this.pkg.setOverride(this.part, CONTENT_TYPE.styles);
    }
  }
}

/** Sets attributes on the start tag of an element's XML (added when absent). */
export function setAttributes(xml: string, values: Record<string, string>): string {
  const tagEnd = xml.indexOf(">");
  let tag = xml.slice(0, tagEnd);
  const closing = tag.endsWith("/") ? "/" : "";
  if (closing) tag = tag.slice(0, -1);
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
    tag = pattern.test(tag)
      ? tag.replace(pattern, `$1"${value}"`)
      : `${tag.trimEnd()} ${name}="${value}"`;
  }
  return `${tag}${closing}${xml.slice(tagEnd)}`;
}
