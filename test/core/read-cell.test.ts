import fc from "fast-check";
import { readCell, readText, parseNumberToken } from "../../src/core/read-cell";
import { formatAngka } from "../../src/core/format";

describe("CONTRACT.md §2: text read the Indonesian way", () => {
  const numbers: [string, number][] = [
    ["80,30", 80.3],
    ["0,800%", 0.8],
    ["100 %", 100],
    ["1.400", 1400],
    ["37.740.651.000", 37740651000],
    ["1.234.567,89", 1234567.89],
    ["Rp. 18.700.000,-", 18700000],
    ["Rp 639.006.520", 639006520],
    ["82.28", 82.28],
    ["0.648", 0.648],
    ["1.234,5", 1234.5],
    ["1,234.5", 1234.5],
  ];
  test.each(numbers)("%s is %d, a number stored as text", (text, value) => {
    expect(readText(text)).toEqual({ kind: "number", value, numberAsText: true });
  });

  test.each([
    [">82", 82],
    ["≥ 82", 82],
    ["> 82", 82],
    [">= 82", 82],
  ])("%s is %d with polarity positif", (text, value) => {
    expect(readText(text)).toEqual({
      kind: "number",
      value,
      numberAsText: false,
      impliedPolarity: "positif",
    });
  });

  test.each([
    ["<1%", 1],
    ["≤ 5", 5],
    ["< 1 %", 1],
  ])("%s is %d with polarity negatif", (text, value) => {
    expect(readText(text)).toEqual({
      kind: "number",
      value,
      numberAsText: false,
      impliedPolarity: "negatif",
    });
  });

  test.each([
    ["2 (Sertifikat akreditasi B ...)", 2],
    ["12 bulan", 12],
    ["5 orang", 5],
    ["2.000 kartu", 2000],
  ])("%s is %d, a number with words (no warning)", (text, value) => {
    expect(readText(text)).toEqual({ kind: "number", value, numberAsText: false });
  });

  test.each([
    ["7-8 bulan", 7, 8],
    ["7 – 8", 7, 8],
    ["7 s/d 8", 7, 8],
  ])("%s is the range %d to %d", (text, low, high) => {
    expect(readText(text)).toEqual({ kind: "range", low, high });
  });

  test.each(["WTP", "A", "BB", "Sertifikasi Mutu dan Akreditasi"])(
    "%s is qualitative text",
    (text) => {
      expect(readText(text)).toEqual({ kind: "text", text });
    }
  );

  test.each(["", "-", "–", "   ", "\u00a0"])("%j is missing", (text) => {
    expect(readText(text)).toEqual({ kind: "missing" });
  });

  test("a negative number", () => {
    expect(readText("-5,5")).toEqual({ kind: "number", value: -5.5, numberAsText: true });
  });

  test.each(["1.23.4", "1,2,3", "1.234,5,6"])("%s is a malformed number", (text) => {
    expect(readText(text)).toMatchObject({ kind: "invalid", problem: "malformed-number" });
  });
});

describe("what a workbook gives besides text", () => {
  test("a number is taken as it is", () => {
    expect(readCell(80.3, "0.00")).toEqual({ kind: "number", value: 80.3, numberAsText: false });
  });
  test("a percent-formatted number counts as displayed", () => {
    expect(readCell(0.803, "0.00%")).toEqual({ kind: "number", value: 80.3, numberAsText: false });
    expect(readCell(0.008, "0.0%")).toMatchObject({ value: 0.8 });
  });
  test("a percent sign in a quoted literal is not a percent format", () => {
    expect(readCell(80.3, '0.00" %"')).toMatchObject({ value: 80.3 });
  });
  test("booleans, dates and error values are invalid, never zero", () => {
    expect(readCell(true)).toEqual({ kind: "invalid", problem: "boolean", shown: "TRUE" });
    expect(readCell(44196, "dd/mm/yyyy")).toMatchObject({ kind: "invalid", problem: "date" });
    expect(readCell({ date: "2020-12-31T00:00:00.000Z" })).toMatchObject({
      kind: "invalid",
      problem: "date",
    });
    expect(readCell({ error: "#DIV/0!" })).toEqual({
      kind: "invalid",
      problem: "error-value",
      shown: "#DIV/0!",
    });
    expect(readCell("#N/A")).toEqual({ kind: "invalid", problem: "error-value", shown: "#N/A" });
    expect(readCell(Number.NaN)).toMatchObject({ kind: "invalid" });
  });
  test("null is missing", () => {
    expect(readCell(null)).toEqual({ kind: "missing" });
  });
  test("format codes in quotes are not date codes", () => {
    expect(readCell(12, '0 "hari"')).toMatchObject({ kind: "number", value: 12 });
  });
});

describe("properties", () => {
  test("the reader never throws on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (s) => {
        const r = readText(s);
        expect(["missing", "number", "range", "text", "invalid"]).toContain(r.kind);
      }),
      { numRuns: 3000 }
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[<>≥≤rRp. ]{0,3}[-\d.,%]{0,14}[ a-z()%-]{0,6}$/), (s) => {
        const r = readText(s);
        if (r.kind === "number") expect(Number.isFinite(r.value)).toBe(true);
      }),
      { numRuns: 3000 }
    );
  });

  test("formatting a number the Indonesian way and reading it back gives the number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 99 }),
        (whole, cents) => {
          const n = Number(`${whole}.${String(cents).padStart(2, "0")}`);
          const r = readText(formatAngka(n, 2));
          expect(r).toMatchObject({ kind: "number", value: n });
        }
      ),
      { numRuns: 3000 }
    );
  });

  test("every token of digits with valid groups reads", () => {
    expect(parseNumberToken("1.234.567")).toBe(1234567);
    expect(parseNumberToken("1234.567")).toBe(1234.567);
    expect(parseNumberToken("0.100")).toBe(0.1);
  });
});
