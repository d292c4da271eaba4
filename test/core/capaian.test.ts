import Big from "big.js";
import fc from "fast-check";
import { numericCapaian } from "../../src/core/capaian";
import { qualitativeCapaian } from "../../src/core/qualitative";
import { roundNumber, roundQuotient } from "../../src/core/rounding";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

const num = (value: number) => ({ kind: "number" as const, value });
const pct = (o: ReturnType<typeof numericCapaian>, settings = DEFAULT_SETTINGS) => {
  if (!o.ok) throw new Error(o.reason);
  return roundQuotient(o, settings);
};

describe("CONTRACT.md §3: capaian by polarity", () => {
  test("positif: R / T × 100 (seed: 80,30 of 78 is 102,95)", () => {
    expect(pct(numericCapaian(num(78), 80.3, "positif", "(2T-R)/T"))).toBe(102.95);
    expect(pct(numericCapaian(num(82), 82.28, "positif", "(2T-R)/T"))).toBe(100.34);
    expect(pct(numericCapaian(num(98), 100, "positif", "(2T-R)/T"))).toBe(102.04);
  });
  test("negatif, default (2T − R) / T (seed's disiplin indicator: 162,5, not 37,5)", () => {
    expect(pct(numericCapaian(num(0.8), 0.3, "negatif", "(2T-R)/T"))).toBe(162.5);
  });
  test("negatif with the T/R setting", () => {
    expect(pct(numericCapaian(num(0.8), 0.3, "negatif", "T/R"))).toBe(266.67);
    expect(numericCapaian(num(0.8), 0, "negatif", "T/R")).toEqual({
      ok: false,
      reason: "realisasi-zero-ratio",
    });
  });
  test("the negative formula goes below 0 when realisasi is above twice the target", () => {
    expect(pct(numericCapaian(num(2), 5, "negatif", "(2T-R)/T"))).toBe(-50);
  });
  test("range target: inside is 100, above uses the upper bound, below the lower", () => {
    const range = { kind: "range" as const, low: 7, high: 8 };
    expect(pct(numericCapaian(range, 7.5, "positif", "(2T-R)/T"))).toBe(100);
    expect(pct(numericCapaian(range, 10, "positif", "(2T-R)/T"))).toBe(125);
    expect(pct(numericCapaian(range, 6, "positif", "(2T-R)/T"))).toBe(85.71);
    expect(pct(numericCapaian(range, 10, "negatif", "(2T-R)/T"))).toBe(75);
    expect(pct(numericCapaian(range, 6, "negatif", "(2T-R)/T"))).toBe(114.29);
  });
  test("target 0: positif has no capaian; negatif is 100 only when realisasi is 0", () => {
    expect(numericCapaian(num(0), 5, "positif", "(2T-R)/T")).toEqual({
      ok: false,
      reason: "target-zero",
    });
    expect(numericCapaian(num(0), 0, "positif", "(2T-R)/T")).toEqual({
      ok: false,
      reason: "target-zero",
    });
    expect(pct(numericCapaian(num(0), 0, "negatif", "(2T-R)/T"))).toBe(100);
    expect(numericCapaian(num(0), 1, "negatif", "(2T-R)/T")).toEqual({
      ok: false,
      reason: "target-zero",
    });
  });
  test("a negative target is refused", () => {
    expect(numericCapaian(num(-2), 1, "positif", "(2T-R)/T")).toEqual({
      ok: false,
      reason: "target-negative",
    });
  });
});

