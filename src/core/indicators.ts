import { numericCapaian, NumericTarget } from "./capaian";
import { cellAt, CellRef, Column, formatAt, isBlankValue, valueAt } from "./columns";
import { error, Finding, warning } from "./findings";
import { formatAngka } from "./format";
import { polarityOf } from "./polarity";
import { predicateOf } from "./predicate";
import { cellText, numberAsTextWarning, unreadableFinding } from "./read-findings";
import { Polarity, readCell, Reading } from "./read-cell";
import { qualitativeCapaian } from "./qualitative";
import { Quotient, roundQuotient } from "./rounding";
import type { ContractName, Settings } from "./settings";

export type IndicatorStatus = "dihitung" | "belum-ada-realisasi" | "galat";

export interface IndicatorResult {
  /** Row within the named ranges, from 0. */
  readonly row: number;
  /** The target cell, naming the indicator in findings and the report. */
  readonly cell: string;
  readonly sasaran: string;
  readonly indikator: string;
  readonly satuan: string;
  readonly arah: Polarity;
  readonly target: CellRef;
  readonly realisasi: CellRef;
  readonly targetReading: Reading;
  readonly realisasiReading: Reading;
  readonly targetRenstra: CellRef | null;
  readonly capaianLalu: CellRef | null;
  /** Last year's realisation (`RealisasiLalu`), shown in the IKU tables. */
  readonly realisasiLalu: CellRef | null;
  /** The end-of-Renstra target (`TargetAkhirRenstra`). */
  readonly targetAkhirRenstra: CellRef | null;
  /** Capaian % rounded as set, as written to the cell; null when none follows. */
  readonly capaian: number | null;
  readonly predikat: string | null;
  readonly status: IndicatorStatus;
}

/**
 * One indicator's figures; its cells are found from the columns when asked for, so that a table
 * of 100,000 rows keeps no cell objects or addresses beyond what the read produced.
 */
class IndicatorRow implements IndicatorResult {
  constructor(
    private readonly columns: Map<ContractName, Column>,
    readonly row: number,
    readonly sasaran: string,
    readonly indikator: string,
    readonly satuan: string,
    readonly arah: Polarity,
    readonly capaian: number | null,
    readonly predikat: string | null,
    readonly status: IndicatorStatus
  ) {}
  private at(name: ContractName): CellRef | null {
    const column = this.columns.get(name);
    return column ? cellAt(column.range, this.row) : null;
  }
  get cell(): string {
    return this.target.address;
  }
  get target(): CellRef {
    return this.at("Target")!;
  }
  get realisasi(): CellRef {
    return this.at("Realisasi")!;
  }
  get targetRenstra(): CellRef | null {
    return this.at("TargetRenstra");
  }
  get capaianLalu(): CellRef | null {
    return this.at("CapaianLalu");
  }
  get realisasiLalu(): CellRef | null {
    return this.at("RealisasiLalu");
  }
  get targetAkhirRenstra(): CellRef | null {
    return this.at("TargetAkhirRenstra");
  }
  /** Read again when asked (the report): kept, 200,000 readings would outlive the computation. */
  get targetReading(): Reading {
    const ref = this.target;
    return readCell(ref.value, ref.format);
  }
  get realisasiReading(): Reading {
    const ref = this.realisasi;
    return readCell(ref.value, ref.format);
  }
}

/** Capaian (unrounded) of one indicator, or null with findings saying why. */
function capaianOf(
  target: CellRef,
  t: Reading,
  realisasi: CellRef,
  r: Reading,
  polarity: Polarity,
  settings: Settings,
  findings: Finding[]
): { value: Quotient | null; status: IndicatorStatus } {
  // A number stored as text is a warning whatever else the row holds (CONTRACT.md §2).
  if (t.kind === "number" && t.numberAsText) findings.push(numberAsTextWarning(target, t.value));
  if (r.kind === "number" && r.numberAsText) findings.push(numberAsTextWarning(realisasi, r.value));
  if ((t.kind === "number" || t.kind === "range") && r.kind === "number") {
    const numeric: NumericTarget = t.kind === "range" ? t : { kind: "number", value: t.value };
    const outcome = numericCapaian(numeric, r.value, polarity, settings.negativeFormula);
    if (outcome.ok) return { value: outcome, status: "dihitung" };
  }
  return capaianProblem(target, t, realisasi, r, polarity, settings, findings);
}

