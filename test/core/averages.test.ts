import fc from "fast-check";
import { meanOf } from "../../src/core/averages";
import { contribution } from "../../src/core/capaian";
import { DEFAULT_SETTINGS } from "../../src/core/settings";

describe("averages", () => {
  test("the seed's sasaran 2: 100,34 and 100 average to 100,17 (the report says 100,56)", () => {
    expect(meanOf([100.34, 100], DEFAULT_SETTINGS)).toBe(100.17);
    expect(meanOf([102.95, 100.17], DEFAULT_SETTINGS)).toBe(101.56);
  });
  test("nothing to average is null, not zero", () => {
    expect(meanOf([], DEFAULT_SETTINGS)).toBeNull();
  });
  test("a negative capaian counts as 0; the cap limits inside averages", () => {
    expect(contribution(-50, DEFAULT_SETTINGS)).toBe(0);
    expect(contribution(162.5, { cap: 120 })).toBe(120);
    expect(contribution(99, { cap: 120 })).toBe(99);
  });
  test("an average lies between its min and max", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.integer({ min: -100000, max: 100000 }).map((n) => n / 100),
          { minLength: 1, maxLength: 50 }
        ),
        (values) => {
          const mean = meanOf(values, DEFAULT_SETTINGS)!;
          expect(mean).toBeGreaterThanOrEqual(Math.min(...values));
          expect(mean).toBeLessThanOrEqual(Math.max(...values));
        }
      ),
      { numRuns: 2000 }
    );
  });
});
