/**
 * Writing cells into sheet XML, on random sheets: rows and cells with and without their numbers,
 * self-closing rows, spans, a namespace prefix. What the read noted and a pass of the writer's own
 * must give the same bytes, and the sheet read back holds exactly the written values.
 */
import fc from "fast-check";
import { columnLetters } from "../../src/core/address";
import type { CellValue } from "../../src/core/cell";
import { readCells } from "../../src/workbook/xlsx/sheet-cells";
import { SheetIndex } from "../../src/workbook/xlsx/sheet-index";
import { Patches, PatchValue } from "../../src/workbook/xlsx/patches";
import { patchSheet } from "../../src/workbook/xlsx/sheet-patch";

interface Sheet {
  prefix: string;
  rows: {
    number: number;
    cells: { column: number; value: number | string | null }[];
    spans: boolean;
  }[];
}

const sheetArbitrary: fc.Arbitrary<Sheet> = fc.record({
  prefix: fc.constantFrom("", "x:"),
  rows: fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { maxLength: 12 }).chain((numbers) =>
    fc.tuple(
      ...[...numbers]
        .sort((a, b) => a - b)
        .map((number) =>
          fc.record({
            number: fc.constant(number),
            spans: fc.boolean(),
            cells: fc
              .uniqueArray(fc.integer({ min: 1, max: 8 }), { maxLength: 6 })
              .chain((columns) =>
                fc.tuple(
                  ...[...columns]
                    .sort((a, b) => a - b)
                    .map((column) =>
                      fc.record({
                        column: fc.constant(column),
                        value: fc.oneof(fc.integer(), fc.constantFrom("teks & <x>", null)),
                      })
                    )
                )
              ),
          })
        )
    )
  ),
});

/** The sheet as XML, leaving out `r` where Excel's counting gives the same number. */
function sheetXml(sheet: Sheet, omit: boolean[]): string {
  const p = sheet.prefix;
  let previousRow = 0;
  let k = 0;
  const rows = sheet.rows.map((row) => {
    const rowR =
      omit[k++ % omit.length] && row.number === previousRow + 1 ? "" : ` r="${row.number}"`;
    previousRow = row.number;
    let previousColumn = 0;
    const cells = row.cells.map(({ column, value }) => {
      const ref =
        omit[k++ % omit.length] && column === previousColumn + 1
          ? ""
          : ` r="${columnLetters(column)}${row.number}"`;
      previousColumn = column;
      if (value === null) return `<${p}c${ref} s="1"/>`;
      if (typeof value === "number") return `<${p}c${ref}><${p}v>${value}</${p}v></${p}c>`;
      return `<${p}c${ref} t="inlineStr"><${p}is><${p}t>teks &amp; &lt;x&gt;</${p}t></${p}is></${p}c>`;
    });
    const spans =
      row.spans && row.cells.length
        ? ` spans="${row.cells[0].column}:${row.cells[row.cells.length - 1].column}"`
        : "";
    return cells.length
      ? `<${p}row${rowR}${spans}>${cells.join("")}</${p}row>`
      : `<${p}row${rowR}${spans}/>`;
  });
  const ns = `xmlns${p ? `:${p.slice(0, -1)}` : ""}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`;
  return `<${p}worksheet ${ns}><${p}dimension ref="A1:H30"/><${p}sheetData>${rows.join("")}</${p}sheetData></${p}worksheet>`;
}

const patchArbitrary = fc.array(
  fc.record({
    row: fc.integer({ min: 1, max: 32 }),
    column: fc.integer({ min: 1, max: 9 }),
    patch: fc.oneof(
      fc.record({
        value: fc.double({ noNaN: true, noDefaultInfinity: true }),
        format: fc.constantFrom(null, "0.00"),
      }),
      fc.constant<{ value: PatchValue; format: string | null }>({ value: "", format: null }),
      fc.constant<{ value: PatchValue; format: string | null }>({ value: null, format: "0.00" })
    ),
  }),
  { minLength: 1, maxLength: 20 }
);

const context = { sharedString: () => undefined, formatOf: () => "General", date1904: false };
const styles = { withFormat: (s: number) => 100 + s };
const encode = (xml: string) => new TextEncoder().encode(xml);
const ALL = { top: 1, left: 1, bottom: 40, right: 12 };

