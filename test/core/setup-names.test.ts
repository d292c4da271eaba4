import { proposeNames } from "../../src/core/setup-names";

const names = (headers: string[]) => proposeNames(headers).map((p) => p.name);

describe("Siapkan Nama Range: names proposed from header texts", () => {
  test("the seed's Tabel 3.2", () => {
    expect(
      names([
        "NO",
        "SASARAN STRATEGIS",
        "INDIKATOR KINERJA",
        "TARGET RENSTRA TAHUN 2020",
        "TARGET",
        "REALISASI",
        "%",
        "REALISASI 2019",
      ])
    ).toEqual([
      null,
      "Sasaran",
      "Indikator",
      "TargetRenstra",
      "Target",
      "Realisasi",
      "Capaian",
      null,
    ]);
  });
  test("the Lembar's own header, with last year's capaian", () => {
    expect(
      names([
        "Target 2020",
        "Realisasi 2020",
        "Capaian Tahun 2019",
        "Capaian Tahun 2020",
        "Arah",
        "Satuan",
      ])
    ).toEqual(["Target", "Realisasi", "CapaianLalu", "Capaian", "Arah", "Satuan"]);
  });
  test("a budget table", () => {
    expect(
      names([
        "Uraian",
        "Kelompok",
        "Anggaran (Rp)",
        "Realisasi Anggaran",
        "Serapan (%)",
        "Sisa Anggaran",
      ])
    ).toEqual(["Uraian", "Kelompok", "Anggaran", "RealisasiAnggaran", "Serapan", "SisaAnggaran"]);
  });
  test("each name is proposed once; unknown headers get none", () => {
    expect(names(["Target", "Target", "Keterangan", ""])).toEqual(["Target", null, null, null]);
  });
});
