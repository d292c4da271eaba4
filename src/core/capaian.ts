import Big from "big.js";
import type { Polarity } from "./read-cell";
import { Quotient, toBig } from "./rounding";
import type { Settings } from "./settings";

export type NumericTarget =
  { kind: "number"; value: number } | { kind: "range"; low: number; high: number };

export type CapaianOutcome =
  | ({ ok: true } & Quotient)
  | { ok: false; reason: "target-zero" | "target-negative" | "realisasi-zero-ratio" };

const HUNDRED: CapaianOutcome = { ok: true, approx: 100, exact: () => new Big(100) };

/** Capaian % of a numeric indicator (CONTRACT.md §3), unrounded. */
export function numericCapaian(
  target: NumericTarget,
  realisasi: number,
  polarity: Polarity,
  formula: Settings["negativeFormula"]
): CapaianOutcome {
  let t: number;
  if (target.kind === "range") {
    if (realisasi >= target.low && realisasi <= target.high) return HUNDRED;
    t = realisasi > target.high ? target.high : target.low;
  } else {
    t = target.value;
  }
  if (t < 0) return { ok: false, reason: "target-negative" };
  const r = realisasi;
  if (t === 0) {
    if (polarity === "negatif" && r === 0) return HUNDRED;
    return { ok: false, reason: "target-zero" };
  }
  if (polarity === "positif") {
    return { ok: true, approx: (r * 100) / t, exact: () => toBig(r).times(100).div(toBig(t)) };
  }
  if (formula === "T/R") {
    if (r === 0) return { ok: false, reason: "realisasi-zero-ratio" };
    return { ok: true, approx: (t * 100) / r, exact: () => toBig(t).times(100).div(toBig(r)) };
  }
  return {
    ok: true,
    approx: ((2 * t - r) * 100) / t,
    exact: () => toBig(t).times(2).minus(toBig(r)).times(100).div(toBig(t)),
  };
}

/**
 * A capaian as it counts inside an average: below 0 (the negative formula past twice the target)
 * counts as 0; above the cap, as the cap.
 */
export function contribution(capaian: number, settings: Pick<Settings, "cap">): number {
  const floored = Math.max(capaian, 0);
  return settings.cap !== null ? Math.min(floored, settings.cap) : floored;
}
