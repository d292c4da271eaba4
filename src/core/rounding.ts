import Big from "big.js";
import type { Settings } from "./settings";

export type RoundingSettings = Pick<Settings, "decimals" | "rounding">;

/** Rounds as printed: half up (or truncated) to the set number of decimals, exactly in decimal. */
export function roundBig(value: Big, settings: RoundingSettings): Big {
  return value.round(settings.decimals, settings.rounding === "truncate" ? Big.roundDown : Big.roundHalfUp);
}

export function roundNumber(value: Big | number, settings: RoundingSettings): number {
  return Number(roundBig(value instanceof Big ? value : new Big(value), settings).toString());
}

/** The Excel number format that shows the set number of decimals ("0.00"). */
export function decimalFormat(decimals: number): string {
  return decimals > 0 ? `0.${"0".repeat(decimals)}` : "0";
}
