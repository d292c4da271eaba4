/**
 * CONTRACT §9 over the package corpus (test/fixtures/fitur: what an OPD keeps in its workbook;
 * test/fixtures/bentuk: the shapes other programs write): every workbook is read, computed and
 * written; the result holds the input's parts plus the contract's additions, every untouched part
 * byte for byte, every changed part equal to the input once the contract's changes are taken out;
 * LibreOffice opens every result; a second run gives the same file.
 */
import fs from "fs";
import os from "os";
import path from "path";
import { hitung } from "../../src/app/hitung";
import { columnLetters } from "../../src/core/address";
import { XlsxSession } from "../../src/workbook/xlsx/xlsx-session";
import { readZip } from "../../src/workbook/xlsx/zip";
import { FEATURES, SHAPES } from "../fixtures/features";
import { convertAll } from "../libreoffice";
import { partsOf } from "./read-back";

const FIXTURES = path.join(__dirname, "..", "fixtures");
const SAMPLE = path.join(
  __dirname,
  "..",
  "..",
  "assets",
  "contoh",
  "lkjip-2020-bkpp-semarang.xlsx"
);

interface Case {
  file: string;
  /** Addresses ("H7") the contract wrote, on any sheet. */
  written: Set<string>;
  input: Uint8Array;
  output: Uint8Array;
  second: Uint8Array;
  total: number | null;
  /** Every text the engine read for the indicators and their sasaran. */
  texts: string[];
  tanggal: string;
  cellsRead: number;
}

const cases: Case[] = [];
let converted: (string | null)[] = [];

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** The raw (compressed) bytes of each entry, by name. */
function rawEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = readZip(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Map(
    zip.entries.map((e) => {
      const start =
        e.offset + 30 + view.getUint16(e.offset + 26, true) + view.getUint16(e.offset + 28, true);
      return [e.name, bytes.subarray(start, start + e.compressedSize)];
    })
  );
}

const FILES = [
  ...FEATURES.map((f) => path.join(FIXTURES, "fitur", f.file)),
  ...SHAPES.map((f) => path.join(FIXTURES, "bentuk", f.file)),
  SAMPLE,
];

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-lossless-"));
  const outputs: string[] = [];
  for (const file of FILES) {
    const input = new Uint8Array(fs.readFileSync(file));
    const session = await XlsxSession.open(input);
    const outcome = await hitung(session, { lembar: true, signOff: session.stored.signOff });
    const output = await session.save();
    const again = await XlsxSession.open(output);
    await hitung(again, { lembar: true, signOff: again.stored.signOff });
    const second = await again.save();
    const written = new Set<string>();
    for (const w of outcome.result.writes)
      w.values.forEach((v, r) => {
        if (v !== null) written.add(`${columnLetters(w.left)}${w.top + r}`);
      });
    cases.push({
      file: path.basename(file),
      written,
      input,
      output,
      second,
      total: outcome.result.total,
      texts: outcome.result.indicators.flatMap((x) => [x.sasaran ?? "", x.indikator ?? ""]),
      tanggal: outcome.result.signOff.tanggal,
      cellsRead: session.cellsRead,
    });
    const out = path.join(dir, path.basename(file).replace(/\.xls[xm]$/, "-hasil$&"));
    fs.writeFileSync(out, output);
    outputs.push(out);
  }
  converted = convertAll(outputs, "csv");
}, 300_000);

/** The files by name, known before the cases are built (test.each needs its table at once). */
const each = () =>
  FILES.map((file) => {
    const name = path.basename(file);
    return [name, { get: () => cases.find((c) => c.file === name)! }] as const;
  });

