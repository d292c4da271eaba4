import fc from "fast-check";
import { readText, readTypedNumber, Reading } from "../../src/core/read-cell";

/**
 * Texts as officers paste them from LKjIP documents (Word, PDF) into a target, realisasi or budget
 * cell, with what CONTRACT.md §2 says they are. `money` marks a budget or pendapatan cell.
 */
type Expected = number | [number, number] | "teks" | "galat" | "kosong";
const PASTED: [text: string, expected: Expected, money?: boolean][] = [
  // Figures as the seed's tables print them
  ["80,30", 80.3],
  ["80,30 %", 80.3],
  ["100%", 100],
  ["98 %", 98],
  ["2 %", 2],
  ["0,29 %", 0.29],
  ["102,94", 102.94],
  ["82.28", 82.28],
  [">82", 82],
  ["≥ 80,90", 80.9],
  ["<1%", 1],
  // Units and notes after the number
  ["775 orang", 775],
  ["2 dokumen", 2],
  ["12 bulan", 12],
  ["96 kegiatan", 96],
  ["5 dokumen.", 5],
  ["2 (Sertifikat akreditasi B untuk Balai Diklat)", 2],
  ["2 (Sertifikat ISO 9001 : 2015)", 2],
  ["1 dokumen (LKjIP Tahun 2020)", 1],
  ["100 % (sesuai Permendagri 86/2017)", 100],
  ["12 bulan (Januari s.d. Desember 2020)", 12],
  // Rupiah as typed in Bab III C
  ["Rp. 18.700.000,-", 18700000, true],
  ["Rp.639.006.520,-", 639006520, true],
  ["Rp 37.740.651.000", 37740651000, true],
  ["Rp. 22.460.481,-", 22460481, true],
  ["Rp 1.234.567,89", 1234567.89, true],
  // Spaces and no-break spaces between groups of three
  ["1 234 567,89", 1234567.89, true],
  ["37\u00a0740\u00a0651\u00a0000", 37740651000, true],
  ["Rp 18 700 000", 18700000, true],
  ["12 345", 12345],
  ["5 000 orang", 5000],
  // Magnitude words anywhere, abbreviations in money cells only
  ["1,5 juta", 1500000],
  ["250 ribu", 250000],
  ["2 miliar", 2000000000],
  ["Rp 37,74 milyar", 37740000000, true],
  ["1 triliun", 1000000000000],
  ["Rp 1,5 M", 1500000000, true],
  ["3,2 jt", 3200000, true],
  ["250 rb", 250000, true],
  ["2 T", 2000000000000, true],
  ["Rp 1,5 M", "galat"],
  ["3,2 jt", "galat"],
  // Ranges
  ["7-8 bulan", [7, 8]],
  ["7 – 8", [7, 8]],
  ["80 s.d. 85", [80, 85]],
  ["1-2 juta", [1000000, 2000000]],
  // Cut down to a first number before: now each one is an error naming the cell
  ["1 234 567,89 12", "galat", true],
  ["80, 30", "galat"],
  ["1e3", "galat"],
  ["12/15", "galat"],
  ["12 3 4", "galat"],
  ["80,30 (2019) 81", "galat"],
  ["82 dari 100", "galat"],
  ["500 m2", "galat"],
  // Qualitative and missing
  ["WTP", "teks"],
  ["Opini WTP", "teks"],
  ["A", "teks"],
  ["BB", "teks"],
  ["-", "kosong"],
  ["–", "kosong"],
];

function outcome(r: Reading): Expected {
  switch (r.kind) {
    case "number":
      return r.value;
    case "range":
      return [r.low, r.high];
    case "text":
      return "teks";
    case "invalid":
      return "galat";
    case "missing":
      return "kosong";
  }
}

describe("texts pasted from LKjIP documents (CONTRACT.md §2)", () => {
  test("the table holds at least 40 texts", () => {
    expect(PASTED.length).toBeGreaterThanOrEqual(40);
  });
  // Rows padded to three cells: test.each would take a missing third argument for jest's `done`.
  const rows = PASTED.map(([text, expected, money]) => [text, expected, money ?? false] as const);
  test.each(rows)("%j → %j (money cell: %s)", (text, expected, money) => {
    expect(outcome(readText(text, { money }))).toEqual(expected);
  });
  test("a magnitude word makes a number stored as text (a warning: Excel will not sum it)", () => {
    expect(readText("1,5 juta")).toEqual({ kind: "number", value: 1500000, numberAsText: true });
  });
  test("an abbreviation outside a money cell says which one", () => {
    expect(readText("3,2 jt")).toMatchObject({ kind: "invalid", abbreviation: "jt" });
  });
});

/** The digits of a text outside notes in parentheses, without leading or trailing zeros. */
function significant(digits: string): string {
  return digits.replace(/^0+/, "").replace(/0+$/, "");
}

describe("the reader never cuts a number down", () => {
  const pieces = fc.constantFrom(
    "1",
    "12",
    "123",
    "1.234",
    "80,30",
    "0,5",
    " ",
    "  ",
    ",",
    ".",
    "/",
    "-",
    "e",
    "%",
    "Rp ",
    "juta",
    " juta",
    " ribu",
    "miliar",
    " M",
    " jt",
    "orang",
    " (2015)",
    "(",
    ")",
    "\u00a0",
    "1 234",
    "9",
    "07",
    " s.d. ",
    "≥",
    "<"
  );
  test("whatever is read as one number holds every digit outside parentheses, magnitude aside", () => {
    fc.assert(
      fc.property(
        fc.array(pieces, { minLength: 1, maxLength: 7 }),
        fc.boolean(),
        (parts, money) => {
          const text = parts.join("");
          const r = readText(text, { money });
          if (r.kind !== "number") return;
          const outside = text.replace(/\([^()]*\)/g, "").replace(/\D/g, "");
          const read = String(Math.abs(r.value)).includes("e")
            ? BigInt(Math.round(Math.abs(r.value))).toString()
            : String(Math.abs(r.value)).replace(".", "");
          expect(significant(read)).toBe(significant(outside));
        }
      ),
      { numRuns: 20000 }
    );
  });
});

describe("a number typed into a form field (settings)", () => {
  test.each([
    ["120", 120],
    ["90,5", 90.5],
    ["1.234,5", 1234.5],
    ["", null],
    ["12abc", null],
    ["120 dokumen", null],
    [">90", null],
    ["1,2,3", null],
  ])("%j → %p", (text, value) => {
    expect(readTypedNumber(text)).toBe(value);
  });
});
