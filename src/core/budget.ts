import Big from "big.js";
import { cellAt, CellRef, Column } from "./columns";
import { error, Finding } from "./findings";
import { formatRupiah } from "./format";
import { cellText, readNumber } from "./read-findings";
import { roundNumber } from "./rounding";
import type { ContractName, Settings } from "./settings";

export const BUDGET_NAMES = [
  "Anggaran",
  "RealisasiAnggaran",
  "Uraian",
  "Kelompok",
  "Serapan",
  "SisaAnggaran",
] as const satisfies readonly ContractName[];

export interface BudgetFigures {
  anggaran: number;
  realisasi: number;
  /** Realisation % rounded as set; null when there is no budget to measure against. */
  serapan: number | null;
  sisa: number;
}

export interface BudgetLine extends Partial<BudgetFigures> {
  row: number;
  cell: string;
  uraian: string;
  kelompok: string;
  /** False when a finding stopped this line from being computed. */
  ok: boolean;
}

export interface BudgetGroup extends BudgetFigures {
  nama: string;
}

export interface BudgetResult {
  lines: BudgetLine[];
  groups: BudgetGroup[];
  total: BudgetFigures;
  /** Total sisa: at an OPD, its sisa anggaran, labelled "Sisa Anggaran (SiLPA)". */
  silpa: number;
}

/** Rupiah kept exact: sums in decimal, never in floating point. */
class Sum {
  anggaran = new Big(0);
  realisasi = new Big(0);
  add(anggaran: Big, realisasi: Big): void {
    this.anggaran = this.anggaran.plus(anggaran);
    this.realisasi = this.realisasi.plus(realisasi);
  }
  figures(settings: Settings): BudgetFigures {
    return figuresOf(this.anggaran, this.realisasi, settings);
  }
}

function figuresOf(anggaran: Big, realisasi: Big, settings: Settings): BudgetFigures {
  return {
    anggaran: Number(anggaran.toString()),
    realisasi: Number(realisasi.toString()),
    serapan: anggaran.eq(0) ? null : roundNumber(realisasi.times(100).div(anggaran), settings),
    sisa: Number(anggaran.minus(realisasi).toString()),
  };
}

function readMoney(ref: CellRef, what: string, emptyCode: "ANGGARAN_KOSONG" | "REALISASI_ANGGARAN_KOSONG", findings: Finding[]): Big | null {
  const n = readNumber(ref, what, findings);
  if (n === "missing") {
    const hint = emptyCode === "ANGGARAN_KOSONG" ? "Isi pagu anggarannya." : "Isi realisasinya; tulis 0 bila belum ada belanja.";
    findings.push(error(emptyCode, ref.address, `${what[0].toUpperCase()}${what.slice(1)} di sel ${ref.address} kosong. ${hint}`));
    return null;
  }
  if (n === null) return null;
  if (n < 0) {
    const code = emptyCode === "ANGGARAN_KOSONG" ? "ANGGARAN_NEGATIF" : "REALISASI_ANGGARAN_NEGATIF";
    findings.push(error(code, ref.address, `${what[0].toUpperCase()}${what.slice(1)} di sel ${ref.address} negatif (${formatRupiah(n)}). Periksa angkanya.`));
    return null;
  }
  // Through the shortest decimal text of the number: what the user typed, not the binary float.
  return new Big(String(n));
}

export function computeBudget(columns: Map<ContractName, Column>, settings: Settings, findings: Finding[]): BudgetResult {
  const anggaranCol = columns.get("Anggaran")!;
  const realisasiCol = columns.get("RealisasiAnggaran")!;
  const uraianCol = columns.get("Uraian");
  const kelompokCol = columns.get("Kelompok");
  const lines: BudgetLine[] = [];
  const groups = new Map<string, { nama: string; sum: Sum }>();
  const total = new Sum();
  let kelompok = "";
  for (let row = 0; row < anggaranCol.rows; row++) {
    const aRef = cellAt(anggaranCol.range, row);
    const rRef = cellAt(realisasiCol.range, row);
    const uraian = uraianCol ? cellText(cellAt(uraianCol.range, row).value) : "";
    if (kelompokCol) {
      const k = cellText(cellAt(kelompokCol.range, row).value);
      if (k) kelompok = k;
    }
    if (cellText(aRef.value) === "" && cellText(rRef.value) === "" && uraian === "") continue;
    const line: BudgetLine = { row, cell: aRef.address, uraian, kelompok, ok: false };
    lines.push(line);
    const anggaran = readMoney(aRef, "anggaran", "ANGGARAN_KOSONG", findings);
    const realisasi = readMoney(rRef, "realisasi anggaran", "REALISASI_ANGGARAN_KOSONG", findings);
    if (!anggaran || !realisasi) continue;
    if (anggaran.eq(0) && realisasi.gt(0)) {
      findings.push(
        error(
          "ANGGARAN_NOL_ADA_BELANJA",
          rRef.address,
          `Ada belanja ${formatRupiah(Number(realisasi.toString()))} di sel ${rRef.address}, padahal anggarannya di sel ${aRef.address} 0. Isi pagu anggarannya atau periksa realisasinya.`
        )
      );
      continue;
    }
    if (realisasi.gt(anggaran)) {
      findings.push(
        error(
          "REALISASI_MELEBIHI_ANGGARAN",
          rRef.address,
          `Realisasi di sel ${rRef.address} (${formatRupiah(Number(realisasi.toString()))}) melebihi anggarannya di sel ${aRef.address} (${formatRupiah(Number(anggaran.toString()))}). Periksa kedua angka itu; belanja tidak boleh melampaui pagu.`
        )
      );
      continue;
    }
    Object.assign(line, figuresOf(anggaran, realisasi, settings), { ok: true });
    total.add(anggaran, realisasi);
    if (kelompokCol) {
      const key = kelompok.toLowerCase();
      let group = groups.get(key);
      if (!group) {
        group = { nama: kelompok || "Tanpa kelompok", sum: new Sum() };
        groups.set(key, group);
      }
      group.sum.add(anggaran, realisasi);
    }
  }
  const totals = total.figures(settings);
  return {
    lines,
    groups: [...groups.values()].map((g) => ({ nama: g.nama, ...g.sum.figures(settings) })),
    total: totals,
    silpa: totals.sisa,
  };
}
