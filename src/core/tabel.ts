/**
 * The Tabel LKjIP sheet (CONTRACT.md §7): the report's tables from the one computation, print-ready
 * on A4 portrait, and three charts over the sheet's own cells.
 */
import type { Result } from "./compute";
import { LEMBAR_FONT } from "./lembar";
import { PlanGrid } from "./plan-grid";
import { decimalFormat } from "./rounding";
import { fittedRowHeights } from "./row-heights";
import { areaOf, ChartPlan, RUPIAH_FORMAT, SheetPlan } from "./sheet-plan";
import { TableCell, TableModel, tabelModels } from "./tabel-model";

export const TABEL_SHEET = "Tabel LKjIP";
const COLUMNS = 8;
const COLUMN_WIDTHS = [5, 26, 28, 17, 17, 17, 11, 14];
/** Rows a chart covers, and rows between two charts. */
const CHART_ROWS = 18;
const HEADER_FILL = "#D9E1F2";

/** Where each table and the chart data landed, for tests and adapters. */
export interface TabelLayout {
  tables: {
    id: TableModel["id"];
    number: string;
    titleRow: number;
    firstRow: number;
    lastRow: number;
  }[];
  chartData: { first: number; last: number };
}

/**
 * The sheet columns a model's columns take: a model narrower than the sheet widens its second
 * column (the indicator, sasaran or uraian) so that every table spans the page.
 */
function columnMap(model: TableModel): { left: number; right: number }[] {
  const extra = COLUMNS - model.columns;
  const map: { left: number; right: number }[] = [];
  let at = 1;
  for (let c = 0; c < model.columns; c++) {
    const width = c === 1 ? 1 + extra : 1;
    map.push({ left: at, right: at + width - 1 });
    at += width;
  }
  return map;
}

function formatOf(cell: TableCell, percent: string): string | undefined {
  if (cell.kind === "persen") return percent;
  if (cell.kind === "rupiah") return RUPIAH_FORMAT;
  if (cell.kind === "salinan" && cell.format && cell.format !== "General") return cell.format;
  return undefined;
}

/** Lays out one row of cells, spans and downward spans included; returns nothing, writes the grid. */
function placeRow(
  g: PlanGrid,
  row: number,
  cells: TableCell[],
  map: { left: number; right: number }[],
  taken: Set<string>,
  percent: string
): void {
  let logical = 0;
  for (const cell of cells) {
    // Skip columns a cell of a row above spans down into.
    while (taken.has(`${row}:${logical}`)) logical++;
    const span = cell.span ?? 1;
    const first = map[logical];
    const last = map[Math.min(logical + span - 1, map.length - 1)];
    const bottom = row + (cell.rowSpan ?? 1) - 1;
    for (let r = row + 1; r <= bottom; r++)
      for (let c = logical; c < logical + span; c++) taken.add(`${r}:${c}`);
    if (cell.value !== null) g.set(row, first.left, cell.value);
    g.merge(areaOf(row, first.left, bottom, last.right));
    const format = formatOf(cell, percent);
    const numeric = typeof cell.value === "number";
    g.style(areaOf(row, first.left, bottom, last.right), {
      ...(format ? { numberFormat: format } : {}),
      ...(cell.bold ? { bold: true } : {}),
      ...(cell.italic ? { italic: true } : {}),
      horizontal:
        numeric || cell.kind === "nomor" ? (cell.kind === "nomor" ? "center" : "right") : "left",
    });
    logical += span;
  }
}

/** One table: number, title, header (bold, shaded), body, notes. Returns the row after it. */
function placeTable(
  g: PlanGrid,
  top: number,
  model: TableModel,
  percent: string,
  layout: TabelLayout
): number {
  const map = columnMap(model);
  g.line(top, `Tabel ${model.number}`, 1, COLUMNS, { bold: true, horizontal: "center" });
  g.line(top + 1, model.title, 1, COLUMNS, { bold: true, horizontal: "center", wrap: true });
  let row = top + 2;
  const tableTop = row;
  const taken = new Set<string>();
  for (const cells of model.header) placeRow(g, row++, cells, map, taken, percent);
  g.style(areaOf(tableTop, 1, row - 1, COLUMNS), {
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fill: HEADER_FILL,
  });
  const bodyTop = row;
  for (const cells of model.rows) placeRow(g, row++, cells, map, taken, percent);
  if (row > bodyTop) g.style(areaOf(bodyTop, 1, row - 1, COLUMNS), { vertical: "top", wrap: true });
  g.style(areaOf(tableTop, 1, row - 1, COLUMNS), { border: true });
  layout.tables.push({
    id: model.id,
    number: model.number,
    titleRow: top,
    firstRow: bodyTop,
    lastRow: row - 1,
  });
  for (const note of model.notes) g.line(row++, note, 1, COLUMNS, { italic: true, wrap: true });
  return row + 1;
}

/**
 * The figures the charts draw, as a block of cells under the tables: each chart's series refers to
 * these cells (Excel and LibreOffice draw a chart from cells, never from numbers of its own).
 */
