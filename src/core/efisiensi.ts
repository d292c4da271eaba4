import { sasaranKey, SasaranResult } from "./averages";
import { BudgetFigures, BudgetResult, Sum } from "./budget";
import { cellAt, Column, isBlankValue, valueAt } from "./columns";
import { error, Finding } from "./findings";
import { amountOf } from "./money";
import { cellText } from "./read-findings";
import { roundNumber } from "./rounding";
import type { ContractName, Settings } from "./settings";

export type EfisiensiStatus = "Efisien" | "Kurang efisien";

/** CONTRACT.md §7.5: one sasaran's capaian against the serapan of the budget lines serving it. */
export interface EfisiensiRow extends BudgetFigures {
  nomor: number;
  sasaran: string;
  /** The sasaran's average capaian. */
  capaian: number | null;
  /** capaian − serapan, in percentage points; null when either is missing. */
  selisih: number | null;
  status: EfisiensiStatus | null;
}

export interface EfisiensiResult {
  rows: EfisiensiRow[];
  /** Total capaian against the serapan of all lines in the table. */
  total: Omit<EfisiensiRow, "nomor" | "sasaran">;
  /** Computed budget lines that name no sasaran (blank from the top): out of the table. */
  tanpaSasaran: number;
}

function compare(
  capaian: number | null,
  serapan: number | null,
  settings: Settings
): Pick<EfisiensiRow, "selisih" | "status"> {
  if (capaian === null || serapan === null) return { selisih: null, status: null };
  return {
    selisih: roundNumber(capaian - serapan, settings),
    status: capaian >= serapan ? "Efisien" : "Kurang efisien",
  };
}

/** A line's `SasaranAnggaran`: the sasaran's name as written, or its number (1, 2, …). */
function sasaranNamed(text: string, sasaran: readonly SasaranResult[]): SasaranResult | undefined {
  const key = sasaranKey(text);
  if (/^\d+$/.test(key)) return sasaran.find((s) => s.nomor === Number(key));
  return sasaran.find((s) => sasaranKey(s.nama) === key);
}

/**
 * Efisiensi per sasaran, when the budget table has `SasaranAnggaran`. A blank cell continues the
 * line above; a cell naming no sasaran is an error finding on it. Lines stopped by a finding of
 * their own add nothing.
 */
export function efisiensiOf(
  budgetTable: Map<ContractName, Column> | null,
  budget: BudgetResult | null,
  sasaran: readonly SasaranResult[],
  total: number | null,
  settings: Settings,
  findings: Finding[]
): EfisiensiResult | null {
  const column = budgetTable?.get("SasaranAnggaran");
  if (!column || !budget) return null;
  const sums = new Map<number, Sum>();
  const all = new Sum();
  let tanpaSasaran = 0;
  let current: SasaranResult | undefined;
  // Lines under a name that is no sasaran belong to that error, not to "no sasaran".
  let unknown = false;
  let lineIndex = 0;
  for (let row = 0; row < column.rows; row++) {
    const value = valueAt(column.range, row);
    if (!isBlankValue(value)) {
      const named = sasaranNamed(cellText(value), sasaran);
      if (!named) findings.push(unknownSasaran(column, row, cellText(value), sasaran.length));
      current = named;
      unknown = !named;
    }
    while (lineIndex < budget.lines.length && budget.lines[lineIndex].row < row) lineIndex++;
    const line = budget.lines[lineIndex];
    if (!line || line.row !== row || !line.ok) continue;
    if (!current) {
      if (!unknown) tanpaSasaran++;
      continue;
    }
    const a = amountOf(line.anggaran!);
    const r = amountOf(line.realisasi!);
    let sum = sums.get(current.nomor);
    if (!sum) sums.set(current.nomor, (sum = new Sum()));
    sum.add(a, r);
    all.add(a, r);
  }
  const rows: EfisiensiRow[] = sasaran.map((s) => {
    const figures = (sums.get(s.nomor) ?? new Sum()).figures(settings);
    return {
      nomor: s.nomor,
      sasaran: s.nama,
      capaian: s.rataRata,
      ...figures,
      ...compare(s.rataRata, figures.serapan, settings),
    };
  });
  const totalFigures = all.figures(settings);
  return {
    rows,
    total: { capaian: total, ...totalFigures, ...compare(total, totalFigures.serapan, settings) },
    tanpaSasaran,
  };
}

function unknownSasaran(column: Column, row: number, text: string, count: number): Finding {
  const ref = cellAt(column.range, row);
  return error(
    "SASARAN_ANGGARAN_TIDAK_DIKENAL",
    ref.address,
    () =>
      `Sasaran di sel ${ref.address} ("${text}") tidak ada di tabel indikator. Tulis nama sasaran persis seperti di kolom Sasaran, atau nomornya (1 sampai ${count}).`
  );
}
