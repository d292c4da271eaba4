import Big from "big.js";
import type { Polarity } from "./read-cell";
import type { Settings } from "./settings";

export type NumericTarget = { kind: "number"; value: number } | { kind: "range"; low: number; high: number };

export type CapaianOutcome =
  | { ok: true; value: Big }
  | { ok: false; reason: "target-zero" | "target-negative" | "realisasi-zero-ratio" };

const HUNDRED = new Big(100);

/** Capaian % of a numeric indicator (CONTRACT.md §3), unrounded. */
export function numericCapaian(
  target: NumericTarget,
  realisasi: number,
  polarity: Polarity,
  formula: Settings["negativeFormula"]
): CapaianOutcome {
  let t: number;
  if (target.kind === "range") {
    if (realisasi >= target.low && realisasi <= target.high) return { ok: true, value: HUNDRED };
    t = realisasi > target.high ? target.high : target.low;
  } else {
    t = target.value;
  }
  if (t < 0) return { ok: false, reason: "target-negative" };
  const T = new Big(t);
  const R = new Big(realisasi);
  if (t === 0) {
    if (polarity === "negatif" && realisasi === 0) return { ok: true, value: HUNDRED };
    return { ok: false, reason: "target-zero" };
  }
  if (polarity === "positif") return { ok: true, value: R.times(100).div(T) };
  if (formula === "T/R") {
    if (realisasi === 0) return { ok: false, reason: "realisasi-zero-ratio" };
    return { ok: true, value: T.times(100).div(R) };
  }
  return { ok: true, value: T.times(2).minus(R).times(100).div(T) };
}
