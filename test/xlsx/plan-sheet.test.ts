import ExcelJS from "exceljs";
import JSZip from "jszip";
import { areaOf, SheetPlan } from "../../src/core/sheet-plan";
import { addPlanSheet, saveWorkbook } from "../../src/workbook/xlsx/workbook-writer";

const plan = (): SheetPlan => ({
  name: "Lembar Uji",
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

async function written(workbook: ExcelJS.Workbook, plans: SheetPlan[]) {
  const bytes = await saveWorkbook(workbook, [], plans);
  const again = new ExcelJS.Workbook();
  await again.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return { bytes, again };
}

describe("a plan's sheet written from its plan", () => {
  test("values, styles, merges, widths, heights and print setup read back", async () => {
    const workbook = new ExcelJS.Workbook();
    addPlanSheet(workbook, plan());
    const { again } = await written(workbook, [plan()]);
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

  test("a workbook whose only texts are the plan's has its shared strings part", async () => {
    const workbook = new ExcelJS.Workbook();
    addPlanSheet(workbook, plan());
    const { bytes } = await written(workbook, [plan()]);
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file("[Content_Types].xml")!.async("string")).toContain("sharedStrings");
    expect(await zip.file("xl/sharedStrings.xml")!.async("string")).toContain(
      "JUDUL &amp; &lt;RINGKAS&gt;"
    );
  });

  test("other sheets are written by exceljs as before, and a second save gives the same sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Data").getCell("B2").value = "Indeks kepuasan";
    addPlanSheet(workbook, plan());
    const first = await written(workbook, [plan()]);
    const second = await written(workbook, [plan()]);
    expect(first.again.getWorksheet("Data")!.getCell("B2").value).toBe("Indeks kepuasan");
    const a = await JSZip.loadAsync(first.bytes);
    const b = await JSZip.loadAsync(second.bytes);
    expect(await b.file("xl/worksheets/sheet2.xml")!.async("string")).toBe(
      await a.file("xl/worksheets/sheet2.xml")!.async("string")
    );
    // Saving without plans leaves exceljs's own writer as it was.
    const plain = await saveWorkbook(workbook, []);
    const c = await JSZip.loadAsync(plain);
    expect(await c.file("xl/worksheets/sheet2.xml")!.async("string")).not.toContain("Indikator");
  });
});

test("a plan of 200,000 rows is written (no call spreads its rows)", async () => {
  const big = plan();
  big.values = Array.from({ length: 200_000 }, (_, i) => [`Indikator ${i + 1}`, i, null]);
  big.styles = [{ area: areaOf(1, 1, 200_000, 3), style: { border: true } }];
  big.merges = [];
  big.rowHeights = [];
  const workbook = new ExcelJS.Workbook();
  addPlanSheet(workbook, big);
  const zip = await JSZip.loadAsync(await saveWorkbook(workbook, [], [big]));
  const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
  expect(xml).toContain('<dimension ref="A1:C200000"/>');
  expect(xml).toContain('<c r="B200000" s="1"><v>199999</v></c><c r="C200000" s="1"/>');
});
