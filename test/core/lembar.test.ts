import { compute } from "../../src/core/compute";
import { buildLembar, LEMBAR_SHEET, LEMBAR_TITLE } from "../../src/core/lembar";
import type { Area, SheetPlan } from "../../src/core/sheet-plan";
import { anggaran, perjanjianKinerja, SASARAN_1, SASARAN_2 } from "../../src/sample/seed";
import { workbookOf } from "../../src/sample/table";

const value = (plan: SheetPlan, row: number, column: number) =>
  plan.values[row - 1]?.[column - 1] ?? null;
const rowText = (plan: SheetPlan, row: number) =>
  (plan.values[row - 1] ?? []).filter((v) => v !== null).join(" | ");
const merged = (plan: SheetPlan, area: Area) =>
  plan.merges.some((m) => JSON.stringify(m) === JSON.stringify(area));
const styleAt = (plan: SheetPlan, row: number, column: number) =>
  plan.styles
    .filter(
      ({ area }) =>
        row >= area.top && row <= area.bottom && column >= area.left && column <= area.right
    )
    .reduce((s, x) => ({ ...s, ...x.style }), {} as Record<string, unknown>);

describe("the Lembar Pengukuran Kinerja as a SheetPlan (CONTRACT.md §5)", () => {
  const result = compute(workbookOf(perjanjianKinerja(), anggaran()));
  const { plan, layout } = buildLembar(result);

  test("title, OPD and year lines", () => {
    expect(plan.name).toBe(LEMBAR_SHEET);
    expect(value(plan, 1, 1)).toBe(LEMBAR_TITLE);
    expect(value(plan, 2, 1)).toBe("OPD : BADAN KEPEGAWAIAN, PENDIDIKAN DAN PELATIHAN");
    expect(value(plan, 3, 1)).toBe("Tahun Anggaran : 2020");
    expect(merged(plan, { top: 1, left: 1, bottom: 1, right: 8 })).toBe(true);
  });

  test("the header with the years, and the column-number row 1…8", () => {
    expect(rowText(plan, 5)).toBe(
      "NO | SASARAN STRATEGIS | INDIKATOR KINERJA | TARGET PADA RENSTRA (TAHUN 2020) | CAPAIAN KINERJA | CAPAIAN TAHUN 2019 | CAPAIAN TAHUN 2020"
    );
    expect(rowText(plan, 6)).toBe("TARGET 2020 | REALISASI 2020 | % | %");
    expect(plan.values[layout.numberRow - 1]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(merged(plan, { top: 5, left: 5, bottom: 5, right: 6 })).toBe(true);
    expect(merged(plan, { top: 5, left: 2, bottom: 6, right: 2 })).toBe(true);
  });

  test("one row per indicator, the sasaran merged over its rows, a Rata-rata row after each sasaran", () => {
    expect(layout.indicatorRows).toEqual([8, 10, 11]);
    expect(layout.averageRows).toEqual([9, 12]);
    expect([value(plan, 8, 1), value(plan, 8, 2)]).toEqual([1, SASARAN_1]);
    expect([value(plan, 10, 1), value(plan, 10, 2)]).toEqual([2, SASARAN_2]);
    expect(merged(plan, { top: 10, left: 2, bottom: 11, right: 2 })).toBe(true);
    expect(merged(plan, { top: 10, left: 1, bottom: 11, right: 1 })).toBe(true);
    expect(plan.values[7]).toEqual([
      1,
      SASARAN_1,
      "Indeks Kepuasan Aparatur terhadap Layanan Kepegawaian",
      78,
      78,
      80.3,
      104.29,
      102.95,
    ]);
    expect(plan.values[9].slice(2)).toEqual([
      "Indeks Profesionalitas Aparatur Sipil Negara (ASN)",
      ">82",
      ">82",
      82.28,
      100.54,
      100.34,
    ]);
    expect([value(plan, 9, 1), value(plan, 9, 8)]).toEqual([
      "Rata-rata Capaian Sasaran – 1",
      102.95,
    ]);
    expect([value(plan, 12, 1), value(plan, 12, 8)]).toEqual([
      "Rata-rata Capaian Sasaran – 2",
      100.17,
    ]);
    expect(merged(plan, { top: 12, left: 1, bottom: 12, right: 7 })).toBe(true);
  });

  test("the bold total row", () => {
    expect(layout.totalRow).toBe(13);
    expect([value(plan, 13, 1), value(plan, 13, 8)]).toEqual([
      "Total Rata-rata Capaian Sasaran (1+2)",
      101.56,
    ]);
    expect(styleAt(plan, 13, 8)).toMatchObject({ bold: true, numberFormat: "0.00", border: true });
  });

  test("numbers keep their formats; capaian shows two decimals", () => {
    expect(styleAt(plan, 8, 6)).toMatchObject({ numberFormat: "0.00" });
    expect(styleAt(plan, 8, 8)).toMatchObject({ numberFormat: "0.00", border: true });
    expect(styleAt(plan, 15, 4)).toMatchObject({ numberFormat: '"Rp "#,##0' });
  });

  test("the budget summary", () => {
    expect(layout.budgetRows.map((r) => [value(plan, r, 2), value(plan, r, 4)])).toEqual([
      ["Jumlah Anggaran", 19583587447],
      ["Jumlah Realisasi", 18944580927],
      ["Serapan Anggaran (%)", 96.74],
      ["Sisa Anggaran (SiLPA)", 639006520],
    ]);
  });

  test("the signature block", () => {
    const { first, last } = layout.signatureRows;
    const lines = [];
    for (let r = first; r <= last; r++) lines.push(value(plan, r, 6));
    expect(lines).toEqual([
      "Semarang, ..............................",
      "Mengetahui dan menyetujui,",
      "KEPALA BADAN KEPEGAWAIAN, PENDIDIKAN DAN PELATIHAN KOTA SEMARANG",
      null,
      null,
      null,
      "Dra. LITANI SATYAWATI",
      "Pembina Utama Muda",
      "NIP. 19640831 198503 2 008",
    ]);
    expect(styleAt(plan, last - 2, 6)).toMatchObject({ bold: true, underline: true });
    expect(plan.values.length).toBe(last);
  });

  test("print setup: A4 landscape, one page wide, header rows repeated, centred, no gridlines", () => {
    expect(plan.print).toMatchObject({
      paper: "A4",
      orientation: "landscape",
      fitToPagesWide: 1,
      titleRows: { first: 5, last: 7 },
      centerHorizontally: true,
      gridlines: false,
    });
    expect(plan.columnWidths).toHaveLength(8);
    expect(plan.values.every((r) => r.length === 8)).toBe(true);
  });

  test("a missing realisation is said on the Lembar; the indicator-average convention relabels the total", () => {
    const spec = perjanjianKinerja();
    spec.columns.Realisasi.values[0] = null;
    const pending = compute(workbookOf(spec), { overrides: { averaging: "indikator" } });
    const lembar = buildLembar(pending);
    expect(value(lembar.plan, 8, 8)).toBe("belum ada realisasi");
    expect(value(lembar.plan, 9, 8)).toBeNull();
    expect(value(lembar.plan, lembar.layout.totalRow, 1)).toBe(
      "Rata-rata Capaian Seluruh Indikator"
    );
    expect(lembar.layout.budgetRows).toEqual([]);
  });
});
