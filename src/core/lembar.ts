import type { CellValue } from "./cell";
import type { CellRef } from "./columns";
import type { Result } from "./compute";
import { cellText, numberIn } from "./read-findings";
import { decimalFormat } from "./rounding";
import { PlanGrid } from "./plan-grid";
import { areaOf, CellStyle, PlanFont, PlanValue, RUPIAH_FORMAT, SheetPlan } from "./sheet-plan";
import { fittedRowHeights } from "./row-heights";

export const LEMBAR_SHEET = "Lembar Pengukuran";
export const LEMBAR_TITLE = "LEMBAR PENGUKURAN KINERJA ORGANISASI PERANGKAT DAERAH";
const COLUMNS = 8;
const COLUMN_WIDTHS = [5, 30, 42, 14, 12, 22, 12, 12];
/** The Lembar's font: CONTRACT §5 shows it in Arial, as the seed's printed sheet. */
export const LEMBAR_FONT: PlanFont = { name: "Arial", size: 10 };

/** Rows of the Lembar a test or adapter may need to find again. */
export interface LembarLayout {
  headerRows: { first: number; last: number };
  numberRow: number;
  indicatorRows: number[];
  averageRows: number[];
  totalRow: number;
  budgetRows: number[];
  signatureRows: { first: number; last: number };
}

/** Styles every indicator row takes, made once (the sheet writer keys a style object once), frozen. */
const CENTERED: CellStyle = Object.freeze({ horizontal: "center" });
const ITALIC: CellStyle = Object.freeze({ italic: true });

/** A copy of a source cell for the Lembar: its value as the user sees it, with its number format. */
function shownValue(ref: CellRef | null): { value: PlanValue; format?: string } {
  if (!ref) return { value: null };
  const v: CellValue = ref.value;
  if (v === null || typeof v === "string" || typeof v === "number") {
    return { value: v, format: typeof v === "number" ? ref.format : undefined };
  }
  return { value: cellText(v) };
}

