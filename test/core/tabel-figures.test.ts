/** The figures of CONTRACT.md §7: perbandingan (4) and efisiensi (5), on the seed's tables. */
import { compute } from "../../src/core/compute";
import { perbandinganOf } from "../../src/core/perbandingan";
import { toReport } from "../../src/core/report";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { workbookOf } from "../../src/sample/table";

function seedWith(
  extra: {
    TargetAkhirRenstra?: (number | string | null)[];
    SasaranAnggaran?: (number | string | null)[];
  } = {}
) {
  const pk = perjanjianKinerja();
  if (extra.TargetAkhirRenstra)
    pk.columns.TargetAkhirRenstra = { column: 10, values: extra.TargetAkhirRenstra };
  const budget = anggaran();
  if (extra.SasaranAnggaran)
    budget.columns.SasaranAnggaran = { column: 7, values: extra.SasaranAnggaran };
  return compute(workbookOf(pk, budget));
}

describe("perbandingan (§7.4)", () => {
  test("this year's capaian against last year's: turun, turun, tetap on the seed", () => {
    const result = seedWith();
    const rows = perbandinganOf(result.indicators, result.settings);
    expect(rows.map((r) => [r.capaianLalu, r.capaian, r.perubahan])).toEqual([
      [104.29, 102.95, "turun"],
      [100.54, 100.34, "turun"],
      [100, 100, "tetap"],
    ]);
    expect(rows.every((r) => r.capaianRenstra === null && r.targetAkhirRenstra === null)).toBe(
      true
    );
  });

  test("against the end-of-Renstra target, by the formulas of §3 (ranges, comparators, exact rounding)", () => {
    const result = seedWith({ TargetAkhirRenstra: [80, ">84", 2] });
    const rows = perbandinganOf(result.indicators, result.settings);
    expect(rows.map((r) => [r.targetAkhirRenstra, r.capaianRenstra])).toEqual([
      [80, 100.38], // 80,30 / 80 = 100,375: half up
      [">84", 97.95],
      [2, 100],
    ]);
  });

  test("a negative indicator against its end target uses the negative formula", () => {
    const pk = perjanjianKinerja();
    pk.columns.Arah = { column: 11, values: ["negatif", "positif", "positif"] };
    pk.columns.TargetAkhirRenstra = { column: 10, values: [85, null, null] };
    const result = compute(workbookOf(pk));
    const [first] = perbandinganOf(result.indicators, result.settings);
    // (2·85 − 80,3) / 85 = 105,53 %
    expect(first.capaianRenstra).toBe(105.53);
  });
});

describe("efisiensi (§7.5)", () => {
  test("per sasaran by number, and in total: capaian against serapan", () => {
    const result = seedWith({ SasaranAnggaran: [1, 2] });
    expect(result.findings.filter((f) => f.level === "error")).toEqual([]);
    const e = result.efisiensi!;
    expect(e.rows.map((r) => [r.sasaran, r.capaian, r.serapan, r.selisih, r.status])).toEqual([
      ["Peningkatan Kualitas Pelayanan Kepegawaian", 102.95, 94.81, 8.14, "Efisien"],
      ["Peningkatan Kualitas Sumber Daya Aparatur", 100.17, 99.71, 0.46, "Efisien"],
    ]);
    expect(e.rows[0]).toMatchObject({
      anggaran: 11890595447,
      realisasi: 11274049408,
      sisa: 616546039,
    });
    expect(e.total).toMatchObject({
      capaian: 101.56,
      serapan: 96.74,
      selisih: 4.82,
      status: "Efisien",
    });
    expect(e.tanpaSasaran).toBe(0);
  });

  test("by name as written (spaces and case aside); a blank continues the line above", () => {
    const result = seedWith({
      SasaranAnggaran: ["  peningkatan kualitas  sumber daya aparatur", null],
    });
    const e = result.efisiensi!;
    expect(e.rows[0]).toMatchObject({ anggaran: 0, serapan: null, status: null });
    expect(e.rows[1]).toMatchObject({ anggaran: 11890595447 + 7692992000, serapan: 96.74 });
  });

  test("lines with no sasaran from the top stay out of the table and are counted", () => {
    const result = seedWith({ SasaranAnggaran: [null, 2] });
    expect(result.efisiensi!.tanpaSasaran).toBe(1);
    expect(result.efisiensi!.total).toMatchObject({ anggaran: 7692992000, serapan: 99.71 });
  });

  test("a sasaran that does not exist is an error on its cell, and nothing is written", () => {
    const result = seedWith({ SasaranAnggaran: [1, 3] });
    const error = result.findings.find((f) => f.code === "SASARAN_ANGGARAN_TIDAK_DIKENAL")!;
    expect(error).toMatchObject({ level: "error", cell: "Anggaran!G5" });
    expect(error.message).toContain("1 sampai 2");
    expect(result.writes).toEqual([]);
  });

  test("without SasaranAnggaran there is no efisiensi, and the report says null", () => {
    const result = seedWith();
    expect(result.efisiensi).toBeNull();
    expect(toReport(result).efisiensi).toBeNull();
    expect(toReport(seedWith({ SasaranAnggaran: [1, 2] })).efisiensi!.baris).toHaveLength(2);
  });

  test("lines under a name that is no sasaran belong to that error, not to the lines without one", () => {
    const result = seedWith({ SasaranAnggaran: ["Zzz", null] });
    expect(result.findings.filter((f) => f.code === "SASARAN_ANGGARAN_TIDAK_DIKENAL")).toHaveLength(
      1
    );
    expect(result.efisiensi!.tanpaSasaran).toBe(0);
  });
});

test("perubahan compares the figures as shown: 100,004 last year and 100 now is tetap", () => {
  const pk = perjanjianKinerja();
  pk.columns.CapaianLalu = { column: 7, values: [104.29, 100.54, 100.004] };
  const result = compute(workbookOf(pk));
  expect(perbandinganOf(result.indicators, result.settings)[2].perubahan).toBe("tetap");
});
