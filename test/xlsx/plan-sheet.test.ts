import { areaOf, SheetPlan } from "../../src/core/sheet-plan";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { XlsxSession } from "../../src/workbook/xlsx/xlsx-session";
import { excelRead, partsOf, partText } from "./read-back";

const plan = (): SheetPlan => ({
  name: "Lembar Uji",
  font: { name: "Arial", size: 10 },
  values: [
    ["JUDUL & <RINGKAS>", null, null],
    ["Indikator", "Target", "Capaian"],
    ["Indeks kepuasan", 78, 102.95],
    ["Rata-rata", null, 0.5],
  ],
  styles: [
    { area: areaOf(1, 1, 1, 3), style: { bold: true, fontSize: 14, horizontal: "center" } },
    { area: areaOf(2, 1, 4, 3), style: { border: true } },
    { area: areaOf(2, 1, 2, 3), style: { bold: true, fill: "#D9E1F2" } },
    { area: areaOf(3, 3), style: { numberFormat: "0.00" } },
    { area: areaOf(4, 3), style: { numberFormat: "0.00%" } },
  ],
  merges: [areaOf(1, 1, 1, 3), areaOf(4, 1, 4, 2)],
  columnWidths: [30, 12, 14],
  rowHeights: [{ row: 3, height: 40.5 }],
  print: {
    paper: "A4",
    orientation: "landscape",
    fitToPagesWide: 1,
    titleRows: { first: 2, last: 2 },
    centerHorizontally: true,
    gridlines: false,
    margins: { top: 0.6, bottom: 0.6, left: 0.5, right: 0.5, header: 0.3, footer: 0.3 },
  },
});

/** A workbook with one data sheet, the plan rendered into it as the command does. */
async function rendered(plans: SheetPlan[]) {
  const input = await workbookFromSpecs([
    { sheet: "Data", top: 2, columns: {}, labels: [[2, 2, "Indeks kepuasan"]] },
  ]);
  const session = await XlsxSession.open(input);
  for (const p of plans) await session.apply({ writes: [], sheets: [p] });
  const bytes = await session.save();
  return { input, bytes, again: await excelRead(bytes) };
}

describe("a plan's sheet written from its plan", () => {
  test("values, styles, merges, widths, heights and print setup read back", async () => {
    const { again } = await rendered([plan()]);
    const sheet = again.getWorksheet("Lembar Uji")!;
    expect(sheet.getCell("A1").value).toBe("JUDUL & <RINGKAS>");
    expect(sheet.getCell("A1").font).toMatchObject({ bold: true, size: 14, name: "Arial" });
    expect(sheet.getCell("A1").alignment).toMatchObject({ horizontal: "center" });
    expect(sheet.getCell("C3").value).toBe(102.95);
    expect(sheet.getCell("C3").numFmt).toBe("0.00");
    expect(sheet.getCell("C4").numFmt).toBe("0.00%");
    expect(sheet.getCell("B2").fill).toMatchObject({ fgColor: { argb: "FFD9E1F2" } });
    expect(sheet.getCell("B2").font?.bold).toBe(true);
    expect(sheet.getCell("A3").font?.bold).toBeFalsy();
    expect(sheet.getCell("B3").border).toMatchObject({
      top: { style: "thin" },
      left: { style: "thin" },
    });
    // A merge's other cells carry its first cell's style and no value.
    expect(sheet.getCell("C1").isMerged).toBe(true);
    expect(sheet.getCell("C1").master.address).toBe("A1");
    expect(sheet.getCell("B4").master.address).toBe("A4");
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.getColumn(3).width).toBe(14);
    expect(sheet.getRow(3).height).toBe(40.5);
    expect(sheet.views[0]).toMatchObject({ showGridLines: false });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "2:2",
    });
  });

  test("texts are written inline: the shared strings part is kept byte for byte", async () => {
    const { input, bytes } = await rendered([plan()]);
    const before = partsOf(input);
    const after = partsOf(bytes);
    expect(after.get("xl/sharedStrings.xml")).toEqual(before.get("xl/sharedStrings.xml"));
    const sheet = new TextDecoder().decode(after.get("xl/worksheets/sheet2.xml"));
    expect(sheet).toContain('t="inlineStr"><is><t>JUDUL &amp; &lt;RINGKAS&gt;</t></is>');
  });

  test("the other sheet is untouched, and rendering again gives the same file", async () => {
    const first = await rendered([plan()]);
    expect(first.again.getWorksheet("Data")!.getCell("B2").value).toBe("Indeks kepuasan");
    expect(partsOf(first.bytes).get("xl/worksheets/sheet1.xml")).toEqual(
      partsOf(first.input).get("xl/worksheets/sheet1.xml")
    );
    const session = await XlsxSession.open(first.bytes);
    await session.apply({ writes: [], sheets: [plan()] });
    expect(Buffer.from(await session.save()).equals(Buffer.from(first.bytes))).toBe(true);
  });
});

test("many layered styles: shared style objects and equal ones give each cell its own stack", async () => {
  const many = plan();
  const rows = 150;
  const bold = { bold: true }; // one object for every row
  many.values = Array.from({ length: rows }, (_, i) => [`Indikator ${i + 1}`, i, null]);
  many.merges = [];
  many.rowHeights = [];
  many.styles = Array.from({ length: rows }, (_, i) => [
    // A fill of its own on every row: hundreds of distinct stacks.
    { area: areaOf(i + 1, 1), style: { fill: `#00${(i + 16).toString(16).padStart(2, "0")}00` } },
    { area: areaOf(i + 1, 1, i + 1, 2), style: bold },
    // Equal content, a new object each time.
    { area: areaOf(i + 1, 2), style: { border: true } },
  ]).flat();
  const { again } = await rendered([many]);
  const sheet = again.getWorksheet("Lembar Uji")!;
  for (const i of [0, 63, 64, 100, rows - 1]) {
    const a = sheet.getCell(i + 1, 1);
    const b = sheet.getCell(i + 1, 2);
    const green = (i + 16).toString(16).padStart(2, "0").toUpperCase();
    expect(a.fill).toMatchObject({ fgColor: { argb: `FF00${green}00` } });
    expect(a.font?.bold).toBe(true);
    expect(a.border?.top).toBeUndefined();
    expect(b.font?.bold).toBe(true);
    expect(b.border).toMatchObject({ top: { style: "thin" } });
    expect((b.fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
  }
});

test("a plan of 200,000 rows is written (no call spreads its rows)", async () => {
  const big = plan();
  big.values = Array.from({ length: 200_000 }, (_, i) => [`Indikator ${i + 1}`, i, null]);
  big.styles = [{ area: areaOf(1, 1, 200_000, 3), style: { border: true } }];
  big.merges = [];
  big.rowHeights = [];
  const { bytes } = await rendered([big]);
  const xml = partText(bytes, "xl/worksheets/sheet2.xml");
  expect(xml).toContain('<dimension ref="A1:C200000"/>');
  expect(xml).toMatch(/<c r="B200000" s="(\d+)"><v>199999<\/v><\/c><c r="C200000" s="\1"\/>/);
}, 60_000);