/** The Lembar Pengukuran Kinerja (CONTRACT.md §5), laid out as at the end of the seed. */
export function buildLembar(result: Result): { plan: SheetPlan; layout: LembarLayout } {
  const { signOff, settings } = result;
  const percent = decimalFormat(settings.decimals);
  const parsedYear = Number.parseInt(signOff.tahun, 10);
  const year = Number.isFinite(parsedYear) ? parsedYear : null;
  const g = new PlanGrid(COLUMNS);
  const formatStyles = new Map<string, CellStyle>();
  const formatStyle = (numberFormat: string): CellStyle => {
    let style = formatStyles.get(numberFormat);
    if (!style) formatStyles.set(numberFormat, (style = { numberFormat }));
    return style;
  };

  g.line(1, LEMBAR_TITLE, 1, COLUMNS, { bold: true, fontSize: 14, horizontal: "center" });
  g.line(2, `OPD : ${signOff.namaOPD}`, 1, COLUMNS, { bold: true });
  g.line(3, `Tahun Anggaran : ${signOff.tahun}`, 1, COLUMNS, { bold: true });

  const head = 5;
  const headers: [number, string][] = [
    [1, "NO"],
    [2, "SASARAN STRATEGIS"],
    [3, "INDIKATOR KINERJA"],
    [4, year ? `TARGET PADA RENSTRA (TAHUN ${year})` : "TARGET PADA RENSTRA"],
    [5, "CAPAIAN KINERJA"],
    [7, year ? `CAPAIAN TAHUN ${year - 1}` : "CAPAIAN TAHUN LALU"],
    [8, year ? `CAPAIAN TAHUN ${year}` : "CAPAIAN TAHUN INI"],
  ];
  for (const [column, text] of headers) g.set(head, column, text);
  for (const column of [1, 2, 3, 4]) g.merge(areaOf(head, column, head + 1, column));
  g.merge(areaOf(head, 5, head, 6));
  g.set(head + 1, 5, year ? `TARGET ${year}` : "TARGET");
  g.set(head + 1, 6, year ? `REALISASI ${year}` : "REALISASI");
  g.set(head + 1, 7, "%");
  g.set(head + 1, 8, "%");
  const numberRow = head + 2;
  for (let c = 1; c <= COLUMNS; c++) g.set(numberRow, c, c);
  g.style(areaOf(head, 1, numberRow, COLUMNS), {
    bold: true,
    horizontal: "center",
    vertical: "middle",
    wrap: true,
    fill: "#D9E1F2",
  });
  g.style(areaOf(numberRow, 1, numberRow, COLUMNS), { bold: false, fill: "#F2F2F2" });

  const layout: LembarLayout = {
    headerRows: { first: head, last: numberRow },
    numberRow,
    indicatorRows: [],
    averageRows: [],
    totalRow: 0,
    budgetRows: [],
    signatureRows: { first: 0, last: 0 },
  };

  let row = numberRow + 1;
  const tableTop = row;
  for (const sasaran of result.sasaran) {
    const first = row;
    for (const index of sasaran.indicators) {
      const x = result.indicators[index];
      layout.indicatorRows.push(row);
      g.set(row, 3, x.indikator);
      const cells: [number, CellRef | null][] = [
        [4, x.targetRenstra],
        [5, x.target],
        [6, x.realisasi],
      ];
      for (const [column, ref] of cells) {
        const shown = shownValue(ref);
        g.set(row, column, shown.value);
        if (shown.format && shown.format !== "General")
          g.style(areaOf(row, column), formatStyle(shown.format));
      }
      const lalu = numberIn(x.capaianLalu);
      g.set(row, 7, lalu ?? (x.capaianLalu ? cellText(x.capaianLalu.value) || null : null));
      if (x.capaian !== null) g.set(row, 8, x.capaian);
      else {
        g.set(row, 8, x.status === "belum-ada-realisasi" ? "belum ada realisasi" : "—");
        g.style(areaOf(row, 8), ITALIC);
      }
      row++;
    }
    g.set(first, 1, sasaran.nomor);
    g.set(first, 2, sasaran.nama);
    g.merge(areaOf(first, 1, row - 1, 1));
    g.merge(areaOf(first, 2, row - 1, 2));
    layout.averageRows.push(row);
    g.line(row, `Rata-rata Capaian Sasaran – ${sasaran.nomor}`, 1, 7, { horizontal: "left" });
    g.set(row, 8, sasaran.rataRata);
    g.style(areaOf(row, 1, row, COLUMNS), { fill: "#F2F2F2" });
    row++;
  }
  layout.totalRow = row;
  const totalLabel =
    settings.averaging === "sasaran"
      ? `Total Rata-rata Capaian Sasaran (${result.sasaran.map((s) => s.nomor).join("+")})`
      : "Rata-rata Capaian Seluruh Indikator";
  g.line(row, totalLabel, 1, 7, { bold: true });
  g.set(row, 8, result.total);
  g.style(areaOf(row, 1, row, COLUMNS), { bold: true, fill: "#D9E1F2" });
  g.style(areaOf(tableTop, 1, row, COLUMNS), { vertical: "top", wrap: true });
  for (const r of layout.indicatorRows) {
    g.style(areaOf(r, 1), CENTERED);
    g.style(areaOf(r, 4, r, 7), CENTERED);
  }
  g.style(areaOf(tableTop, 7, row, 8), { numberFormat: percent, horizontal: "right" });
  g.style(areaOf(head, 1, row, COLUMNS), { border: true });
  row += 2;

  if (result.budget) {
    const { total, silpa } = result.budget;
    const lines: [string, number | null, string][] = [
      ["Jumlah Anggaran", total.anggaran, RUPIAH_FORMAT],
      ["Jumlah Realisasi", total.realisasi, RUPIAH_FORMAT],
      ["Serapan Anggaran (%)", total.serapan, percent],
      ["Sisa Anggaran (SiLPA)", silpa, RUPIAH_FORMAT],
    ];
    const top = row;
    for (const [label, value, format] of lines) {
      layout.budgetRows.push(row);
      g.line(row, label, 2, 3);
      g.set(row, 4, value);
      g.merge(areaOf(row, 4, row, 5));
      g.style(areaOf(row, 4, row, 5), { numberFormat: format, horizontal: "right" });
      row++;
    }
    g.style(areaOf(top, 2, row - 1, 5), { border: true });
    row++;
  }

  const sign = 6;
  const signFirst = row;
  const place = signOff.kota
    ? `${signOff.kota}, ${signOff.tanggal || ".............................."}`
    : signOff.tanggal;
  const signLines: [string, CellStyle][] = [
    [place, {}],
    ["Mengetahui dan menyetujui,", {}],
    [signOff.jabatan, { bold: true, wrap: true }],
  ];
  for (const [text, style] of signLines) {
    g.line(row, text, sign, COLUMNS, { horizontal: "center", ...style });
    row++;
  }
  row += 3; // room to sign
  g.line(row++, signOff.namaKepala, sign, COLUMNS, {
    horizontal: "center",
    bold: true,
    underline: true,
  });
  g.line(row++, signOff.pangkat, sign, COLUMNS, { horizontal: "center" });
  g.line(row, signOff.nip ? `NIP. ${signOff.nip}` : "NIP.", sign, COLUMNS, {
    horizontal: "center",
  });
  layout.signatureRows = { first: signFirst, last: row };

  const plan: SheetPlan = {
    name: LEMBAR_SHEET,
    font: LEMBAR_FONT,
    values: g.values,
    styles: g.styles,
    merges: g.merges,
    columnWidths: COLUMN_WIDTHS,
    rowHeights: fittedRowHeights(
      g.values,
      g.merges,
      COLUMN_WIDTHS,
      [
        [head, row - 1],
        [signFirst + 2, signFirst + 2],
      ],
      LEMBAR_FONT
    ),
    print: {
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: head, last: numberRow },
      centerHorizontally: true,
      gridlines: false,
      margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
    },
  };
  return { plan, layout };
}