/** A letter column ("AB") as a number. */
const columnOf = (letters: string) =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * A sheet with the given cells taken out (rows and cells without `r` counted as Excel counts them),
 * rows left without cells dropped, and the two size hints a write may widen (the sheet's
 * `dimension`, a row's `spans`) left out: what must be equal before and after a write.
 */
function withoutCells(xml: string, cells: Set<string>): string {
  let row = 0;
  let column = 0;
  const rowsDone = xml.replace(
    /<((?:\w+:)?)row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1row>)/g,
    (whole, _p: string, attrs: string, body: string | undefined) => {
      const r = /\br="(\d+)"/.exec(attrs);
      row = r ? Number(r[1]) : row + 1;
      column = 0;
      if (body === undefined) return "";
      const kept = body.replace(
        /<((?:\w+:)?)c\b([^>]*?)(?:\/>|>[\s\S]*?<\/\1c>)/g,
        (cell, _cp: string, cellAttrs: string) => {
          const ref = /\br="([A-Z]+)\d*"/.exec(cellAttrs);
          column = ref ? columnOf(ref[1]) : column + 1;
          return cells.has(`${columnLetters(column)}${row}`) ? "" : cell;
        }
      );
      return kept === "" ? "" : whole.replace(body, kept);
    }
  );
  return rowsDone.replace(/<(\w+:)?dimension [^>]*\/>/, "").replace(/ spans="[^"]*"/g, "");
}

/** The style table without what was appended: the sections' new children and their counts. */
function withoutAppended(output: string, input: string): string {
  let out = output;
  for (const section of ["numFmts", "fonts", "fills", "borders", "cellXfs"]) {
    const pattern = new RegExp(
      `(<(?:\\w+:)?${section}\\b)([^>]*?)(/>|>([\\s\\S]*?)</(?:\\w+:)?${section}>)`
    );
    const before = pattern.exec(input);
    const after = pattern.exec(out);
    if (!after) continue;
    if (!before) {
      out = out.replace(after[0], ""); // a section the part did not have
      continue;
    }
    const inner = before[4] ?? "";
    expect((after[4] ?? "").startsWith(inner)).toBe(true); // nothing existing changed index
    out = out.replace(after[0], before[0]);
  }
  return out;
}

/**
 * Cells the contract changes besides those it writes: the next cell of a shared formula whose first
 * cell was overwritten takes the formula (checked on its own below).
 */
const MOVED_MASTER: Record<string, string[]> = { "rumus-bersama.xlsx": ["H10"] };

