import Big from "big.js";
import { toBig } from "./rounding";

/**
 * Rupiah, exact. An amount with at most two decimals (whole sen) is kept as a whole number of sen
 * while that is a safe integer (exact in a double); finer fractions, or sums past 2^53 sen, become
 * decimals. Never a float sum of fractions.
 */
export type Amount = Sen | Big;

/** A whole number of sen (hundredths of a rupiah), a safe integer. */
type Sen = number;

export const ZERO: Amount = 0;

export function amountOf(rupiah: number): Amount {
  const sen = Math.round(rupiah * 100);
  // The division is correctly rounded, so it gives back `rupiah` exactly when `rupiah` is the double
  // nearest some decimal with at most two places.
  return Number.isSafeInteger(sen) && sen / 100 === rupiah ? sen : toBig(rupiah);
}

export function asBig(x: Amount): Big {
  return typeof x === "number" ? new Big(x).div(100) : x;
}

/** The rupiah amount as the nearest double. */
export function amountToNumber(x: Amount): number {
  return typeof x === "number" ? x / 100 : Number(x.toString());
}

export function plus(x: Amount, y: Amount): Amount {
  if (typeof x === "number" && typeof y === "number" && Number.isSafeInteger(x + y)) return x + y;
  return asBig(x).plus(asBig(y));
}

export function minus(x: Amount, y: Amount): Amount {
  if (typeof x === "number" && typeof y === "number" && Number.isSafeInteger(x - y)) return x - y;
  return asBig(x).minus(asBig(y));
}

export function isZero(x: Amount): boolean {
  return typeof x === "number" ? x === 0 : x.eq(0);
}

export function greater(x: Amount, y: Amount): boolean {
  return typeof x === "number" && typeof y === "number" ? x > y : asBig(x).gt(asBig(y));
}