function placeChartData(g: PlanGrid, top: number, result: Result, percent: string) {
  g.line(top, "Data grafik (dari tabel di atas)", 1, COLUMNS, { bold: true });
  let row = top + 1;
  const heading = (texts: string[]) => {
    texts.forEach((t, i) => g.set(row, [2, 4, 5][i], t));
    g.style(areaOf(row, 2, row, 5), { bold: true, fill: HEADER_FILL, border: true, wrap: true });
    g.merge(areaOf(row, 2, row, 3));
    row++;
  };
  const block = (labels: string[], values: (number | null)[][]) => {
    const first = row;
    labels.forEach((label, i) => {
      g.set(row, 2, label);
      g.merge(areaOf(row, 2, row, 3));
      values[i].forEach((v, k) => g.set(row, 4 + k, v));
      row++;
    });
    if (row > first) {
      g.style(areaOf(first, 4, row - 1, 5), { numberFormat: percent, horizontal: "right" });
      g.style(areaOf(first, 2, row - 1, 5), { border: true, wrap: true, vertical: "top" });
    }
    return { first, last: row - 1 };
  };

  heading(["Indikator", "Capaian (%)", "Garis 100 %"]);
  const indicators = block(
    result.indicators.map((x, i) => `${i + 1}. ${x.indikator}`),
    result.indicators.map((x) => [x.capaian, 100])
  );
  row++;
  heading(["Sasaran", "Rata-rata capaian (%)"]);
  const sasaran = block(
    result.sasaran.map((s) => `${s.nomor}. ${s.nama}`),
    result.sasaran.map((s) => [s.rataRata])
  );
  row++;
  const groups = result.budget?.groups ?? [];
  let kelompok: { first: number; last: number } | null = null;
  if (groups.length > 0) {
    heading(["Kelompok belanja", "Serapan (%)"]);
    kelompok = block(
      groups.map((k) => k.nama),
      groups.map((k) => [k.serapan])
    );
    row++;
  }
  return { indicators, sasaran, kelompok, end: row };
}

function chartsOver(
  data: ReturnType<typeof placeChartData>,
  top: number
): { charts: ChartPlan[]; end: number } {
  const charts: ChartPlan[] = [];
  let row = top;
  const add = (
    title: string,
    block: { first: number; last: number },
    series: ChartPlan["series"]
  ) => {
    if (block.last < block.first) return;
    charts.push({
      title,
      categories: areaOf(block.first, 2, block.last, 2),
      series,
      anchor: areaOf(row, 1, row + CHART_ROWS - 1, COLUMNS),
      valueTitle: "%",
    });
    row += CHART_ROWS + 1;
  };
  const { indicators, sasaran, kelompok } = data;
  add("Capaian Kinerja per Indikator", indicators, [
    {
      name: "Capaian (%)",
      values: areaOf(indicators.first, 4, indicators.last, 4),
      type: "column",
    },
    { name: "Target 100 %", values: areaOf(indicators.first, 5, indicators.last, 5), type: "line" },
  ]);
  add("Rata-rata Capaian per Sasaran", sasaran, [
    {
      name: "Rata-rata capaian (%)",
      values: areaOf(sasaran.first, 4, sasaran.last, 4),
      type: "column",
    },
  ]);
  if (kelompok)
    add("Serapan Anggaran per Kelompok Belanja", kelompok, [
      { name: "Serapan (%)", values: areaOf(kelompok.first, 4, kelompok.last, 4), type: "column" },
    ]);
  return { charts, end: row };
}

/** The Tabel LKjIP sheet plan and where its parts are. */
export function buildTabel(result: Result): { plan: SheetPlan; layout: TabelLayout } {
  const percent = decimalFormat(result.settings.decimals);
  const g = new PlanGrid(COLUMNS);
  const layout: TabelLayout = { tables: [], chartData: { first: 0, last: 0 } };
  const { namaOPD, tahun } = result.signOff;
  g.line(1, "TABEL CAPAIAN KINERJA (BAB III LKjIP)", 1, COLUMNS, {
    bold: true,
    fontSize: 12,
    horizontal: "center",
  });
  g.line(2, [namaOPD, tahun && `Tahun ${tahun}`].filter(Boolean).join(" — "), 1, COLUMNS, {
    horizontal: "center",
  });
  let row = 4;
  for (const model of tabelModels(result)) row = placeTable(g, row, model, percent, layout);
  const data = placeChartData(g, row, result, percent);
  layout.chartData = { first: row, last: data.end - 1 };
  const { charts, end } = chartsOver(data, data.end + 1);
  // The grid reaches down to the last chart, so that its rows exist in every adapter.
  g.set(end, 1, null);

  const plan: SheetPlan = {
    name: TABEL_SHEET,
    font: LEMBAR_FONT,
    values: g.values,
    styles: g.styles,
    merges: g.merges,
    columnWidths: COLUMN_WIDTHS,
    rowHeights: fittedRowHeights(g.values, g.merges, COLUMN_WIDTHS, [[1, data.end]], LEMBAR_FONT),
    print: {
      paper: "A4",
      orientation: "portrait",
      fitToPagesWide: 1,
      titleRows: { first: 1, last: 2 },
      centerHorizontally: true,
      gridlines: false,
      margins: { top: 0.7, bottom: 0.7, left: 0.6, right: 0.6, header: 0.3, footer: 0.3 },
    },
    charts,
  };
  return { plan, layout };
}