test("the read's notes and a whole pass give the same sheet, holding exactly what was written", () => {
  fc.assert(
    fc.property(
      sheetArbitrary,
      fc.array(fc.boolean(), { minLength: 1, maxLength: 7 }),
      patchArbitrary,
      (sheet, omit, list) => {
        const bytes = encode(sheetXml(sheet, omit));
        const patches = Patches.of(
          list.map(({ row, column, patch }) => ({ row, column, ...patch }))
        );
        const rows = patches.rows;
        const area = {
          top: Math.min(...rows),
          bottom: Math.max(...rows),
          left: 1,
          right: 9,
        };
        const noted = new SheetIndex();
        const [before] = readCells(bytes, "s.xml", [ALL], context);
        readCells(bytes, "s.xml", [area], context, noted);
        const viaRead = patchSheet(bytes, "s.xml", patches, styles, noted).bytes;
        const whole = patchSheet(bytes, "s.xml", patches, styles).bytes;
        expect(Buffer.from(viaRead).toString()).toBe(Buffer.from(whole).toString());

        const expected: CellValue[][] = before.values.map((row) => [...row]);
        // The cells as listed, the later of two for one cell winning.
        const last = new Map(list.map((cell) => [`${cell.row}:${cell.column}`, cell]));
        for (const { row, column, patch } of last.values()) {
          const value = patch.value;
          // Excel keeps no negative zero: -0 is written as 0.
          if (value !== null) expected[row - 1][column - 1] = value === "" ? null : value + 0;
        }
        const [after] = readCells(whole, "s.xml", [ALL], context);
        expect(after.values).toEqual(expected);
      }
    ),
    { numRuns: 300 }
  );
});

test("a number keeps its shortest exact form; a cleared cell keeps its style", () => {
  const bytes = encode(
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="7"><c r="H7" s="3" t="s"><v>4</v></c></row></sheetData></worksheet>'
  );
  const one = (value: number | "") => {
    const patches = Patches.of([{ row: 7, column: 8, value, format: null }]);
    return new TextDecoder().decode(patchSheet(bytes, "s.xml", patches, styles).bytes);
  };
  expect(one(102.95)).toContain('<c r="H7" s="3"><v>102.95</v></c>');
  expect(one(0.1 + 0.2)).toContain("<v>0.30000000000000004</v>");
  expect(one("")).toContain('<c r="H7" s="3"/>');
});

describe("the written cells, row by row", () => {
  const cellsOf = (patches: Patches) =>
    patches.rows.flatMap((row, ri) =>
      patches.columns.slice(patches.cellsFrom(ri), patches.cellsTo(ri)).map((column, k) => {
        const i = patches.cellsFrom(ri) + k;
        return [row, column, patches.values[i], patches.formats[i]];
      })
    );

  test("columns are merged by row, in column order; blank cells without a format are left out", () => {
    const patches = Patches.fromColumns([
      { top: 3, left: 6, values: [1, null, 3], formats: [null, null, "0.00"] },
      { top: 2, left: 2, values: [null, 20, 30], formats: ["0", undefined, null] },
    ]);
    expect(cellsOf(patches)).toEqual([
      [2, 2, null, "0"],
      [3, 2, 20, null],
      [3, 6, 1, null],
      [4, 2, 30, null],
      [5, 6, 3, "0.00"],
    ]);
    expect(patches.find(4)).toBe(2);
    expect(patches.find(6)).toBe(-1);
    expect([0, 1, 2, 3, 4].map((i) => patches.rowOf(i))).toEqual([2, 3, 3, 4, 5]);
  });

  test("of two columns writing one cell, the later wins, from columns or from cells", () => {
    const fromColumns = Patches.fromColumns([
      { top: 1, left: 4, values: [1, 2], formats: [null, null] },
      { top: 2, left: 4, values: [9], formats: ["0.00"] },
    ]);
    expect(cellsOf(fromColumns)).toEqual([
      [1, 4, 1, null],
      [2, 4, 9, "0.00"],
    ]);
    const fromCells = Patches.of([
      { row: 2, column: 4, value: 2, format: null },
      { row: 1, column: 4, value: 1, format: null },
      { row: 2, column: 4, value: 9, format: "0.00" },
    ]);
    expect(cellsOf(fromCells)).toEqual(cellsOf(fromColumns));
  });

  test("cells added out of order are refused, not written in the wrong place", () => {
    const patches = new Patches();
    patches.add(5, 3, 1, null);
    expect(() => patches.add(5, 2, 1, null)).toThrow();
    expect(() => patches.add(4, 9, 1, null)).toThrow();
  });
});
