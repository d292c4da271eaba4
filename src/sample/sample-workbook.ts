import { anggaran, indikatorProgram, perjanjianKinerja } from "./seed";
import type { SheetSpec } from "./table";

/**
 * The sheets of the bundled sample workbook: the Perjanjian Kinerja table (workbook-scoped names),
 * the nine programme indicators (names scoped to their sheet, computed when it is active) and the
 * budget, laid out with titles, headers and labels as an officer would.
 */
export function sampleSheets(): SheetSpec[] {
  const pk = perjanjianKinerja(true);
  // Tabel 3.1 and 3.2's "Realisasi 2019" (Tabel 3.4 gives 78,42 for the ASN index: the report's own
  // slip). The seed gives no end-of-Renstra targets and no budget per sasaran: the sample leaves
  // TargetAkhirRenstra and SasaranAnggaran out, and the Tabel and the draft say so.
  pk.columns.RealisasiLalu = {
    column: 10,
    values: [80.3, 80.9, 2],
    formats: ["0.00", "0.00", "General"],
  };
  pk.title = ["PENGUKURAN KINERJA BKPP KOTA SEMARANG"];
  pk.labels = [
    [2, 2, "OPD"],
    [3, 2, "Tahun Anggaran"],
    [11, 8, "Total rata-rata"],
    [20, 2, "Kepala OPD"],
    [21, 2, "Jabatan"],
    [22, 2, "Pangkat"],
    [23, 2, "NIP"],
    [24, 2, "Kota"],
  ];
  pk.headers = {
    Sasaran: "Sasaran Strategis",
    Indikator: "Indikator Kinerja",
    TargetRenstra: "Target Renstra 2020",
    Target: "Target 2020",
    Realisasi: "Realisasi 2020",
    CapaianLalu: "Capaian 2019 (%)",
    Capaian: "Capaian 2020 (%)",
    RataRataSasaran: "Rata-rata Sasaran (%)",
    RealisasiLalu: "Realisasi 2019",
  };
  const program = { ...indikatorProgram(true), sheetScoped: true };
  program.title = ["INDIKATOR KINERJA PROGRAM 2020 (Tabel 3.4)"];
  program.headers = {
    Sasaran: "Sasaran",
    Indikator: "Indikator Kinerja",
    Target: "Target",
    Realisasi: "Realisasi",
    Capaian: "%",
    Arah: "Arah",
  };
  const budget = anggaran();
  budget.title = ["AKUNTABILITAS KEUANGAN 2020 (Bab III C)"];
  budget.headers = {
    Uraian: "Uraian",
    Kelompok: "Kelompok",
    Anggaran: "Anggaran (Rp)",
    RealisasiAnggaran: "Realisasi (Rp)",
    Serapan: "Serapan (%)",
    SisaAnggaran: "Sisa (Rp)",
  };
  budget.labels = [
    [7, 2, "Jumlah"],
    [9, 3, "Target Pendapatan"],
    [9, 4, "Realisasi Pendapatan"],
    [9, 5, "Capaian (%)"],
  ];
  return [pk, program, budget];
}
