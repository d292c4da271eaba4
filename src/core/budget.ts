import { cellAt, CellRef, Column, isBlankValue, valueAt } from "./columns";
import { error, Finding } from "./findings";
import { formatRupiah } from "./format";
import { cellText, readNumber } from "./read-findings";
import {
  Amount,
  amountOf,
  amountToNumber,
  asBig,
  greater,
  isZero,
  minus,
  plus,
  ZERO,
} from "./money";
import { roundQuotient } from "./rounding";
import type { ContractName, Settings } from "./settings";

export interface BudgetFigures {
  anggaran: number;
  realisasi: number;
  /** Realisation % rounded as set; null when there is no budget to measure against. */
  serapan: number | null;
  sisa: number;
}

export interface BudgetLine extends Partial<BudgetFigures> {
  row: number;
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

/** Anggaran and realisasi summed exactly, for a kelompok, a sasaran or the total. */
export class Sum {
  anggaran = ZERO;
  realisasi = ZERO;
  add(anggaran: Amount, realisasi: Amount): void {
    this.anggaran = plus(this.anggaran, anggaran);
    this.realisasi = plus(this.realisasi, realisasi);
  }
  figures(settings: Settings): BudgetFigures {
    return figuresOf(this.anggaran, this.realisasi, settings);
  }
}

export function figuresOf(anggaran: Amount, realisasi: Amount, settings: Settings): BudgetFigures {
  const a = amountToNumber(anggaran);
  const r = amountToNumber(realisasi);
  const serapan =
    a === 0
      ? null
      : roundQuotient(
          { approx: (r * 100) / a, exact: () => asBig(realisasi).times(100).div(asBig(anggaran)) },
          settings
        );
  return { anggaran: a, realisasi: r, serapan, sisa: amountToNumber(minus(anggaran, realisasi)) };
}

function readMoney(
  ref: CellRef,
  what: string,
  emptyCode: "ANGGARAN_KOSONG" | "REALISASI_ANGGARAN_KOSONG",
  findings: Finding[]
): Amount | null {
  const n = readNumber(ref, what, findings, { money: true });
  if (n === "missing") {
    const hint =
      emptyCode === "ANGGARAN_KOSONG"
        ? "Isi pagu anggarannya."
        : "Isi realisasinya; tulis 0 bila belum ada belanja.";
    findings.push(
      error(
        emptyCode,
        ref.address,
        `${what[0].toUpperCase()}${what.slice(1)} di sel ${ref.address} kosong. ${hint}`
      )
    );
    return null;
  }
  if (n === null) return null;
  if (n < 0) {
    const code =
      emptyCode === "ANGGARAN_KOSONG" ? "ANGGARAN_NEGATIF" : "REALISASI_ANGGARAN_NEGATIF";
    findings.push(
      error(
        code,
        ref.address,
        `${what[0].toUpperCase()}${what.slice(1)} di sel ${ref.address} negatif (${formatRupiah(n)}). Periksa angkanya.`
      )
    );
    return null;
  }
  return amountOf(n);
}

// The findings of a budget line are built here, not in computeBudget's loop: a closure there would
// make every line allocate the variables it captures, finding or not.
function spendingOnZeroBudget(aRef: CellRef, rRef: CellRef, realisasi: Amount): Finding {
  return error(
    "ANGGARAN_NOL_ADA_BELANJA",
    rRef.address,
    () =>
      `Ada belanja ${formatRupiah(amountToNumber(realisasi))} di sel ${rRef.address}, padahal anggarannya di sel ${aRef.address} 0. Isi pagu anggarannya atau periksa realisasinya.`
  );
}

function overBudget(aRef: CellRef, anggaran: Amount, rRef: CellRef, realisasi: Amount): Finding {
  return error(
    "REALISASI_MELEBIHI_ANGGARAN",
    rRef.address,
    () =>
      `Realisasi di sel ${rRef.address} (${formatRupiah(amountToNumber(realisasi))}) melebihi anggarannya di sel ${aRef.address} (${formatRupiah(amountToNumber(anggaran))}). Periksa kedua angka itu; belanja tidak boleh melampaui pagu.`
  );
}

export function computeBudget(
  columns: Map<ContractName, Column>,
  settings: Settings,
  findings: Finding[]
): BudgetResult {
  const anggaranCol = columns.get("Anggaran")!;
  const realisasiCol = columns.get("RealisasiAnggaran")!;
  const uraianCol = columns.get("Uraian");
  const kelompokCol = columns.get("Kelompok");
  const lines: BudgetLine[] = [];
  const groups = new Map<string, { nama: string; sum: Sum }>();
  const total = new Sum();
  let kelompok = "";
  let lastKelompok: string | undefined;
  let lastKey = "";
  for (let row = 0; row < anggaranCol.rows; row++) {
    const uraian = uraianCol ? cellText(valueAt(uraianCol.range, row)) : "";
    if (kelompokCol) {
      const k = cellText(valueAt(kelompokCol.range, row));
      if (k) kelompok = k;
    }
    if (
      isBlankValue(valueAt(anggaranCol.range, row)) &&
      isBlankValue(valueAt(realisasiCol.range, row)) &&
      uraian === ""
    )
      continue;
    const aRef = cellAt(anggaranCol.range, row);
    const rRef = cellAt(realisasiCol.range, row);
    // Every field from the start: one object shape for all lines, filled in as they are read.
    const line: BudgetLine = {
      row,
      uraian,
      kelompok,
      ok: false,
      anggaran: undefined,
      realisasi: undefined,
      serapan: undefined,
      sisa: undefined,
    };
    lines.push(line);
    const anggaran = readMoney(aRef, "anggaran", "ANGGARAN_KOSONG", findings);
    const realisasi = readMoney(rRef, "realisasi anggaran", "REALISASI_ANGGARAN_KOSONG", findings);
    // What was read stays in the report even when a finding stops the line (CONTRACT.md §6).
    if (anggaran !== null) line.anggaran = amountToNumber(anggaran);
    if (realisasi !== null) line.realisasi = amountToNumber(realisasi);
    if (anggaran === null || realisasi === null) continue;
    if (isZero(anggaran) && greater(realisasi, ZERO)) {
      findings.push(spendingOnZeroBudget(aRef, rRef, realisasi));
      continue;
    }
    if (greater(realisasi, anggaran)) {
      findings.push(overBudget(aRef, anggaran, rRef, realisasi));
      continue;
    }
    const figures = figuresOf(anggaran, realisasi, settings);
    line.serapan = figures.serapan;
    line.sisa = figures.sisa;
    line.ok = true;
    total.add(anggaran, realisasi);
    if (kelompokCol) {
      // Lines of one kelompok follow each other: its key is made once per run of lines.
      if (kelompok !== lastKelompok) {
        lastKelompok = kelompok;
        lastKey = kelompok.toLowerCase();
      }
      const key = lastKey;
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