/**
 * Every way a row's capaian is not computed, or computed with a finding. Apart from capaianOf, whose
 * common path then allocates none of the variables these messages capture.
 */
function capaianProblem(
  target: CellRef,
  t: Reading,
  realisasi: CellRef,
  r: Reading,
  polarity: Polarity,
  settings: Settings,
  findings: Finding[]
): { value: Quotient | null; status: IndicatorStatus } {
  const failed = { value: null, status: "galat" as const };
  if (t.kind === "missing") {
    findings.push(
      error(
        "TARGET_KOSONG",
        target.address,
        () =>
          `Target di sel ${target.address} kosong. Isi target tahun ini dari Perjanjian Kinerja.`
      )
    );
    return failed;
  }
  if (t.kind === "invalid") {
    findings.push(unreadableFinding(t, target, "target"));
    return failed;
  }
  if (r.kind === "missing") {
    findings.push(
      warning(
        "REALISASI_KOSONG",
        realisasi.address,
        () =>
          `Realisasi di sel ${realisasi.address} belum diisi. Capaiannya tidak dihitung dan tidak ikut dirata-rata; Lembar Pengukuran menandainya "belum ada realisasi".`
      )
    );
    return { value: null, status: "belum-ada-realisasi" };
  }
  if (r.kind === "invalid") {
    findings.push(unreadableFinding(r, realisasi, "realisasi"));
    return failed;
  }
  if (t.kind === "text") {
    const outcome = qualitativeCapaian(
      t.text,
      r.kind === "text" ? r.text : cellText(realisasi.value)
    );
    if (outcome.kind === "unknown-target") {
      findings.push(
        error(
          "KUALITATIF_TIDAK_DIKENAL",
          target.address,
          () =>
            `Target di sel ${target.address} ("${t.text}") bukan angka dan tidak ada di skala yang dikenal (opini WTP/WDP/TW/TMP; nilai AA–D; akreditasi A/B/C). Tulis target sebagai angka, atau sebagai salah satu nilai skala itu.`
        )
      );
      return failed;
    }
    if (outcome.kind === "unknown-realisasi") {
      findings.push(
        error(
          "JENIS_TARGET_REALISASI_BEDA",
          realisasi.address,
          () =>
            `Realisasi di sel ${realisasi.address} (${cellText(realisasi.value)}) tidak dapat dibandingkan dengan target "${t.text}" pada skala ${outcome.scale}. Tulis realisasi dengan nilai dari skala yang sama.`
        )
      );
      return failed;
    }
    if (outcome.worse) {
      findings.push(
        warning(
          "KUALITATIF_DI_BAWAH_TARGET",
          realisasi.address,
          () =>
            `Realisasi di sel ${realisasi.address} (${cellText(realisasi.value)}) lebih rendah dari target "${t.text}" pada skala ${outcome.scale}; capaian dihitung dari perbandingan peringkatnya.`
        )
      );
    }
    return { value: outcome.capaian, status: "dihitung" };
  }
  if (r.kind === "range") {
    findings.push(
      error(
        "REALISASI_RENTANG",
        realisasi.address,
        () =>
          `Realisasi di sel ${realisasi.address} berisi rentang "${cellText(realisasi.value)}". Rentang hanya untuk target; realisasi adalah satu angka yang tercapai: isi angka itu.`
      )
    );
    return failed;
  }
  if (r.kind !== "number") {
    findings.push(unreadableFinding(r, realisasi, "realisasi"));
    return failed;
  }
  const numeric: NumericTarget = t.kind === "range" ? t : { kind: "number", value: t.value };
  const outcome = numericCapaian(numeric, r.value, polarity, settings.negativeFormula);
  if (outcome.ok) return { value: outcome, status: "dihitung" };
  const shownTarget = cellText(target.value);
  if (outcome.reason === "target-zero") {
    const why =
      polarity === "positif"
        ? "Capaian indikator positif tidak dapat dihitung dari target 0"
        : `Target 0 untuk indikator negatif hanya tercapai bila realisasinya 0, sedangkan realisasinya ${formatAngka(r.value)}`;
    findings.push(
      error(
        "TARGET_NOL",
        target.address,
        () =>
          `Target di sel ${target.address} bernilai 0. ${why}. Periksa targetnya di Perjanjian Kinerja.`
      )
    );
  } else if (outcome.reason === "target-negative") {
    findings.push(
      error(
        "TARGET_NEGATIF",
        target.address,
        () =>
          `Target di sel ${target.address} (${shownTarget}) negatif; rumus capaian tidak berlaku untuk target di bawah 0. Periksa targetnya.`
      )
    );
  } else {
    findings.push(
      error(
        "NILAI_TIDAK_TERBACA",
        realisasi.address,
        () =>
          `Realisasi di sel ${realisasi.address} bernilai 0, sehingga rumus T/R untuk indikator negatif tidak dapat dihitung. Pilih rumus (2T−R)/T di Pengaturan.`
      )
    );
  }
  return failed;
}

