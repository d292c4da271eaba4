import { columnLetters, localAddress } from "../../core/address";
import type { Area, CellStyle, SheetPlan } from "../../core/sheet-plan";
import { encodeXstring } from "./shared-strings";
import { escapeXml } from "./splices";
import { NS } from "./xml-tree";

/** Where a plan sheet's styles go: the workbook's style table. */
export interface SheetParts {
  /** The workbook's style id (`s="…"`) for a merged plan style with at least one property. */
  styleId(style: CellStyle): number;
  /** Strict OOXML namespaces instead of transitional ones (the workbook's own flavour). */
  strict?: boolean;
}

/** A text cell's content, inline: the workbook's shared strings (and their indexes) stay as they are. */
export function inlineText(text: string): string {
  // Most texts need neither escaping nor xml:space: checked once instead of three replacements.
  // eslint-disable-next-line no-control-regex
  const plain = !/[<>&"_\u0000-\u001F\uFFFE\uFFFF]/.test(text) && !/^\s|\s$/.test(text);
  if (plain) return `<is><t>${text}</t></is>`;
  const escaped = escapeXml(encodeXstring(text));
  const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
  return `<is><t${space}>${escaped}</t></is>`;
}

export function worksheetOpen(strict = false): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${strict ? NS.mainStrict : NS.main}" xmlns:r="${strict ? NS.relStrict : NS.rel}">`;
}

/** A sheet holding one text in A1 (the settings kept with a workbook). */
export function textSheetXml(text: string, strict = false): string {
  return `${worksheetOpen(strict)}<dimension ref="A1"/><sheetData><row r="1"><c r="A1" t="inlineStr">${inlineText(text)}</c></row></sheetData></worksheet>`;
}

/**
 * The plan's styles as they stack on one cell. Each distinct sequence of style layers is merged and
 * looked up once, not once per cell: a Lembar of 3,000 indicators has some 27,000 styled cells and
 * 8,000 style areas (a few per row), but only a few dozen distinct layers and sequences. Layers
 * are told apart by content, so the same styles on every row share one sequence.
 */
class StyleLayers {
  private id: number | undefined;
  private readonly next = new Map<number, StyleLayers>();

  constructor(
    private readonly style: CellStyle,
    private readonly parts: SheetParts
  ) {}

  with(layer: number, style: CellStyle): StyleLayers {
    let layers = this.next.get(layer);
    if (!layers) {
      layers = new StyleLayers({ ...this.style, ...style }, this.parts);
      this.next.set(layer, layers);
    }
    return layers;
  }

  /** The style id, or 0 (the workbook's default) when no layer set anything. */
  styleId(): number {
    if (this.id === undefined)
      this.id = Object.keys(this.style).length === 0 ? 0 : this.parts.styleId(this.style);
    return this.id;
  }
}

/** The style id of every cell of the plan's grid (0 for none); merged cells take their first cell's. */
function styleIdsOf(plan: SheetPlan, parts: SheetParts): number[][] {
  const none = new StyleLayers({}, parts);
  const layers = plan.values.map((row) => row.map(() => none));
  const kinds = new Map<string, number>();
  for (const { area, style } of plan.styles) {
    const key = JSON.stringify(style);
    let kind = kinds.get(key);
    if (kind === undefined) kinds.set(key, (kind = kinds.size));
    for (let r = area.top - 1; r < area.bottom; r++) {
      const row = layers[r];
      for (let c = area.left - 1; c < area.right; c++) row[c] = row[c].with(kind, style);
    }
  }
  const ids = layers.map((row) => row.map((l) => l.styleId()));
  for (const m of plan.merges) {
    const first = ids[m.top - 1][m.left - 1];
    for (let r = m.top - 1; r < m.bottom; r++)
      for (let c = m.left - 1; c < m.right; c++) ids[r][c] = first;
  }
  return ids;
}

/** Cells inside a merge other than its first: Excel keeps no value there. */
function mergedAway(merges: readonly Area[], width: number): Set<number> {
  const covered = new Set<number>();
  for (const m of merges)
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(r * width + c);
  return covered;
}

const ref = (a: Area) => localAddress(a.top, a.left, a.bottom, a.right);

/**
 * The worksheet part (xl/worksheets/sheetN.xml) for a plan: values, styles, merges, column widths,
 * row heights, no gridlines, A4 print setup fitted to one page wide. Written as one string because
 * a Lembar of thousands of indicators is tens of thousands of styled cells.
 */
export function planSheetXml(plan: SheetPlan, parts: SheetParts): string {
  // No spread over the rows: a Lembar may have more rows than a call takes arguments.
  const lastColumn = plan.values.reduce((most, r) => Math.max(most, r.length), 1);
  const width = Math.max(plan.columnWidths.length, lastColumn) + 1;
  const styleIds = styleIdsOf(plan, parts);
  const away = mergedAway(plan.merges, width);
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const rows: string[] = [];
  plan.values.forEach((values, r) => {
    const row = r + 1;
    const cells: string[] = [];
    values.forEach((value, c) => {
      const column = c + 1;
      const s = styleIds[r][c];
      const shown = away.has(row * width + column) ? null : value;
      if (shown === null && s === 0) return;
      const at = `r="${columnLetters(column)}${row}"${s ? ` s="${s}"` : ""}`;
      if (shown === null) cells.push(`<c ${at}/>`);
      else if (typeof shown === "number" && Number.isFinite(shown))
        cells.push(`<c ${at}><v>${shown}</v></c>`);
      else cells.push(`<c ${at} t="inlineStr">${inlineText(String(shown))}</c>`);
    });
    const height = heights.get(row);
    if (cells.length || height !== undefined)
      rows.push(
        `<row r="${row}"${height !== undefined ? ` ht="${height}" customHeight="1"` : ""}>${cells.join("")}</row>`
      );
  });
  const { print } = plan;
  const m = print.margins;
  return [
    worksheetOpen(parts.strict),
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
    `<dimension ref="${ref({ top: 1, left: 1, bottom: Math.max(1, plan.values.length), right: lastColumn })}"/>`,
    `<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>`,
    `<sheetFormatPr defaultRowHeight="15"/>`,
    plan.columnWidths.length
      ? `<cols>${plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
      : "",
    `<sheetData>${rows.join("")}</sheetData>`,
    plan.merges.length
      ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((a) => `<mergeCell ref="${ref(a)}"/>`).join("")}</mergeCells>`
      : "",
    print.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "",
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`,
    `</worksheet>`,
  ].join("");
}
