import { findingCount, findingLines, summaryText } from "../../src/cli/summary";
import { compute } from "../../src/core/compute";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { workbookOf } from "../../src/sample/table";

describe("the printed summary", () => {
  const text = summaryText(compute(workbookOf(perjanjianKinerja(true), anggaran())));

  test("averages per sasaran and the total, the Indonesian way", () => {
    expect(text).toMatch(
      /1\. Peningkatan Kualitas Pelayanan Kepegawaian\s+1\s+102,95\s+Sangat Tinggi/
    );
    expect(text).toMatch(
      /2\. Peningkatan Kualitas Sumber Daya Aparatur\s+2\s+100,17\s+Sangat Tinggi/
    );
    expect(text).toContain("Total rata-rata capaian sasaran: 101,56 (Sangat Tinggi)");
  });

  test("the budget in rupiah and the pendapatan", () => {
    expect(text).toContain(
      "Anggaran Rp 19.583.587.447 · Realisasi Rp 18.944.580.927 · Serapan 96,74 % · Sisa Anggaran (SiLPA) Rp 639.006.520"
    );
    expect(text).toContain(
      "Belanja Langsung: Rp 7.670.531.519 dari Rp 7.692.992.000 (99,71 %), sisa Rp 22.460.481"
    );
    expect(text).toContain("Pendapatan Rp 18.700.000 dari target Rp 18.700.000 (100,00 %)");
  });

  test("findings one per line, errors first, with their cell", () => {
    expect(findingCount(compute(workbookOf(perjanjianKinerja(true), anggaran())).findings)).toBe(
      "Temuan: 0 galat, 6 peringatan"
    );
    const lines = findingLines([
      { level: "warning", code: "ANGKA_SEBAGAI_TEKS", cell: "A!B2", message: "w" },
      { level: "error", code: "TARGET_KOSONG", cell: "A!C3", message: "e" },
    ]);
    expect(lines).toEqual(["GALAT       A!C3  e", "PERINGATAN  A!B2  w"]);
  });
});
