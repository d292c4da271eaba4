import type { CellValue } from "../src/core/cell";
import type { WorkbookData } from "../src/core/workbook-data";
import { namesOf, SheetSpec } from "../src/sample/table";

/** The sheets of a generated workbook: `rows` indicators, `perSasaran` to a sasaran, and `budgetRows` budget lines. */
export function generatedSpecs(rows: number, budgetRows = rows, perSasaran = 20): SheetSpec[] {
  const col = <T extends CellValue>(n: number, f: (i: number) => T) =>
    Array.from({ length: n }, (_, i) => f(i));
  const indicators: SheetSpec = {
    sheet: "PK",
    top: 2,
    columns: {
      Sasaran: {
        column: 1,
        values: col(rows, (i) =>
          i % perSasaran === 0 ? `Sasaran strategis ${i / perSasaran + 1}` : null
        ),
      },
      Indikator: {
        column: 2,
        values: col(rows, (i) => `Persentase layanan ${i + 1} yang selesai tepat waktu`),
      },
      Target: {
        column: 3,
        values: col(rows, (i) =>
          i % 4 === 0 ? `${90 + (i % 10)} %` : i % 4 === 1 ? ">82" : 50 + (i % 50)
        ),
      },
      Realisasi: {
        column: 4,
        values: col(rows, (i) =>
          i % 5 === 0 ? "80,30" : i % 5 === 1 ? 0.9 + (i % 7) / 100 : 60 + (i % 40)
        ),
        formats: col(rows, (i) => (i % 5 === 1 ? "0.00%" : "0.00")),
      },
      Arah: { column: 5, values: col(rows, (i) => (i % 9 === 0 ? "negatif" : "positif")) },
      Capaian: { column: 6, values: col(rows, () => null) },
    },
    singles: { RataRataCapaian: [rows + 3, 6, null] },
  };
  const budget: SheetSpec = {
    sheet: "Anggaran",
    top: 2,
    columns: {
      Uraian: { column: 1, values: col(budgetRows, (i) => `Kegiatan ${i + 1}`) },
      Kelompok: {
        column: 2,
        values: col(budgetRows, (i) => (i % 2 ? "Belanja Langsung" : "Belanja Tidak Langsung")),
      },
      Anggaran: { column: 3, values: col(budgetRows, (i) => 10_000_000 + i * 1_000) },
      RealisasiAnggaran: {
        column: 4,
        values: col(budgetRows, (i) =>
          i % 3 === 0 ? `Rp ${9_000_000 + i}` : 9_500_000 + i * 999.5
        ),
      },
      Serapan: { column: 5, values: col(budgetRows, () => null) },
      SisaAnggaran: { column: 6, values: col(budgetRows, () => null) },
    },
    singles: { SiLPA: [budgetRows + 3, 6, null] },
  };
  return [indicators, budget];
}

/** The same as plain workbook data, for the engine bench. */
export function generatedWorkbook(rows: number, budgetRows = rows): WorkbookData {
  return { activeSheet: "PK", names: generatedSpecs(rows, budgetRows).flatMap(namesOf) };
}
