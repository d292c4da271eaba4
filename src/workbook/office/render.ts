/* global Excel */
import { columnLetters, localAddress } from "../../core/address";
import type { Area, CellStyle, ChartPlan, SheetPlan } from "../../core/sheet-plan";
import { API, ApiSupport } from "./api-support";
import { Batcher, rowChunks } from "./batches";
import { compactHeights, compactMerges, compactStyles } from "./compact-plan";
import { rangeAt } from "./range-at";

const POINTS_PER_INCH = 72;
/** What one call (a style set on a range, a merge) adds to a request, roughly, as Office.js sends it. */
export const ACTION_BYTES = 200;
/** Excel's column width in points for a width in characters of the default font. */
const charsToPoints = (chars: number) => Math.round(chars * 5.6 + 5);

const BORDER_EDGES = [
  "EdgeTop",
  "EdgeBottom",
  "EdgeLeft",
  "EdgeRight",
  "InsideVertical",
  "InsideHorizontal",
] as const;

/** Notes for users of an older Excel: what the add-in could not set up for them. */
export const NOTE_NO_PAGE_LAYOUT =
  "Excel Anda belum mendukung pengaturan cetak dari add-in (perlu Excel 2021 atau Microsoft 365). Lembar sudah dibuat; atur sendiri di Tata Letak Halaman: kertas A4, orientasi Lanskap, Skala Paskan ke 1 halaman lebar, dan Cetak Judul baris 5–7.";
export const NOTE_NO_CHARTS =
  "Grafik Tabel LKjIP tidak dibuat: Excel ini belum dapat menyusun grafik dari add-in (perlu Microsoft 365 atau Office 2021 ke atas). Tabel dan data grafiknya sudah ada di lembar itu; buat grafik dari data itu lewat Sisipkan › Grafik.";
export const NOTE_NO_GRIDLINES =
  "Garis kisi tidak dapat disembunyikan dari add-in di Excel ini; matikan lewat Tampilan › Garis Kisi.";

function rangeOf(sheet: Excel.Worksheet, area: Area): Excel.Range {
  return rangeAt(
    sheet,
    area.top,
    area.left,
    area.bottom - area.top + 1,
    area.right - area.left + 1
  );
}

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const font = range.format.font;
  if (style.bold !== undefined) font.bold = style.bold;
  if (style.italic !== undefined) font.italic = style.italic;
  if (style.underline !== undefined) font.underline = style.underline ? "Single" : "None";
  if (style.fontSize !== undefined) font.size = style.fontSize;
  if (style.horizontal)
    range.format.horizontalAlignment = (
      { left: "Left", center: "Center", right: "Right" } as const
    )[style.horizontal];
  if (style.vertical)
    range.format.verticalAlignment = ({ top: "Top", middle: "Center", bottom: "Bottom" } as const)[
      style.vertical
    ];
  if (style.wrap !== undefined) range.format.wrapText = style.wrap;
  if (style.fill) range.format.fill.color = style.fill;
  if (style.border)
    for (const edge of BORDER_EDGES) range.format.borders.getItem(edge).style = "Continuous";
}

/**
 * A chart over the sheet's cells: a clustered column for the first series, more series added and
 * pointed at their cells (a "line" series drawn as a line: the 100 % mark), placed over its anchor.
 */
function queueChart(sheet: Excel.Worksheet, chart: ChartPlan): void {
  const [first, ...rest] = chart.series;
  const categories = rangeOf(sheet, chart.categories);
  const drawn = sheet.charts.add("ColumnClustered", rangeOf(sheet, first.values), "Columns");
  drawn.title.text = chart.title;
  const { top, left, bottom, right } = chart.anchor;
  drawn.setPosition(localAddress(top, left, top, left), localAddress(bottom, right, bottom, right));
  const base = drawn.series.getItemAt(0);
  base.name = first.name;
  base.setXAxisValues(categories);
  for (const more of rest) {
    const series = drawn.series.add(more.name);
    series.setValues(rangeOf(sheet, more.values));
    series.setXAxisValues(categories);
    if (more.type === "line") series.chartType = "Line";
  }
  drawn.axes.valueAxis.title.text = chart.valueTitle;
  drawn.legend.position = "Bottom";
}

/**
 * The number format each cell gets before its value: "@" (text) for every text, so that Excel
 * keeps "- Indeks …", "=…" or "80,30" as typed instead of reading a formula or an en-US number;
 * "General" elsewhere (numbers take their style's format).
 */
