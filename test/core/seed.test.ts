import { compute } from "../../src/core/compute";
import { toReport } from "../../src/core/report";
import {
  anggaran,
  DISIPLIN,
  indikatorProgram,
  perjanjianKinerja,
  SASARAN_1,
  SASARAN_2,
} from "../../src/sample/seed";
import { workbookOf } from "../../src/sample/table";

const codes = (r: ReturnType<typeof compute>) => r.findings.map((f) => `${f.code} ${f.cell}`);

describe("the seed reproduced: Tabel 3.1/3.2 and the Lembar", () => {
  const result = compute(workbookOf(perjanjianKinerja(), anggaran()));

  test("capaian per indicator: 102,95 · 100,34 · 100", () => {
    expect(result.indicators.map((x) => x.capaian)).toEqual([102.95, 100.34, 100]);
    expect(result.indicators.map((x) => x.arah)).toEqual(["positif", "positif", "positif"]);
  });
  test("Rata-rata Capaian Sasaran 102,95 and 100,17; total 101,56", () => {
    expect(result.sasaran.map((s) => [s.nama, s.rataRata, s.indicators.length])).toEqual([
      [SASARAN_1, 102.95, 1],
      [SASARAN_2, 100.17, 2],
    ]);
    expect(result.total).toBe(101.56);
    expect(result.totalPredikat).toBe("Sangat Tinggi");
  });
  test("Bab III C: the budget to the rupiah", () => {
    const budget = result.budget!;
    expect(budget.total).toEqual({
      anggaran: 19583587447,
      realisasi: 18944580927,
      serapan: 96.74,
      sisa: 639006520,
    });
    expect(budget.silpa).toBe(639006520);
    expect(budget.groups).toEqual([
      {
        nama: "Belanja Tidak Langsung",
        anggaran: 11890595447,
        realisasi: 11274049408,
        serapan: 94.81,
        sisa: 616546039,
      },
      {
        nama: "Belanja Langsung",
        anggaran: 7692992000,
        realisasi: 7670531519,
        serapan: 99.71,
        sisa: 22460481,
      },
    ]);
  });
  test("pendapatan 18.700.000 of 18.700.000 is 100 %", () => {
    expect(result.pendapatan).toEqual({ target: 18700000, realisasi: 18700000, capaian: 100 });
  });
  test("no errors, and the writes carry the computed figures", () => {
    expect(result.findings.filter((f) => f.level === "error")).toEqual([]);
    const write = (name: string) => result.writes.find((w) => w.name === name)!;
    expect(write("Capaian").values).toEqual([102.95, 100.34, 100]);
    expect(write("Capaian").formats).toEqual(["0.00", "0.00", "0.00"]);
    expect(write("RataRataSasaran").values).toEqual([102.95, 100.17, null]);
    expect(write("RataRataCapaian").values).toEqual([101.56]);
    expect(write("SiLPA").values).toEqual([639006520]);
    expect(write("SerapanTotal").values).toEqual([96.74]);
    expect(write("Serapan").values).toEqual([94.81, 99.71]);
    expect(write("SisaAnggaran").values).toEqual([616546039, 22460481]);
    expect(write("CapaianPendapatan").values).toEqual([100]);
    expect(write("TotalAnggaran")).toMatchObject({
      sheet: "Anggaran",
      top: 7,
      left: 3,
      values: [19583587447],
      formats: ["#,##0"],
    });
  });
  test("sign-off details, with the jabatan and NIP as printed", () => {
    expect(result.signOff).toMatchObject({
      namaKepala: "Dra. LITANI SATYAWATI",
      nip: "19640831 198503 2 008",
      tahun: "2020",
      pangkat: "Pembina Utama Muda",
    });
  });
  test("the JSON report carries the same numbers", () => {
    const report = toReport(result);
    expect(report.rataRataTotal).toBe(101.56);
    expect(report.sasaran).toEqual([
      { nama: SASARAN_1, rataRata: 102.95, jumlahIndikator: 1 },
      { nama: SASARAN_2, rataRata: 100.17, jumlahIndikator: 2 },
    ]);
    expect(report.indikator[1]).toMatchObject({
      sel: "'PK 2020'!E8",
      target: 82,
      realisasi: 82.28,
      capaian: 100.34,
      arah: "positif",
      predikat: "Sangat Tinggi",
    });
    expect(report.indikator[2]).toMatchObject({ target: 2, realisasi: 2, capaian: 100 });
    expect(report.anggaran!.total).toEqual({
      anggaran: 19583587447,
      realisasi: 18944580927,
      serapan: 96.74,
      sisa: 639006520,
    });
  });
});

describe("the seed's own mistakes caught", () => {
  const result = compute(workbookOf(perjanjianKinerja(true), anggaran()));
  const differ = result.findings.filter((f) => f.code === "ANGKA_LAPORAN_BERBEDA");

  test("102,94 (is 102,95), 100,56 (is 100,17) and 101,75 (is 101,56) are flagged at their cells", () => {
    expect(differ.map((f) => [f.level, f.cell])).toEqual([
      ["warning", "'PK 2020'!H7"],
      ["warning", "'PK 2020'!I7"],
      ["warning", "'PK 2020'!I8"],
      ["warning", "'PK 2020'!I11"],
    ]);
    expect(differ[2].message).toContain("100,56");
    expect(differ[2].message).toContain("100,17");
    expect(differ[3].message).toContain("101,75");
    expect(differ[3].message).toContain("101,56");
  });
  test("warnings do not block: the computed figures replace the reported ones", () => {
    expect(result.writes.find((w) => w.name === "RataRataSasaran")!.values).toEqual([
      102.95,
      100.17,
      null,
    ]);
  });
});

describe("Tabel 3.4: the nine programme indicators", () => {
  test("with Arah, the disiplin indicator is negatif: 162,5 (the report says 37,5)", () => {
    const result = compute(workbookOf(indikatorProgram(true)));
    expect(result.indicators.map((x) => x.capaian)).toEqual([
      100.34, 102.95, 102.04, 102.04, 162.5, 100, 100, 100, 100,
    ]);
    const disiplin = result.indicators[4];
    expect(disiplin).toMatchObject({ indikator: DISIPLIN, arah: "negatif", capaian: 162.5 });
    expect(codes(result)).toContain("ANGKA_LAPORAN_BERBEDA Program!F9");
    expect(codes(result)).not.toContain("ARAH_TAMPAK_NEGATIF Program!G9");
    // Pasted from the document as text: read all the same, with a warning each.
    expect(codes(result)).toContain("ANGKA_SEBAGAI_TEKS Program!D9");
  });
  test("without Arah it computes 37,5 as the report did, and says the indicator looks negative", () => {
    const result = compute(workbookOf(indikatorProgram(false)));
    expect(result.indicators[4]).toMatchObject({ arah: "positif", capaian: 37.5 });
    const hint = result.findings.filter((f) => f.code === "ARAH_TAMPAK_NEGATIF");
    expect(hint).toHaveLength(1);
    expect(hint[0]).toMatchObject({ level: "warning", cell: "Program!D9" });
    expect(hint[0].message).toContain("hukuman disiplin");
  });
});
