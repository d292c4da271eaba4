import type { CellRef } from "./columns";
import { error, Finding, warning } from "./findings";
import { cellText } from "./read-findings";
import type { Polarity, Reading } from "./read-cell";

/**
 * Negative indicators (smaller is better): which way an indicator points is decided here only — from
 * its Arah cell, the comparator of its target ("<1%"), and words in its name. The formulas live in
 * capaian.ts.
 */

const POSITIVE = new Set([
  "positif",
  "+",
  "naik",
  "max",
  "maks",
  "maksimal",
  "maksimum",
  "positive",
]);
const NEGATIVE = new Set(["negatif", "-", "−", "turun", "min", "minimal", "minimum", "negative"]);

/** Reads an `Arah` cell; undefined when it says nothing we know. */
export function parseArah(text: string): Polarity | undefined {
  const t = text.trim().toLowerCase();
  if (POSITIVE.has(t)) return "positif";
  if (NEGATIVE.has(t)) return "negatif";
  return undefined;
}

/** Words in an indicator's name that suggest smaller is better. */
export const NEGATIVE_HINTS = [
  "hukuman disiplin",
  "pelanggaran",
  "kemiskinan",
  "miskin",
  "pengangguran",
  "kematian",
  "angka kesakitan",
  "kecelakaan",
  "kriminalitas",
  "tindak kejahatan",
  "kebakaran",
  "genangan",
  "banjir",
  "stunting",
  "gizi buruk",
  "putus sekolah",
  "buta aksara",
  "tunggakan",
  "inflasi",
  "ketimpangan",
  "rasio gini",
  "kawasan kumuh",
  "penyalahgunaan",
];

/** One pass over the name for all the words, not one regular expression per word per row. */
const hintPattern = new RegExp(
  `(?:^|[^a-z])(${NEGATIVE_HINTS.map((w) => w.replace(/ /g, "\\s+")).join("|")})(?=[^a-z]|$)`,
  "i"
);

/** The hint word found in an indicator name, if any. */
export function negativeHint(indikator: string): string | undefined {
  const match = hintPattern.exec(indikator);
  return match ? match[1].toLowerCase().replace(/\s+/g, " ") : undefined;
}

/** Which way the indicator points: `Arah` if it says, else what the target text implies, else positif. */
export function polarityOf(
  arahRef: CellRef | null,
  target: Reading,
  indikator: string,
  ref: CellRef,
  findings: Finding[]
): Polarity {
  const implied = target.kind === "number" ? target.impliedPolarity : undefined;
  let explicit: Polarity | undefined;
  if (arahRef && cellText(arahRef.value) !== "") {
    explicit = parseArah(cellText(arahRef.value));
    if (!explicit) {
      findings.push(
        error(
          "ARAH_TIDAK_DIKENAL",
          arahRef.address,
          () =>
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
        () =>
          `Arah di sel ${arahRef!.address} tertulis ${explicit}, tetapi target di sel ${ref.address} (${cellText(ref.value)}) menyiratkan ${implied}. Capaian dihitung dengan arah ${explicit}; periksa mana yang benar.`
      )
    );
  }
  const polarity = explicit ?? implied ?? "positif";
  if (polarity === "positif" && !implied) {
    const hint = negativeHint(indikator);
    if (hint) {
      const cell = arahRef?.address ?? ref.address;
      const where = arahRef
        ? `sel ${cell}`
        : `kolom Arah pada baris itu (beri nama "Arah" pada kolomnya)`;
      findings.push(
        warning(
          "ARAH_TAMPAK_NEGATIF",
          cell,
          () =>
            `Indikator "${indikator}" (target di sel ${ref.address}; kata "${hint}") tampaknya makin kecil makin baik, tetapi dihitung sebagai positif. Bila memang negatif, tulis "negatif" di ${where}.`
        )
      );
    }
  }
  return polarity;
}
