import { columnLetters, localAddress } from "../../core/address";
import type { Area, CellStyle, PlanFont, SheetPlan } from "../../core/sheet-plan";
import { encodeXstring } from "./shared-strings";
import { escapeXml } from "./splices";
import { utf8 } from "./opc";
import { concat } from "./zip";
import { NS } from "./xml-tree";

/** Where a plan sheet's styles go: the workbook's style table. */
export interface SheetParts {
  /** The workbook's style id (`s="…"`) for a merged plan style with at least one property, in the plan's font. */
  styleId(style: CellStyle, font: PlanFont): number;
  /** Strict OOXML namespaces instead of transitional ones (the workbook's own flavour). */
  strict?: boolean;
  /** The sheet's relationship to the drawing holding the plan's charts, when it has charts. */
  drawingRelId?: string;
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

/** A style's content as a key (what it sets, whatever the order it was written in). */
function styleKey(s: CellStyle): string {
  return `${s.bold}|${s.italic}|${s.underline}|${s.fontSize}|${s.horizontal}|${s.vertical}|${s.wrap}|${s.border}|${s.fill}|${s.numberFormat}`;
}

/** `top` over `base`: what `top` sets wins; what it leaves unset (or undefined) stays. */
function layered(base: CellStyle, top: CellStyle): CellStyle {
  const out: CellStyle = { ...base };
  for (const key of Object.keys(top) as (keyof CellStyle)[])
    if (top[key] !== undefined) (out as Record<string, unknown>)[key] = top[key];
  return out;
}

/**
 * The style id of every cell of the plan's grid (0 for none), flat by row (`row * width + column`,
 * 0-based); merged cells take their first cell's. The plan's styles stack on each cell: each
 * distinct sequence of layers is merged and looked up once, not once per cell. A Lembar of 3,000
 * indicators has some 27,000 styled cells and 8,000 style areas (a few per row) but only a few dozen
 * distinct layers and sequences: layers are told apart by content, so the same styles on every row
 * share one sequence. Sequences are numbered nodes of a trie (node 0: no style).
 */
function styleIdsOf(plan: SheetPlan, height: number, width: number, parts: SheetParts): Int32Array {
  const nodes = new Int32Array(height * width); // the sequence each cell has reached
  const styles: CellStyle[] = [{}];
  const kinds = new Map<string, number>();
  // A plan that passes one style object for many areas has its content keyed once.
  const kindOfObject = new Map<CellStyle, number>();
  const kindOf = plan.styles.map(({ style }) => {
    let kind = kindOfObject.get(style);
    if (kind !== undefined) return kind;
    const key = styleKey(style);
    kind = kinds.get(key);
    if (kind === undefined) kinds.set(key, (kind = kinds.size));
    kindOfObject.set(style, kind);
    return kind;
  });
  const spread = Math.max(kinds.size, 1);
  // node × spread + kind → the node it leads to (0: not yet made; no step leads back to the root).
  let next = new Int32Array(64 * spread);
  for (let i = 0; i < plan.styles.length; i++) {
    const { area, style } = plan.styles[i];
    const kind = kindOf[i];
    for (let r = area.top - 1; r < area.bottom; r++)
      for (let c = area.left - 1, at = r * width + c; c < area.right; c++, at++) {
        const key = nodes[at] * spread + kind;
        let node = next[key];
        if (node === 0) {
          node = styles.length;
          styles.push(layered(styles[nodes[at]], style));
          if (styles.length * spread > next.length) {
            const grown = new Int32Array(next.length * 2);
            grown.set(next);
            next = grown;
          }
          next[key] = node;
        }
        nodes[at] = node;
      }
  }
  // Looked up only for the sequences cells end on (not those passed on the way).
  const idOf = new Int32Array(styles.length).fill(-1);
  const ids = new Int32Array(height * width);
  for (let i = 0; i < ids.length; i++) {
    const node = nodes[i];
    if (idOf[node] < 0)
      idOf[node] = Object.keys(styles[node]).length ? parts.styleId(styles[node], plan.font) : 0;
    ids[i] = idOf[node];
  }
  for (const m of plan.merges) {
    const first = ids[(m.top - 1) * width + m.left - 1];
    for (let r = m.top - 1; r < m.bottom; r++)
      for (let c = m.left - 1; c < m.right; c++) ids[r * width + c] = first;
  }
  return ids;
}

/** Cells inside a merge other than its first, flat as the style ids: Excel keeps no value there. */
function mergedAway(merges: readonly Area[], height: number, width: number): Uint8Array {
  const covered = new Uint8Array(height * width);
  for (const m of merges)
    for (let r = m.top - 1; r < m.bottom; r++)
      for (let c = m.left - 1; c < m.right; c++)
        if (r !== m.top - 1 || c !== m.left - 1) covered[r * width + c] = 1;
  return covered;
}

const ref = (a: Area) => localAddress(a.top, a.left, a.bottom, a.right);

/** Rows encoded together: their text is short-lived, and the part's bytes grow in a few pieces. */
const ROWS_PER_CHUNK = 256;

/**
 * The worksheet part (xl/worksheets/sheetN.xml) for a plan: values, styles, merges, column widths,
 * row heights, no gridlines, A4 print setup fitted to one page wide, the drawing of its charts.
 * A Lembar of thousands of indicators is tens of thousands of styled cells: their text is encoded
 * a few hundred rows at a time, never held whole.
 */
export function planSheetXml(plan: SheetPlan, parts: SheetParts): Uint8Array {
  // No spread over the rows: a Lembar may have more rows than a call takes arguments.
  const lastColumn = plan.values.reduce((most, r) => Math.max(most, r.length), 1);
  // Wide enough for every value, style and merge (a style may reach past a row's last value).
  let width = Math.max(plan.columnWidths.length, lastColumn);
  let height = plan.values.length;
  for (const area of plan.merges.concat(plan.styles.map((s) => s.area))) {
    width = Math.max(width, area.right);
    height = Math.max(height, area.bottom);
  }
  const styleIds = styleIdsOf(plan, height, width, parts);
  const away = mergedAway(plan.merges, height, width);
  const heights = new Map(plan.rowHeights.map((h) => [h.row, h.height]));
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c + 1));
  const { print } = plan;
  const m = print.margins;
  const chunks = [
    utf8(
      [
        worksheetOpen(parts.strict),
        `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
        `<dimension ref="${ref({ top: 1, left: 1, bottom: Math.max(1, plan.values.length), right: lastColumn })}"/>`,
        `<sheetViews><sheetView showGridLines="0" workbookViewId="0"/></sheetViews>`,
        `<sheetFormatPr defaultRowHeight="15"/>`,
        plan.columnWidths.length
          ? `<cols>${plan.columnWidths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
          : "",
        `<sheetData>`,
      ].join("")
    ),
  ];
  let rows = "";
  for (let r = 0; r < height; r++) {
    const values = plan.values[r] ?? [];
    const row = r + 1;
    let cells = "";
    for (let c = 0; c < values.length; c++) {
      const at = r * width + c;
      const s = styleIds[at];
      const shown = away[at] ? null : values[c];
      if (shown === null && s === 0) continue;
      const cell = `<c r="${letters[c]}${row}"${s ? ` s="${s}"` : ""}`;
      if (shown === null) cells += `${cell}/>`;
      else if (typeof shown === "number" && Number.isFinite(shown))
        cells += `${cell}><v>${shown}</v></c>`;
      else cells += `${cell} t="inlineStr">${inlineText(String(shown))}</c>`;
    }
    const tall = heights.get(row);
    if (cells || tall !== undefined)
      rows += `<row r="${row}"${tall !== undefined ? ` ht="${tall}" customHeight="1"` : ""}>${cells}</row>`;
    if (r % ROWS_PER_CHUNK === ROWS_PER_CHUNK - 1) {
      chunks.push(utf8(rows));
      rows = "";
    }
  }
  const tail = [
    `${rows}</sheetData>`,
    plan.merges.length
      ? `<mergeCells count="${plan.merges.length}">${plan.merges.map((a) => `<mergeCell ref="${ref(a)}"/>`).join("")}</mergeCells>`
      : "",
    print.centerHorizontally ? `<printOptions horizontalCentered="1"/>` : "",
    `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`,
    // CT_Worksheet: drawing follows pageSetup, headerFooter, breaks, ignoredErrors, smartTags.
    parts.drawingRelId ? `<drawing r:id="${parts.drawingRelId}"/>` : "",
    `</worksheet>`,
  ].join("");
  chunks.push(utf8(tail));
  return concat(...chunks);
}
