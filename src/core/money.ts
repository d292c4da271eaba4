import Big from "big.js";
import { toBig } from "./rounding";

/**
 * Rupiah, exact. Whole rupiah stay plain numbers while they are safe integers (exact in a double);
 * amounts with sen, or sums past 2^53, become decimals. Never a float sum of fractions.
 */
export type Amount = number | Big;

export const ZERO: Amount = 0;

export function amountOf(n: number): Amount {
  return Number.isSafeInteger(n) ? n : toBig(n);
}

export function asBig(x: Amount): Big {
  return typeof x === "number" ? new Big(x) : x;
}

export function amountToNumber(x: Amount): number {
  return typeof x === "number" ? x : Number(x.toString());
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
