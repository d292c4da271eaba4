import Big from "big.js";
import fc from "fast-check";
import { amountOf, amountToNumber, greater, isZero, minus, plus, ZERO } from "../../src/core/money";

const exactSum = (xs: number[]) => xs.reduce((s, x) => s.plus(new Big(String(x))), new Big(0));

describe("rupiah amounts", () => {
  test("whole sen are added exactly: 0,10 + 0,20 is 0,30, not 0,30000000000000004", () => {
    expect(amountToNumber(plus(amountOf(0.1), amountOf(0.2)))).toBe(0.3);
    expect(amountToNumber(minus(amountOf(1234.56), amountOf(0.06)))).toBe(1234.5);
  });
  test("finer fractions and sums past 2^53 sen stay exact as decimals", () => {
    expect(amountToNumber(plus(amountOf(0.001), amountOf(0.002)))).toBe(0.003);
    const big = plus(amountOf(90_000_000_000_000), amountOf(90_000_000_000_000.5));
    expect(amountToNumber(big)).toBe(180_000_000_000_000.5);
    expect(amountToNumber(minus(big, amountOf(0.5)))).toBe(180_000_000_000_000);
  });
  test("comparisons mix whole sen and decimals", () => {
    expect(greater(amountOf(0.01), ZERO)).toBe(true);
    expect(greater(amountOf(0.001), amountOf(0.01))).toBe(false);
    expect(isZero(minus(amountOf(0.001), amountOf(0.001)))).toBe(true);
  });
  test("any list of amounts sums to the exact decimal sum, rounded once", () => {
    const amount = fc.oneof(
      fc.integer({ min: 0, max: 10 ** 13 }).map((n) => n / 100),
      fc.integer({ min: 0, max: 10 ** 9 }).map((n) => n / 1000),
      fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
    );
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 30 }), (xs) => {
        const sum = xs.reduce((s, x) => plus(s, amountOf(x)), ZERO);
        expect(amountToNumber(sum)).toBe(Number(exactSum(xs).toString()));
      })
    );
  });
});
