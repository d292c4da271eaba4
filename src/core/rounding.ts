import Big from "big.js";
import type { Settings } from "./settings";

export type RoundingSettings = Pick<Settings, "decimals" | "rounding">;

/**
 * A quotient to be rounded: its floating-point value for speed, and a way to get it exactly in
 * decimal for the rare case where the float lies too close to a rounding boundary to decide.
 */
export interface Quotient {
  approx: number;
  exact: () => Big;
}

export function exactQuotient(value: Big): Quotient {
  return { approx: value.toNumber(), exact: () => value };
}

/** Rounds as printed: half up (or truncated) to the set number of decimals, exactly in decimal. */
export function roundBig(value: Big, settings: RoundingSettings): Big {
  return value.round(
    settings.decimals,
    settings.rounding === "truncate" ? Big.roundDown : Big.roundHalfUp
  );
}

export function roundNumber(value: Big | number, settings: RoundingSettings): number {
  return Number(roundBig(value instanceof Big ? value : new Big(value), settings).toString());
}

const BOUNDARY_MARGIN = 1e-6;

/**
 * Rounds a quotient as `roundBig` would, using the float unless it is within a hair of the boundary
 * (half for half-up, a whole unit for truncation): then the exact decimal decides.
 */
export function roundQuotient(q: Quotient, settings: RoundingSettings): number {
  const scale = 10 ** settings.decimals;
  const scaled = q.approx * scale;
  if (!Number.isFinite(scaled) || Math.abs(scaled) > 1e12) return roundNumber(q.exact(), settings);
  const magnitude = Math.abs(scaled);
  const fraction = magnitude - Math.floor(magnitude);
  const truncate = settings.rounding === "truncate";
  const nearBoundary = truncate
    ? fraction < BOUNDARY_MARGIN || fraction > 1 - BOUNDARY_MARGIN
    : Math.abs(fraction - 0.5) < BOUNDARY_MARGIN;
  if (nearBoundary) return roundNumber(q.exact(), settings);
  const units = truncate ? Math.floor(magnitude) : Math.round(magnitude);
  return (Math.sign(scaled) * units) / scale || 0;
}

/** The decimal of a number as the user typed it (shortest round-trip text), not the binary float. */
export function toBig(n: number): Big {
  return new Big(String(n));
}

/** The Excel number format that shows the set number of decimals ("0.00"). */
export function decimalFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}