function negativeCapaian(rRef: CellRef, rounded: number, decimals: number): Finding {
  return warning(
    "CAPAIAN_NEGATIF",
    rRef.address,
    () =>
      `Capaian indikator di baris sel ${rRef.address} negatif (${formatAngka(rounded, decimals)}): realisasinya lebih dari dua kali target. Ditulis apa adanya dan dihitung 0 dalam rata-rata; periksa realisasinya.`
  );
}

/** Reads and computes every indicator row; blank rows (no target, realisasi nor name) are skipped. */
export function computeIndicators(
  columns: Map<ContractName, Column>,
  settings: Settings,
  findings: Finding[]
): IndicatorResult[] {
  const target = columns.get("Target")!;
  const realisasi = columns.get("Realisasi")!;
  const at = (name: ContractName, row: number): CellRef | null => {
    const column = columns.get(name);
    return column ? cellAt(column.range, row) : null;
  };
  const results: IndicatorResult[] = [];
  let sasaran = "";
  const indikatorColumn = columns.get("Indikator");
  const sasaranColumn = columns.get("Sasaran");
  for (let row = 0; row < target.rows; row++) {
    // Each cell's value is read once: a CellRef is made only for cells a finding may name.
    const tValue = valueAt(target.range, row);
    const rValue = valueAt(realisasi.range, row);
    const indikatorValue = indikatorColumn ? valueAt(indikatorColumn.range, row) : null;
    if (sasaranColumn) {
      const value = valueAt(sasaranColumn.range, row);
      if (!isBlankValue(value)) sasaran = cellText(value);
    }
    if (isBlankValue(tValue) && isBlankValue(rValue) && isBlankValue(indikatorValue)) continue;
    const tRef = cellAt(target.range, row);
    const rRef = cellAt(realisasi.range, row);
    const indikator = cellText(indikatorValue);
    const t = readCell(tValue, formatAt(target.range, row));
    const polarity = polarityOf(at("Arah", row), t, indikator, tRef, findings);
    const r = readCell(rValue, formatAt(realisasi.range, row));
    const { value, status } = capaianOf(tRef, t, rRef, r, polarity, settings, findings);
    let capaian: number | null = null;
    if (value) {
      const rounded = roundQuotient(value, settings);
      capaian = rounded;
      if (rounded < 0) {
        findings.push(negativeCapaian(rRef, rounded, settings.decimals));
      }
    }
    const satuanColumn = columns.get("Satuan");
    results.push(
      new IndicatorRow(
        columns,
        row,
        sasaran,
        indikator,
        satuanColumn ? cellText(valueAt(satuanColumn.range, row)) : "",
        polarity,
        capaian,
        predicateOf(capaian, settings.predicateBands),
        status
      )
    );
  }
  return results;
}
