/** Office.js round trips, counted by the Excel test double: the same at every size. */
import { hitung } from "../src/app/hitung";
import { OfficeSession } from "../src/workbook/office/office-session";
import { perjanjianKinerja } from "../src/sample/seed";
import type { SheetSpec } from "../src/sample/table";
import { fakeFromSpecs } from "../test/office/from-specs";

function tableOf(rows: number): SheetSpec {
  const spec = perjanjianKinerja();
  const col = <T>(f: (i: number) => T) => Array.from({ length: rows }, (_, i) => f(i));
  spec.columns = {
    Sasaran: { column: 2, values: col((i) => (i % 20 === 0 ? `Sasaran ${i / 20 + 1}` : null)) },
    Indikator: { column: 3, values: col((i) => `Indikator ${i + 1}`) },
    Target: { column: 5, values: col((i) => 50 + (i % 50)) },
    Realisasi: { column: 6, values: col((i) => 60 + (i % 40)) },
    Capaian: { column: 8, values: col(() => null) },
    RataRataSasaran: { column: 9, values: col(() => null) },
  };
  spec.singles!.RataRataCapaian = [rows + 8, 9, null];
  return spec;
}

export async function officeSyncs(
  rows: number,
  sheets: { lembar?: boolean; tabel?: boolean } = {}
): Promise<{ syncs: number; maxRequestKb: number }> {
  const excel = fakeFromSpecs(tableOf(rows));
  const outcome = await excel.run((context) =>
    hitung(new OfficeSession(context, undefined, excel.supports), sheets)
  );
  if (!outcome.written) throw new Error("bench workbook has errors");
  return { syncs: excel.syncs, maxRequestKb: Math.max(...excel.requestBytes) / 1024 };
}