describe("every changed part is the input plus the contract's changes", () => {
  test.each(each())("%s", (_file, one) => {
    const c = one.get();
    const input = partsOf(c.input);
    const output = partsOf(c.output);
    for (const [name, bytes] of input) {
      if (!output.has(name)) continue;
      const before = decode(bytes);
      const after = decode(output.get(name));
      if (before === after) continue;
      if (/<(\w+:)?worksheet\b/.test(before)) {
        const away = new Set([...c.written, ...(MOVED_MASTER[c.file] ?? [])]);
        expect([name, withoutCells(after, away)]).toEqual([name, withoutCells(before, away)]);
      } else if (/<(\w+:)?styleSheet\b/.test(before))
        expect([name, withoutAppended(after, before)]).toEqual([name, before]);
      else if (/<(\w+:)?workbook\b/.test(before))
        expect([
          name,
          after
            .replace(/<(\w+:)?sheet name="Lembar Pengukuran"[^>]*\/>/, "")
            .replace(
              /<(\w+:)?definedName name="_xlnm\.Print_Titles"[^>]*>'Lembar Pengukuran'![^<]*<\/\1definedName>/,
              ""
            )
            .replace(/<(\w+:)?definedNames><\/\1definedNames>/, ""),
        ]).toEqual([name, before]);
      else if (/\.rels$/.test(name))
        expect([name, withoutAdded(after, before, "Relationship")]).toEqual([
          name,
          before.replace(/<(\w+:)?Relationship [^>]*calcChain"[^>]*\/>/, ""),
        ]);
      else if (name === "[Content_Types].xml")
        expect([name, withoutAdded(after, before, "Override")]).toEqual([
          name,
          before.replace(/<(\w+:)?Override [^>]*calcChain[^>]*\/>/, ""),
        ]);
      else throw new Error(`${c.file}: ${name} changed`);
    }
  });
});

/** The elements (relationships, overrides) the input did not have, taken out. */
function withoutAdded(xml: string, input: string, element: string): string {
  return xml.replace(new RegExp(`<(\\w+:)?${element} [^>]*/>`, "g"), (whole) =>
    input.includes(whole) ? whole : ""
  );
}

describe("every workbook of the corpus", () => {
  test("is read and computed as the seed (total 101,56, the same texts) and written", () => {
    expect(cases.length).toBe(FEATURES.length + SHAPES.length + 1);
    const seed = cases[cases.length - 1].texts;
    expect(seed).toContain("Indeks Profesionalitas Aparatur Sipil Negara (ASN)");
    for (const c of cases) expect([c.file, c.total, c.texts]).toEqual([c.file, 101.56, seed]);
  });

  test.each(each())("%s: the result's parts are the input's plus the contract's", (_file, one) => {
    const c = one.get();
    const input = partsOf(c.input);
    const output = partsOf(c.output);
    const added = [...output.keys()].filter((n) => !input.has(n));
    const removed = [...input.keys()].filter((n) => !output.has(n));
    // The Lembar's sheet; a style table where the package had none.
    expect(added.filter((n) => !/\/styles\.xml$/.test(n))).toHaveLength(1);
    expect(added.every((n) => /worksheets\/sheet\d+\.xml$|styles\.xml$/.test(n))).toBe(true);
    // A calculation chain goes only where a formula was replaced by a value.
    expect(removed.every((n) => /calcChain\.xml$/.test(n))).toBe(true);
  });

  test.each(each())(
    "%s: every part with the same content keeps its compressed bytes",
    (_file, one) => {
      const c = one.get();
      const input = partsOf(c.input);
      const output = partsOf(c.output);
      const rawIn = rawEntries(c.input);
      const rawOut = rawEntries(c.output);
      let kept = 0;
      for (const [name, bytes] of input) {
        if (!output.has(name) || !Buffer.from(output.get(name)!).equals(Buffer.from(bytes)))
          continue;
        expect([
          name,
          Buffer.from(rawOut.get(name)!).equals(Buffer.from(rawIn.get(name)!)),
        ]).toEqual([name, true]);
        kept++;
      }
      expect(kept).toBeGreaterThan(0);
    }
  );

  test.each(each())(
    "%s: LibreOffice opens the result, showing the written capaian",
    (_file, one) => {
      const c = one.get();
      const csv = converted[cases.indexOf(c)];
      expect(csv).not.toBeNull();
      const text = fs.readFileSync(csv!, "utf8");
      expect(text).toMatch(/102\.95/);
      expect(text).toMatch(/100\.17/);
    }
  );

  test.each(each())("%s: a second run over the result gives the same file", (_file, one) => {
    const c = one.get();
    expect(Buffer.from(c.second).equals(Buffer.from(c.output))).toBe(true);
  });
});

test("a shared formula whose first cell is overwritten: the rest of its group keep the formula as their own", () => {
  const c = cases.find((x) => x.file === "rumus-bersama.xlsx")!;
  const sheet = decode(partsOf(c.output).get("xl/worksheets/sheet1.xml"));
  expect(sheet).toContain('<c r="H10"><f>F10/E10*100</f><v>80</v></c>');
  expect(sheet).not.toMatch(/<c r="H[789]"[^>]*>(?:(?!<\/c>).)*<f/);
  // LibreOffice computes it there: 40 / 50 × 100.
  const csv = fs.readFileSync(converted[cases.indexOf(c)]!, "utf8").split("\n");
  expect(csv[9]).toMatch(/,50,40,,80,?$/);
});

test("a sheet's size hint grows to take in the written cells", () => {
  const c = cases.find((x) => x.file === "openpyxl-grafik.xlsx")!;
  expect(decode(partsOf(c.input).get("xl/worksheets/sheet3.xml"))).toContain(
    '<dimension ref="A4:D10"/>'
  );
  expect(decode(partsOf(c.output).get("xl/worksheets/sheet3.xml"))).toContain(
    '<dimension ref="A4:F10"/>'
  );
});

describe("the shapes other programs write", () => {
  const part = (file: string, name: string, which: "input" | "output" = "output") =>
    decode(partsOf(cases.find((x) => x.file === file)![which]).get(name));

  test("what is added speaks the part's own prefix (x:, ns0:)", () => {
    expect(part("prefiks-x.xlsx", "xl/workbook.xml")).toMatch(
      /<x:sheet name="Lembar Pengukuran" sheetId="4" r:id="rId\d+"\/>/
    );
    expect(part("prefiks-x.xlsx", "xl/workbook.xml")).toContain(
      '<x:definedName name="_xlnm.Print_Titles" localSheetId="3">'
    );
    expect(part("prefiks-x.xlsx", "xl/worksheets/sheet1.xml")).toMatch(
      /<x:c r="H7" s="\d+"><x:v>102.95<\/x:v><\/x:c>/
    );
    expect(part("prefiks-x.xlsx", "xl/styles.xml")).toMatch(
      /<x:font><x:b\/><x:sz val="14"\/><x:name val="Arial"\/>/
    );
    expect(part("prefiks-ns0.xlsx", "xl/_rels/workbook.xml.rels")).toMatch(
      /<ns0:Relationship Id="rId\d+" Type="[^"]+\/worksheet" Target="worksheets\/sheet4.xml"\/>/
    );
    expect(part("prefiks-ns0.xlsx", "[Content_Types].xml")).toContain(
      '<ns0:Override PartName="/xl/worksheets/sheet4.xml"'
    );
  });

  test("a strict workbook gets a strict sheet and relationship", () => {
    expect(part("strict.xlsx", "xl/worksheets/sheet4.xml")).toContain(
      'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"'
    );
    expect(part("strict.xlsx", "xl/_rels/workbook.xml.rels")).toMatch(
      /Type="http:\/\/purl.oclc.org\/ooxml\/officeDocument\/relationships\/worksheet" Target="worksheets\/sheet4.xml"/
    );
  });

  test("parts at odd paths are found through the relationships; the Lembar goes beside the workbook", () => {
    expect(part("jalur-tak-lazim.xlsx", "book/s/1.xml")).toMatch(
      /<c r="H7" s="\d+"><v>102.95<\/v><\/c>/
    );
    expect(part("jalur-tak-lazim.xlsx", "book/worksheets/sheet4.xml")).toContain(
      "LEMBAR PENGUKURAN KINERJA"
    );
  });

  test("a package without a style table gets one, with its relationship and content type", () => {
    expect(part("paket-minimal.xlsx", "xl/styles.xml")).toContain("<cellXfs");
    expect(part("paket-minimal.xlsx", "xl/_rels/workbook.xml.rels")).toMatch(
      /relationships\/styles" Target="styles.xml"/
    );
    expect(part("paket-minimal.xlsx", "[Content_Types].xml")).toContain(
      'PartName="/xl/styles.xml"'
    );
  });

  test("dates in the 1904 system are read as the date they show", () => {
    expect(cases.find((x) => x.file === "tanggal-1904.xlsx")!.tanggal).toBe("15 Januari 2021");
  });

  test("validation over the whole sheet, 50,000 merges and a million-row dimension are not expanded", () => {
    // The names cover 51 cells (with RataRataCapaian, the sign-off cells and the budget): that many are read.
    const sample = cases.find((x) => x.file === "prefiks-x.xlsx")!.cellsRead;
    for (const file of ["hostil.xlsx", "gabung-50000.xlsx", "validasi-seluruh-lembar.xlsx"])
      expect([file, cases.find((x) => x.file === file)!.cellsRead]).toEqual([file, sample]);
    expect(sample).toBeLessThan(100);
    expect(part("hostil.xlsx", "xl/worksheets/sheet1.xml", "input")).toContain(
      '<dimension ref="A1:XFD1048576"/>'
    );
  });
});
