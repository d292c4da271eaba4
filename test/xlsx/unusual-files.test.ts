/**
 * Files other programs write that the first version of the package code read wrongly or choked on
 * (found by an audit with real and fuzzed files): each read as Excel shows it, written without
 * harm, or refused with a true sentence.
 */
import JSZip from "jszip";
import { hitung } from "../../src/app/hitung";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { readCells } from "../../src/workbook/xlsx/sheet-cells";
import { UnreadableWorkbook } from "../../src/workbook/xlsx/file-check";
import { XlsxSession } from "../../src/workbook/xlsx/xlsx-session";
import { partText } from "./read-back";

const encode = (xml: string) => new TextEncoder().encode(xml);
const context = { sharedString: () => undefined, formatOf: () => "General", date1904: false };
const SHEET = "xl/worksheets/sheet1.xml";

/** The seed (PK 2020 as sheet1) with parts edited. */
async function seedWith(edits: Record<string, ((xml: string) => string | null) | string>) {
  const zip = await JSZip.loadAsync(await workbookFromSpecs([perjanjianKinerja(true), anggaran()]));
  for (const [part, edit] of Object.entries(edits)) {
    if (typeof edit === "string") zip.file(part, edit);
    else {
      const changed = edit(await zip.file(part)!.async("string"));
      if (changed === null) zip.remove(part);
      else zip.file(part, changed);
    }
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

async function run(bytes: Uint8Array) {
  const session = await XlsxSession.open(bytes);
  const outcome = await hitung(session, { lembar: true, signOff: session.stored.signOff });
  return { session, outcome, out: outcome.written ? await session.save() : null };
}

async function refusal(bytes: Uint8Array): Promise<string> {
  try {
    await run(bytes);
  } catch (error) {
    if (error instanceof UnreadableWorkbook) return error.message;
    throw error;
  }
  throw new Error("not refused");
}

test("a row written without its number, whose cells carry theirs, is the row its cells say", async () => {
  const bytes = await seedWith({ [SHEET]: (xml) => xml.replace('<row r="11"', "<row") });
  const { outcome, out } = await run(bytes);
  expect(outcome.result.total).toBe(101.56);
  const sheet = partText(out!, SHEET);
  expect(sheet.match(/r="I11"/g)).toHaveLength(1);
  expect(sheet).toMatch(/<c r="I11" s="\d+"><v>101.56<\/v><\/c>/);
});

test("a formula that gives an empty text is an empty text, not a formula never calculated", () => {
  const [grid] = readCells(
    encode(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="str"><f>IF(B1="","",B1)</f><v></v></c><c r="B1"><f>1/0</f></c></row></sheetData></worksheet>'
    ),
    "s.xml",
    [{ top: 1, left: 1, bottom: 1, right: 2 }],
    context
  );
  expect(grid.values[0]).toEqual(["", { error: "#BELUM_DIHITUNG" }]);
});

test("an ISO date cell without a zone is the date it shows, wherever the computer is", () => {
  const [grid] = readCells(
    encode(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="d"><v>2021-01-15T00:00:00</v></c><c r="B1" t="d"><v>2021-01-15</v></c></row></sheetData></worksheet>'
    ),
    "s.xml",
    [{ top: 1, left: 1, bottom: 1, right: 2 }],
    context
  );
  expect(grid.values[0]).toEqual([
    { date: "2021-01-15T00:00:00.000Z" },
    { date: "2021-01-15T00:00:00.000Z" },
  ]);
});

test('a sheet entry without a relationship (an old VBA module sheet, r:id="") is passed over', async () => {
  const bytes = await seedWith({
    "xl/workbook.xml": (xml) =>
      xml.replace("</sheets>", '<sheet name="Module1" sheetId="9" r:id=""/></sheets>'),
  });
  const { outcome } = await run(bytes);
  expect(outcome.result.total).toBe(101.56);
});

test("a worksheet without sheetData gets one for the written cells, where the schema puts it", async () => {
  const bytes = await seedWith({
    "xl/worksheets/sheet2.xml": (xml) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, ""),
  });
  const { out } = await run(bytes);
  const sheet = partText(out!, "xl/worksheets/sheet2.xml");
  // The budget's rows are empty here, so the totals on row 7 are what is written.
  expect(sheet).toMatch(/<\/cols><sheetData><row r="7"><c r="C7" s="\d+"><v>0<\/v><\/c>/);
});

test("a part related as a sheet that is no sheet, a package without content types: sentences", async () => {
  const styles = await seedWith({
    "xl/_rels/workbook.xml.rels": (xml) =>
      xml.replace('Target="worksheets/sheet1.xml"', 'Target="styles.xml"'),
  });
  expect(await refusal(styles)).toContain(
    "disebut sebagai lembar kerja, tetapi isinya bukan lembar kerja (<styleSheet>)"
  );
  const types = await seedWith({ "[Content_Types].xml": () => null, "_rels/.rels": () => null });
  expect(await refusal(types)).toContain("bagian [Content_Types].xml tidak ada");
});

test("a name over a million cells is told, not read", async () => {
  const bytes = await seedWith({
    "xl/workbook.xml": (xml) =>
      xml.replace(
        /(<definedName name="Capaian">)[^<]*/,
        (_m, tag) => `${tag}'PK 2020'!$A$1:$CV$1000000`
      ),
  });
  const { session, outcome } = await run(bytes);
  expect(outcome.written).toBe(false);
  expect(outcome.result.findings.map((f) => f.message)).toContainEqual(
    expect.stringContaining('Nama "Capaian" menunjuk ke 100.000.000 sel')
  );
  expect(session.cellsRead).toBeLessThan(100);
});

test("a web extension part nested 100,000 deep does not overflow the stack", async () => {
  const deep = `<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11">${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}</we:webextension>`;
  const { outcome } = await run(await seedWith({ "xl/webextensions/webextension1.xml": deep }));
  expect(outcome.result.total).toBe(101.56);
});

test("an array formula written over in part: the user is told its other cells lost it", async () => {
  const bytes = await seedWith({
    [SHEET]: (xml) =>
      xml
        .replace(
          /<c r="I7"><v>[^<]*<\/v><\/c>/,
          '<c r="I7"><f t="array" ref="I7:I9">H7:H9</f><v>102.94</v></c>'
        )
        .replace(/<c r="I8"><v>[^<]*<\/v><\/c>/, '<c r="I8"><v>100.34</v></c>')
        .replace(/(<c r="H9"[^>]*>(?:(?!<\/c>).)*<\/c>)/, '$1<c r="I9"><v>100</v></c>'),
  });
  const { session, outcome } = await run(bytes);
  expect(outcome.written).toBe(true);
  expect(session.notes.join(" ")).toContain(
    "Rumus larik (array) di 'PK 2020'!I7:I9 ditimpa sebagian"
  );
});

test("a sheet it cannot write into (rows out of order) is still read and checked; writing it is told", async () => {
  const bytes = await seedWith({
    [SHEET]: (xml) => {
      const rows = xml.match(/<row [\s\S]*?<\/row>/g)!;
      return xml.replace(rows[1] + rows[2], rows[2] + rows[1]);
    },
  });
  const session = await XlsxSession.open(bytes);
  const outcome = await hitung(session);
  expect(outcome.result.total).toBe(101.56);
  await expect(session.save()).rejects.toThrow("baris atau selnya tidak berurutan");
});

test("a template keeps its kind: the result's extension follows the workbook's content type", async () => {
  const bytes = await seedWith({
    "[Content_Types].xml": (xml) =>
      xml.replace("spreadsheetml.sheet.main+xml", "spreadsheetml.template.main+xml"),
  });
  expect((await XlsxSession.open(bytes)).extension).toBe(".xltx");
  expect((await XlsxSession.open(await seedWith({}))).extension).toBe(".xlsx");
});
