import { checkPredicateBands, predicateOf } from "../../src/core/predicate";
import { PERMENDAGRI_86_2017 } from "../../src/core/settings";

describe("predicate bands (Permendagri 86/2017 by default)", () => {
  test.each([
    [101.56, "Sangat Tinggi"],
    [91, "Sangat Tinggi"],
    [90.5, "Tinggi"],
    [76, "Tinggi"],
    [75.99, "Sedang"],
    [66, "Sedang"],
    [51, "Rendah"],
    [50.99, "Sangat Rendah"],
    [-10, "Sangat Rendah"],
  ])("%d is %s", (value, label) => {
    expect(predicateOf(value, PERMENDAGRI_86_2017)).toBe(label);
  });
  test("the default scale is valid", () => {
    expect(checkPredicateBands(PERMENDAGRI_86_2017)).toEqual([]);
  });
  test("a scale with an overlap is an error", () => {
    const bands = [
      { label: "Baik", min: 80, max: null },
      { label: "Cukup", min: null, max: 85 },
    ];
    expect(checkPredicateBands(bands)).toEqual([
      expect.objectContaining({ level: "error", code: "SKALA_PREDIKAT_TUMPANG_TINDIH" }),
    ]);
  });
  test("a scale with a gap, or an open end, is an error", () => {
    const gap = [
      { label: "Baik", min: 80, max: null },
      { label: "Cukup", min: null, max: 70 },
    ];
    expect(checkPredicateBands(gap)).toEqual([
      expect.objectContaining({ code: "SKALA_PREDIKAT_CELAH", level: "error" }),
    ]);
    const closed = [{ label: "Baik", min: 0, max: 100 }];
    expect(checkPredicateBands(closed).map((f) => f.code)).toEqual([
      "SKALA_PREDIKAT_CELAH",
      "SKALA_PREDIKAT_CELAH",
    ]);
  });
});
