/** The Tabel LKjIP sheet (CONTRACT.md §7): one source with the Lembar and the report. */
import { compute } from "../../src/core/compute";
import { buildLembar } from "../../src/core/lembar";
import { toReport } from "../../src/core/report";
import { areaOf } from "../../src/core/sheet-plan";
import { buildTabel, TABEL_SHEET } from "../../src/core/tabel";
import { BELUM_TERSEDIA, tabelModels } from "../../src/core/tabel-model";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { workbookOf } from "../../src/sample/table";

function seed(full: boolean) {
  const pk = perjanjianKinerja();
  const budget = anggaran();
  if (full) {
    pk.columns.RealisasiLalu = { column: 10, values: ["80,30", "80,90", 2] };
    pk.columns.TargetAkhirRenstra = { column: 11, values: [80, ">84", 2] };
    budget.columns.SasaranAnggaran = { column: 7, values: [1, 2] };
  }
  return compute(workbookOf(pk, budget));
}

/** The numbers of a plan's values grid, in a block of rows. */
function numbersIn(values: (string | number | null)[][], first: number, last: number): number[] {
  return values
    .slice(first - 1, last)
    .flat()
    .filter((v): v is number => typeof v === "number");
}

describe("the Tabel LKjIP sheet", () => {
  test("tables 3.1 to 3.7 on the seed, numbered and titled as the report numbers them", () => {
    const result = seed(true);
    const { plan, layout } = buildTabel(result);
    expect(plan.name).toBe(TABEL_SHEET);
    expect(layout.tables.map((t) => [t.id, t.number])).toEqual([
      ["iku", "3.1"],
      ["pk", "3.2"],
      ["sasaran", "3.3"],
      ["sasaran", "3.4"],
      ["perbandingan", "3.5"],
      ["efisiensi", "3.6"],
      ["keuangan", "3.7"],
    ]);
    for (const t of layout.tables) expect(plan.values[t.titleRow - 1][0]).toBe(`Tabel ${t.number}`);
    expect(plan.values[layout.tables[2].titleRow][0]).toBe(
      "Ringkasan Target dan Capaian Kinerja Sasaran Ke-1 Tahun 2020"
    );
    expect(plan.print).toMatchObject({ paper: "A4", orientation: "portrait", fitToPagesWide: 1 });
  });

  test("every capaian, average and budget figure on it is the Lembar's and the report's", () => {
    const result = seed(true);
    const { plan, layout } = buildTabel(result);
    const lembar = buildLembar(result);
    const report = toReport(result);
    const at = (id: string, nth = 0) => layout.tables.filter((t) => t.id === id)[nth];

    // The % column of 3.1 and 3.2: each indicator's capaian, as on the Lembar (its column 8).
    const lembarCapaian = lembar.layout.indicatorRows.map((r) => lembar.plan.values[r - 1][7]);
    const iku = at("iku");
    const pk = at("pk");
    const column = (row: number, c: number) => plan.values[row - 1][c - 1];
    const rows = (t: { firstRow: number; lastRow: number }) =>
      Array.from({ length: t.lastRow - t.firstRow + 1 }, (_, i) => t.firstRow + i);
    expect(rows(iku).map((r) => column(r, 7))).toEqual(lembarCapaian);
    expect(rows(pk).map((r) => column(r, 7))).toEqual(lembarCapaian);
    expect(lembarCapaian).toEqual(report.indikator.map((x) => x.capaian));

    // Each sasaran table ends with the sasaran's average, as the Lembar's average rows.
    const lembarAverages = lembar.layout.averageRows.map((r) => lembar.plan.values[r - 1][7]);
    expect([at("sasaran", 0), at("sasaran", 1)].map((t) => column(t.lastRow, 7))).toEqual(
      lembarAverages
    );
    expect(lembarAverages).toEqual(report.sasaran.map((s) => s.rataRata));

    // Budget totals: the Lembar's budget block and the report's.
    const lembarBudget = lembar.layout.budgetRows.map((r) => lembar.plan.values[r - 1][3]);
    const keuangan = at("keuangan");
    const totalRow = plan.values.findIndex((row) => row[0] === "Jumlah Belanja") + 1;
    expect([
      column(totalRow, 5),
      column(totalRow, 6),
      column(totalRow, 8),
      column(totalRow, 7),
    ]).toEqual(lembarBudget);
    expect(totalRow).toBeGreaterThanOrEqual(keuangan.firstRow);
    expect(report.anggaran!.total).toMatchObject({
      anggaran: lembarBudget[0],
      serapan: lembarBudget[2],
    });

    // Efisiensi and perbandingan rows are the report's rows.
    const ef = at("efisiensi");
    expect(numbersIn(plan.values, ef.firstRow, ef.firstRow)).toEqual([
      1,
      report.efisiensi!.baris[0].capaian,
      report.efisiensi!.baris[0].anggaran,
      report.efisiensi!.baris[0].realisasi,
      report.efisiensi!.baris[0].serapan,
      report.efisiensi!.baris[0].selisih,
    ]);
    const pb = at("perbandingan");
    expect(rows(pb).map((r) => column(r, 5))).toEqual(report.perbandingan.map((p) => p.capaian));
  });

  test("the charts' series are cells of the sheet holding the tables' figures", () => {
    const result = seed(true);
    const { plan } = buildTabel(result);
    const charts = plan.charts!;
    expect(charts.map((c) => c.title)).toEqual([
      "Capaian Kinerja per Indikator",
      "Rata-rata Capaian per Sasaran",
      "Serapan Anggaran per Kelompok Belanja",
    ]);
    const cells = (a: ReturnType<typeof areaOf>) =>
      plan.values.slice(a.top - 1, a.bottom).map((row) => row[a.left - 1]);
    expect(cells(charts[0].series[0].values)).toEqual(result.indicators.map((x) => x.capaian));
    expect(cells(charts[0].series[1].values)).toEqual([100, 100, 100]);
    expect(charts[0].series.map((s) => s.type)).toEqual(["column", "line"]);
    expect(cells(charts[1].series[0].values)).toEqual(result.sasaran.map((s) => s.rataRata));
    expect(cells(charts[2].series[0].values)).toEqual(result.budget!.groups.map((g) => g.serapan));
    expect(cells(charts[2].categories)).toEqual(["Belanja Tidak Langsung", "Belanja Langsung"]);
    // Charts sit below the data, apart from each other.
    for (const [a, b] of [
      [charts[0], charts[1]],
      [charts[1], charts[2]],
    ])
      expect(b.anchor.top).toBeGreaterThan(a.anchor.bottom);
  });

  test("without RealisasiLalu, TargetAkhirRenstra or SasaranAnggaran the tables say what is not available", () => {
    const result = seed(false);
    const models = tabelModels(result);
    const notes = models.flatMap((m) => m.notes).join(" ");
    expect(notes).toContain(`Realisasi tahun lalu ${BELUM_TERSEDIA}`);
    expect(notes).toContain("RealisasiLalu");
    expect(notes).toContain("TargetAkhirRenstra");
    expect(notes).toContain("SasaranAnggaran");
    expect(models.find((m) => m.id === "efisiensi")!.rows).toEqual([]);
    // No column of last year's realisation without the name.
    expect(models.find((m) => m.id === "iku")!.columns).toBe(5);
    const { plan } = buildTabel(result);
    expect(plan.values.flat().join(" ")).not.toMatch(/null|NaN|undefined/);
  });
});
