import fc from "fast-check";
import { Splices } from "../../src/workbook/xlsx/splices";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

interface Edit {
  kind: "replace" | "insert";
  start: number;
  end: number;
  text: string;
}

/** The edits applied one by one to the text, from the last offset back; ties in the order made. */
function reference(source: string, edits: Edit[]): string {
  const ordered = edits
    .map((e, made) => ({ ...e, made }))
    .sort((a, b) => b.start - a.start || b.made - a.made);
  let out = source;
  for (const e of ordered) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** Non-overlapping edits over a source of `length` ASCII characters, made in a shuffled order. */
const editsOver = (length: number) =>
  fc
    .array(
      fc.record({
        at: fc.integer({ min: 0, max: length }),
        span: fc.integer({ min: 0, max: 4 }),
        insert: fc.boolean(),
        text: fc.oneof(
          fc.string({ maxLength: 6 }),
          fc.string({ unit: "grapheme", maxLength: 4 }),
          fc.constantFrom('<c r="A1"/>', "Rp 18.700.000", "Capaian 102,95 %", "")
        ),
      }),
      { maxLength: 12 }
    )
    .map((raw) => {
      // An edit that would overlap one made before it is left out. Insertions may share an offset,
      // and may come before a replacement starting there, but not after it (that is an overlap).
      const edits: Edit[] = [];
      const clashes = (start: number, end: number, e: Edit) => {
        if (end > start && e.end > e.start) return start < e.end && e.start < end;
        if (end > start) return start < e.start && e.start < end;
        return e.start <= start && start < e.end;
      };
      for (const r of raw) {
        const start = r.at;
        const end = r.insert ? start : Math.min(length, start + r.span);
        if (edits.some((e) => clashes(start, end, e))) continue;
        edits.push({ kind: r.insert ? "insert" : "replace", start, end, text: r.text });
      }
      return edits;
    });

describe("splices", () => {
  test("give what applying each edit to the text gives, whatever the order they were made in", () => {
    fc.assert(
      fc.property(
        fc
          .stringMatching(/^[ -~]{0,40}$/)
          .chain((source) => fc.tuple(fc.constant(source), editsOver(source.length))),
        ([source, edits]) => {
          const splices = new Splices();
          for (const e of edits)
            if (e.kind === "insert") splices.insert(e.start, e.text);
            else splices.replace(e.start, e.end, e.text);
          const out = splices.apply(encoder.encode(source));
          expect(decoder.decode(out)).toBe(reference(source, edits));
          expect(splices.size).toBeLessThanOrEqual(edits.length);
        }
      ),
      { numRuns: 500 }
    );
  });

  test("insertions at one offset keep their order, and a part with no edits is returned as it is", () => {
    const source = encoder.encode("<row></row>");
    const splices = new Splices();
    expect(splices.apply(source)).toBe(source);
    splices.insert(5, '<c r="A1"/>');
    splices.insert(5, '<c r="B1">é</c>');
    splices.replace(0, 4, '<row r="1"');
    splices.insert(5, '<c r="C1"/>');
    expect(decoder.decode(splices.apply(source))).toBe(
      '<row r="1"><c r="A1"/><c r="B1">é</c><c r="C1"/></row>'
    );
  });

  test("overlapping edits are refused", () => {
    const splices = new Splices();
    splices.replace(2, 6, "x");
    splices.replace(4, 8, "y");
    expect(() => splices.apply(encoder.encode("0123456789"))).toThrow("overlapping edits");
  });
});
