import Big from "big.js";
import { exactQuotient, Quotient } from "./rounding";

/** An ordinal scale, worst first: the rank of a grade is its position counted from the bottom, from 1. */
interface Scale {
  name: string;
  grades: string[];
  aliases: Record<string, string>;
}

export const SCALES: Scale[] = [
  {
    name: "opini BPK",
    grades: ["TMP", "TW", "WDP", "WTP"],
    aliases: {
      "WAJAR TANPA PENGECUALIAN": "WTP",
      "WAJAR DENGAN PENGECUALIAN": "WDP",
      "TIDAK WAJAR": "TW",
      "TIDAK MENYATAKAN PENDAPAT": "TMP",
      "TIDAK MEMBERIKAN PENDAPAT": "TMP",
      DISCLAIMER: "TMP",
    },
  },
  { name: "nilai SAKIP", grades: ["D", "C", "CC", "B", "BB", "A", "AA"], aliases: {} },
  { name: "akreditasi", grades: ["C", "B", "A"], aliases: {} },
];

const PREFIX_WORDS =
  /^(OPINI|PREDIKAT|NILAI|AKREDITASI|TERAKREDITASI|STATUS|KATEGORI|SAKIP|BPK|:|\s)+/;

function normalise(text: string): string {
  return text
    .toUpperCase()
    .replace(/["'“”‘’().]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .replace(PREFIX_WORDS, "")
    .trim();
}

function rankOn(scale: Scale, text: string): number {
  const t = normalise(text);
  const grade = scale.aliases[t] ?? t;
  return scale.grades.indexOf(grade) + 1;
}

export type QualitativeOutcome =
  | { kind: "ok"; capaian: Quotient; worse: boolean; scale: string }
  | { kind: "unknown-target" }
  | { kind: "unknown-realisasi"; scale: string };

/** Capaian of a qualitative target: 100 when the realisation is equal or better, else the ratio of ranks. */
export function qualitativeCapaian(target: string, realisasi: string): QualitativeOutcome {
  // "Akreditasi B" is on the accreditation scale even though B is also a SAKIP grade.
  const accreditation = /akreditasi/i.test(`${target} ${realisasi}`);
  const ordered = accreditation
    ? [...SCALES].sort((a) => (a.name === "akreditasi" ? -1 : 0))
    : SCALES;
  const onTarget = ordered.filter((s) => rankOn(s, target) > 0);
  if (onTarget.length === 0) return { kind: "unknown-target" };
  const scale = onTarget.find((s) => rankOn(s, realisasi) > 0);
  if (!scale) return { kind: "unknown-realisasi", scale: onTarget[0].name };
  const t = rankOn(scale, target);
  const r = rankOn(scale, realisasi);
  if (r >= t)
    return { kind: "ok", capaian: exactQuotient(new Big(100)), worse: false, scale: scale.name };
  return {
    kind: "ok",
    capaian: exactQuotient(new Big(r).times(100).div(t)),
    worse: true,
    scale: scale.name,
  };
}
