import type { Polarity } from "./read-cell";

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
