import fc from "fast-check";
import type { Area, CellStyle } from "../../src/core/sheet-plan";
import {
  compactHeights,
  compactMerges,
  compactStyles,
} from "../../src/workbook/office/compact-plan";

const ROWS = 12;
const COLUMNS = 5;

/** Each cell's final style when the styles are applied in order, one property at a time. */
function applied(styles: { area: Area; style: Partial<CellStyle> }[]): string[] {
  const cells: Record<string, unknown>[] = Array.from({ length: ROWS * COLUMNS }, () => ({}));
  for (const { area, style } of styles)
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) {
        const cell = cells[(r - 1) * COLUMNS + (c - 1)];
        for (const [k, v] of Object.entries(style))
          if (k !== "numberFormat" && v !== undefined) cell[k] = v;
      }
  return cells.map((c) => JSON.stringify(Object.entries(c).sort()));
}

const area = fc
  .tuple(
    fc.integer({ min: 1, max: ROWS }),
    fc.integer({ min: 1, max: COLUMNS }),
    fc.nat(4),
    fc.nat(2)
  )
  .map(([top, left, h, w]) => ({
    top,
    left,
    bottom: Math.min(ROWS, top + h),
    right: Math.min(COLUMNS, left + w),
  }));
const style = fc.record(
  {
    bold: fc.boolean(),
    horizontal: fc.constantFrom("left" as const, "center" as const, "right" as const),
    fill: fc.constantFrom("#D9E1F2", "#F2F2F2"),
    border: fc.constant(true),
    numberFormat: fc.constant("0.00"),
  },
  { requiredKeys: [] }
);

describe("a plan's styles compacted for Office.js", () => {
  test("give every cell the same final style as the plan's styles applied one by one", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ area, style }), { maxLength: 40 }), (styles) => {
        const values = Array.from({ length: ROWS }, () => new Array(COLUMNS).fill(null));
        const runs = compactStyles({ styles, values, columnWidths: new Array(COLUMNS).fill(10) });
        expect(applied(runs)).toEqual(applied(styles));
      }),
      { numRuns: 500 }
    );
  });

  test("a style per cell of a 10,000-row column becomes one call", () => {
    const styles = Array.from({ length: 10000 }, (_, i) => ({
      area: { top: i + 1, left: 2, bottom: i + 1, right: 2 },
      style: { horizontal: "right" as const },
    }));
    const values = Array.from({ length: 10000 }, () => [null, null]);
    expect(compactStyles({ styles, values, columnWidths: [5, 5] })).toEqual([
      { area: { top: 1, left: 2, bottom: 10000, right: 2 }, style: { horizontal: "right" } },
    ]);
  });
});

describe("merges and heights compacted", () => {
  test("single-row merges of consecutive rows over the same columns become one merge across", () => {
    const merges = [
      { top: 3, left: 2, bottom: 3, right: 4 },
      { top: 4, left: 2, bottom: 4, right: 4 },
      { top: 5, left: 2, bottom: 5, right: 4 },
      { top: 7, left: 2, bottom: 7, right: 4 },
      { top: 3, left: 1, bottom: 6, right: 1 },
    ];
    expect(compactMerges(merges)).toEqual([
      { area: { top: 3, left: 1, bottom: 6, right: 1 }, across: false },
      { area: { top: 3, left: 2, bottom: 5, right: 4 }, across: true },
      { area: { top: 7, left: 2, bottom: 7, right: 4 }, across: false },
    ]);
  });

  test("rows of one height in a run become one range", () => {
    expect(
      compactHeights([
        { row: 2, height: 15 },
        { row: 3, height: 15 },
        { row: 4, height: 30 },
        { row: 6, height: 30 },
      ])
    ).toEqual([
      { top: 2, bottom: 3, height: 15 },
      { top: 4, bottom: 4, height: 30 },
      { top: 6, bottom: 6, height: 30 },
    ]);
  });
});
