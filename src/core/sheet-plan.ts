/**
 * A sheet to render, as plain data: both adapters (Office.js and the .xlsx writer) draw the same plan.
 * Rows and columns are 1-based, as in Excel.
 */

export type PlanValue = string | number | null;

/** Rupiah on a planned sheet: "Rp 18.700.000" in an Indonesian Excel. */
export const RUPIAH_FORMAT = '"Rp "#,##0';

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  fontSize?: number;
  horizontal?: "left" | "center" | "right";
  vertical?: "top" | "middle" | "bottom";
  wrap?: boolean;
  /** Thin borders on every edge of every cell in the area. */
  border?: boolean;
  /** Background colour, "#RRGGBB". */
  fill?: string;
  /** Excel number format code, shown in the user's locale ("0.00" → 102,95). */
  numberFormat?: string;
}

export interface PrintSetup {
  paper: "A4";
  orientation: "landscape" | "portrait";
  /** Fit all columns on one page width; pages tall as needed. */
  fitToPagesWide: 1;
  /** Rows repeated at the top of every printed page. */
  titleRows: { first: number; last: number };
  centerHorizontally: boolean;
  gridlines: false;
  /** Margins in inches, as both Office.js and the .xlsx sheet XML take them. */
  margins: {
    top: number;
    bottom: number;
    left: number;
    right: number;
    header: number;
    footer: number;
  };
}

/** The font of every cell of a plan's sheet; a style's `fontSize` overrides the size. */
export interface PlanFont {
  name: string;
  /** Points. */
  size: number;
}

/** One series of a chart: its values are cells of the plan's own sheet. */
export interface ChartSeries {
  name: string;
  values: Area;
  /** Bars, or a line drawn over them (the 100 % mark). */
  type: "column" | "line";
}

/** A chart native to the workbook, drawn by Excel or LibreOffice from the sheet's cells. */
export interface ChartPlan {
  title: string;
  /** The category labels: one column of cells on the sheet. */
  categories: Area;
  series: ChartSeries[];
  /** The cells the chart covers on the sheet. */
  anchor: Area;
  /** The value axis's title ("%"). */
  valueTitle: string;
}

export interface SheetPlan {
  name: string;
  font: PlanFont;
  /** Dense grid from A1: values[r][c] is the cell at row r+1, column c+1. */
  values: PlanValue[][];
  /** Applied in order; a later style adds to an earlier one on the same cells. */
  styles: { area: Area; style: CellStyle }[];
  merges: Area[];
  /** Width of each column from A, in characters. */
  columnWidths: number[];
  /** Rows whose height is set (points); the others fit their content. */
  rowHeights: { row: number; height: number }[];
  print: PrintSetup;
  /** Charts over the sheet's cells (the Tabel LKjIP); none on the Lembar. */
  charts?: ChartPlan[];
}

export function areaOf(top: number, left: number, bottom = top, right = left): Area {
  return { top, left, bottom, right };
}
