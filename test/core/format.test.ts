import fc from "fast-check";
import { formatAngka, formatDigits, formatFixed, formatRupiah } from "../../src/core/format";

/** What Intl.NumberFormat("id-ID") gives: the reference the engine's own formatting must equal. */
const intl = (n: number, min: number, max: number, useGrouping = true) =>
  new Intl.NumberFormat("id-ID", {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    useGrouping,
  }).format(n);

describe("numbers the Indonesian way, without Intl at start-up", () => {
  test.each([
    [102.95, 2, "102,95"],
    [80.3, 2, "80,30"],
    [18700000, 0, "18.700.000"],
    [1234.5, 2, "1.234,50"],
    [-1234.5, 2, "-1.234,50"],
    [1.005, 2, "1,01"], // the shortest form 1.005 rounds up, as Intl does (toFixed gives 1.00)
    [513945.805, 2, "513.945,81"],
    [100.375, 2, "100,38"],
    [0, 2, "0,00"],
    [999.995, 2, "1.000,00"],
  ])("formatFixed(%s, %s) is %s", (n, d, shown) => {
    expect(formatFixed(n, d)).toBe(shown);
  });

  test("formatFixed and formatAngka equal Intl's id-ID for any number and 0 to 6 decimals", () => {
    const number = fc.oneof(
      fc.double({ min: -1e16, max: 1e16, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((i) => i / 1000),
      fc.integer({ min: -1e12, max: 1e12 }),
      fc.constantFrom(
        0,
        -0,
        0.5,
        -0.5,
        1.005,
        2.675,
        1e20,
        -1e-7,
        NaN,
        Infinity,
        -Infinity,
        1e21,
        5e21
      )
    );
    fc.assert(
      fc.property(number, fc.integer({ min: 0, max: 6 }), (n, d) => {
        expect([n, d, formatFixed(n, d)]).toEqual([n, d, intl(n, d, d)]);
        expect([n, d, formatAngka(n, d)]).toEqual([n, d, intl(n, 0, d)]);
        expect([n, d, formatDigits(n, 0, d, false)]).toEqual([n, d, intl(n, 0, d, false)]);
      }),
      { numRuns: 5000 }
    );
  });

  test("rupiah: whole amounts without sen, others with two decimals", () => {
    expect(formatRupiah(37740651000)).toBe("Rp 37.740.651.000");
    expect(formatRupiah(1234.5)).toBe("Rp 1.234,50");
  });
});