describe("rounding", () => {
  test("half up, exactly in decimal (no float drift)", () => {
    expect(roundNumber(102.945, DEFAULT_SETTINGS)).toBe(102.95);
    expect(roundNumber(1.005, DEFAULT_SETTINGS)).toBe(1.01);
    expect(roundNumber(-50.005, DEFAULT_SETTINGS)).toBe(-50.01);
  });
  test("a float that lies on a boundary is decided exactly: 1,3/0,8 is 162,5 and 0,1+0,2 ties round up", () => {
    const tie = { approx: 100.12499999999999, exact: () => new Big("100.125") };
    expect(roundQuotient(tie, DEFAULT_SETTINGS)).toBe(100.13);
    const whole = { approx: 102.94999999999999, exact: () => new Big("102.95") };
    expect(roundQuotient(whole, { ...DEFAULT_SETTINGS, rounding: "truncate" })).toBe(102.95);
    expect(
      roundQuotient({ approx: -2.345, exact: () => new Big("-2.345") }, DEFAULT_SETTINGS)
    ).toBe(-2.35);
    expect(
      roundQuotient({ approx: -2.344, exact: () => new Big("-2.344") }, DEFAULT_SETTINGS)
    ).toBe(-2.34);
  });
  test("float and exact decimal rounding agree on random quotients", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(0, 1, 2, 3),
        fc.constantFrom("half-up" as const, "truncate" as const),
        (r, t, decimals, rounding) => {
          const settings = { decimals, rounding };
          const exact = new Big(r).times(100).div(t);
          expect(roundQuotient({ approx: (r * 100) / t, exact: () => exact }, settings)).toBe(
            roundNumber(exact, settings)
          );
        }
      ),
      { numRuns: 5000 }
    );
  });
  test("truncate and decimals settings", () => {
    const o = numericCapaian(num(78), 80.3, "positif", "(2T-R)/T");
    expect(pct(o, { ...DEFAULT_SETTINGS, rounding: "truncate" })).toBe(102.94);
    expect(pct(o, { ...DEFAULT_SETTINGS, decimals: 0 })).toBe(103);
    expect(pct(o, { ...DEFAULT_SETTINGS, decimals: 3 })).toBe(102.949);
  });
});

describe("qualitative targets on the three ordinal scales", () => {
  test("equal or better is 100", () => {
    expect(qualitativeCapaian("WTP", "WTP")).toMatchObject({ kind: "ok", worse: false });
    expect(qualitativeCapaian("BB", "A")).toMatchObject({ kind: "ok", worse: false });
    expect(qualitativeCapaian("Akreditasi B", "A")).toMatchObject({
      kind: "ok",
      worse: false,
      scale: "akreditasi",
    });
  });
  test("worse is the ratio of ranks from the bottom (WDP against WTP: 3/4 → 75)", () => {
    const o = qualitativeCapaian("WTP", "WDP");
    expect(o.kind === "ok" && o.capaian.exact().toNumber()).toBe(75);
    expect(o).toMatchObject({ worse: true, scale: "opini BPK" });
    const grade = qualitativeCapaian("A", "BB");
    expect(grade.kind === "ok" && roundQuotient(grade.capaian, DEFAULT_SETTINGS)).toBe(83.33);
    const opinion = qualitativeCapaian("Wajar Tanpa Pengecualian", "Opini TW");
    expect(opinion.kind === "ok" && opinion.capaian.approx).toBe(50);
  });
  test("text on no known scale", () => {
    expect(qualitativeCapaian("Sertifikasi Mutu dan Akreditasi", "ISO 9001")).toEqual({
      kind: "unknown-target",
    });
    expect(qualitativeCapaian("WTP", "baik")).toEqual({
      kind: "unknown-realisasi",
      scale: "opini BPK",
    });
  });
});

describe("words that suggest smaller is better", () => {
  const { negativeHint } = jest.requireActual("../../src/core/polarity");
  test.each([
    ["Prosentase pegawai yang mendapatkan hukuman disiplin", "hukuman disiplin"],
    ["Jumlah  Hukuman   Disiplin", "hukuman disiplin"],
    ["Angka kemiskinan", "kemiskinan"],
    ["Tingkat pengangguran terbuka", "pengangguran"],
    ["Persentase pelanggaran lalu lintas", "pelanggaran"],
    ["Indeks Kepuasan Aparatur", undefined],
    ["Pemiskinan", undefined],
  ])("%s → %s", (name, hint) => {
    expect(negativeHint(name)).toBe(hint);
  });
});
