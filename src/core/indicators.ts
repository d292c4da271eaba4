import { numericCapaian, NumericTarget } from "./capaian";
import { cellAt, CellRef, Column } from "./columns";
import { error, Finding, warning } from "./findings";
import { formatAngka } from "./format";
import { negativeHint, parseArah } from "./polarity";
import { predicateOf } from "./predicate";
import { cellText, numberAsTextWarning, unreadableFinding } from "./read-findings";
import { Polarity, readCell, Reading } from "./read-cell";
import { qualitativeCapaian } from "./qualitative";
import { Quotient, roundQuotient } from "./rounding";
import type { ContractName, Settings } from "./settings";

export type IndicatorStatus = "dihitung" | "belum-ada-realisasi" | "galat";

export interface IndicatorResult {
  /** Row within the named ranges, from 0. */
  row: number;
  /** The target cell, naming the indicator in findings and the report. */
  cell: string;
  sasaran: string;
  indikator: string;
  satuan: string;
  arah: Polarity;
  target: CellRef;
  realisasi: CellRef;
  targetReading: Reading;
  realisasiReading: Reading;
  targetRenstra: CellRef | null;
  capaianLalu: CellRef | null;
  /** Capaian % rounded as set, as written to the cell; null when none follows. */
  capaian: number | null;
  predikat: string | null;
  status: IndicatorStatus;
}

function isBlank(ref: CellRef | null): boolean {
  return !ref || cellText(ref.value) === "";
}

/** Which way the indicator points: `Arah` if it says, else what the target text implies, else positif. */
function polarityOf(
  arahRef: CellRef | null,
  target: Reading,
  indikator: string,
  ref: CellRef,
  findings: Finding[]
): Polarity {
  const implied = target.kind === "number" ? target.impliedPolarity : undefined;
  let explicit: Polarity | undefined;
  if (arahRef && !isBlank(arahRef)) {
    explicit = parseArah(cellText(arahRef.value));
    if (!explicit) {
      findings.push(
        error(
          "ARAH_TIDAK_DIKENAL",
          arahRef.address,
          `Sel ${arahRef.address} berisi arah "${cellText(arahRef.value)}" yang tidak dikenal. Tulis "positif" (makin besar makin baik) atau "negatif" (makin kecil makin baik).`
        )
      );
    }
  }
  if (explicit && implied && explicit !== implied) {
    findings.push(
      warning(
        "ARAH_BERTENTANGAN",
        arahRef!.address,
        `Arah di sel ${arahRef!.address} tertulis ${explicit}, tetapi target di sel ${ref.address} (${cellText(ref.value)}) menyiratkan ${implied}. Capaian dihitung dengan arah ${explicit}; periksa mana yang benar.`
      )
    );
  }
  const polarity = explicit ?? implied ?? "positif";
  if (polarity === "positif" && !implied) {
    const hint = negativeHint(indikator);
    if (hint) {
      const where = arahRef ? `sel ${arahRef.address}` : 'kolom bernama "Arah"';
      findings.push(
        warning(
          "ARAH_TAMPAK_NEGATIF",
          arahRef?.address ?? ref.address,
          `Indikator "${indikator}" (kata "${hint}") tampaknya makin kecil makin baik, tetapi dihitung sebagai positif. Bila memang negatif, tulis "negatif" di ${where}.`
        )
      );
    }
  }
  return polarity;
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
  const failed = { value: null, status: "galat" as const };
  if (t.kind === "missing") {
    findings.push(
      error(
        "TARGET_KOSONG",
        target.address,
        `Target di sel ${target.address} kosong. Isi target tahun ini dari Perjanjian Kinerja.`
      )
    );
    return failed;
  }
  if (t.kind === "invalid") {
    findings.push(unreadableFinding(t, target, "target"));
    return failed;
  }
  if (t.kind === "number" && t.numberAsText) findings.push(numberAsTextWarning(target, t.value));
  if (r.kind === "missing") {
    findings.push(
      warning(
        "REALISASI_KOSONG",
        realisasi.address,
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
          `Realisasi di sel ${realisasi.address} (${cellText(realisasi.value)}) lebih rendah dari target "${t.text}" pada skala ${outcome.scale}; capaian dihitung dari perbandingan peringkatnya.`
        )
      );
    }
    return { value: outcome.capaian, status: "dihitung" };
  }
  if (r.kind !== "number") {
    findings.push(unreadableFinding(r, realisasi, "realisasi"));
    return failed;
  }
  if (r.numberAsText) findings.push(numberAsTextWarning(realisasi, r.value));
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
        `Target di sel ${target.address} bernilai 0. ${why}. Periksa targetnya di Perjanjian Kinerja.`
      )
    );
  } else if (outcome.reason === "target-negative") {
    findings.push(
      error(
        "TARGET_NEGATIF",
        target.address,
        `Target di sel ${target.address} (${shownTarget}) negatif; rumus capaian tidak berlaku untuk target di bawah 0. Periksa targetnya.`
      )
    );
  } else {
    findings.push(
      error(
        "NILAI_TIDAK_TERBACA",
        realisasi.address,
        `Realisasi di sel ${realisasi.address} bernilai 0, sehingga rumus T/R untuk indikator negatif tidak dapat dihitung. Pilih rumus (2T−R)/T di Pengaturan.`
      )
    );
  }
  return failed;
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
  for (let row = 0; row < target.rows; row++) {
    const tRef = cellAt(target.range, row);
    const rRef = cellAt(realisasi.range, row);
    const indikatorRef = at("Indikator", row);
    const sasaranRef = at("Sasaran", row);
    if (!isBlank(sasaranRef)) sasaran = cellText(sasaranRef!.value);
    if (isBlank(tRef) && isBlank(rRef) && isBlank(indikatorRef)) continue;
    const indikator = indikatorRef ? cellText(indikatorRef.value) : "";
    const t = readCell(tRef.value, tRef.format);
    const polarity = polarityOf(at("Arah", row), t, indikator, tRef, findings);
    const r = readCell(rRef.value, rRef.format);
    const { value, status } = capaianOf(tRef, t, rRef, r, polarity, settings, findings);
    let capaian: number | null = null;
    if (value) {
      capaian = roundQuotient(value, settings);
      if (capaian < 0) {
        findings.push(
          warning(
            "CAPAIAN_NEGATIF",
            rRef.address,
            `Capaian indikator di baris sel ${rRef.address} negatif (${formatAngka(capaian, settings.decimals)}): realisasinya lebih dari dua kali target. Ditulis apa adanya dan dihitung 0 dalam rata-rata; periksa realisasinya.`
          )
        );
      }
    }
    const satuanRef = at("Satuan", row);
    results.push({
      row,
      cell: tRef.address,
      sasaran,
      indikator,
      satuan: satuanRef ? cellText(satuanRef.value) : "",
      arah: polarity,
      target: tRef,
      realisasi: rRef,
      targetReading: t,
      realisasiReading: r,
      targetRenstra: at("TargetRenstra", row),
      capaianLalu: at("CapaianLalu", row),
      capaian,
      predikat: predicateOf(capaian, settings.predicateBands),
      status,
    });
  }
  return results;
}