export function textFormats(values: readonly (readonly unknown[])[], columns: number): string[][] {
  return values.map((row) => {
    const formats = new Array<string>(columns).fill("General");
    row.forEach((v, c) => {
      if (typeof v === "string" && v !== "") formats[c] = "@";
    });
    return formats;
  });
}

/** Said when Excel cannot lay out a sheet (ExcelApi 1.2: merges, widths, heights); nothing is written. */
export const FORMATTING_UNSUPPORTED =
  "Excel ini belum dapat menata lembar dari add-in (perlu Microsoft 365 atau Office 2021 ke atas), sehingga Lembar Pengukuran tidak dibuat dan buku kerja tidak diubah. Buat Lembar lewat halaman peramban Capaian Kinerja atau perintah capaian, atau tekan Hitung Capaian saja.";

/**
 * Queues the whole Lembar: the old sheet deleted, a new one added, its values in one write, number
 * formats in one grid, the other styles by area, merges, widths, print setup. No sync here.
 */
export async function queueSheetPlan(
  context: Excel.RequestContext,
  plan: SheetPlan,
  exists: boolean,
  supports: ApiSupport,
  batcher: Batcher
): Promise<string[]> {
  const notes: string[] = [];
  const sheets = context.workbook.worksheets;
  if (exists) sheets.getItem(plan.name).delete();
  const sheet = sheets.add(plan.name);
  const rows = plan.values.length;
  const columns = plan.columnWidths.length;
  const all = rangeOf(sheet, { top: 1, left: 1, bottom: rows, right: columns });
  const values = plan.values.map((row) => row.map((v) => v ?? "")) as (string | number)[][];
  const formats = textFormats(plan.values, columns);
  for (const { area, style } of plan.styles) {
    if (!style.numberFormat) continue;
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++)
        if (typeof values[r - 1][c - 1] === "number") formats[r - 1][c - 1] = style.numberFormat;
  }
  // Number formats, then values, in one write each (split only past the request budget): a text
  // cell is formatted "@" before its text arrives, or Excel would parse it.
  for (const chunk of rowChunks(values, formats)) {
    await batcher.reserve(chunk.bytes);
    const piece = rangeOf(sheet, {
      top: chunk.start + 1,
      left: 1,
      bottom: chunk.end,
      right: columns,
    });
    piece.numberFormat = formats.slice(chunk.start, chunk.end);
    piece.values = values.slice(chunk.start, chunk.end);
  }
  all.format.font.name = plan.font.name;
  all.format.font.size = plan.font.size;

  // Styles (number formats aside: set above, as one grid), merges and heights as few calls as
  // give the same sheet, each counted against the request budget.
  for (const { area, style } of compactStyles(plan)) {
    await batcher.reserve(ACTION_BYTES * (style.border ? BORDER_EDGES.length : 1));
    applyStyle(rangeOf(sheet, area), style);
  }
  for (const { area, across } of compactMerges(plan.merges)) {
    await batcher.reserve(ACTION_BYTES);
    rangeOf(sheet, area).merge(across);
  }
  plan.columnWidths.forEach((chars, i) => {
    const letter = columnLetters(i + 1);
    sheet.getRange(`${letter}:${letter}`).format.columnWidth = charsToPoints(chars);
  });
  all.format.autofitRows();
  for (const { top, bottom, height } of compactHeights(plan.rowHeights)) {
    await batcher.reserve(ACTION_BYTES);
    rangeOf(sheet, { top, left: 1, bottom, right: columns }).format.rowHeight = height;
  }

  if (supports(API.pageLayout)) {
    const layout = sheet.pageLayout;
    const { print } = plan;
    layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    layout.paperSize = "A4";
    layout.zoom = { horizontalFitToPages: print.fitToPagesWide, verticalFitToPages: 0 };
    layout.centerHorizontally = print.centerHorizontally;
    layout.printGridlines = print.gridlines;
    layout.topMargin = print.margins.top * POINTS_PER_INCH;
    layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
    layout.leftMargin = print.margins.left * POINTS_PER_INCH;
    layout.rightMargin = print.margins.right * POINTS_PER_INCH;
    layout.headerMargin = print.margins.header * POINTS_PER_INCH;
    layout.footerMargin = print.margins.footer * POINTS_PER_INCH;
    layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  } else {
    notes.push(NOTE_NO_PAGE_LAYOUT);
  }
  if (plan.charts?.length) {
    if (supports(API.charts)) for (const chart of plan.charts) queueChart(sheet, chart);
    else notes.push(NOTE_NO_CHARTS);
  }
  if (supports(API.gridlines)) sheet.showGridlines = false;
  else notes.push(NOTE_NO_GRIDLINES);
  sheet.activate();
  return notes;
}
