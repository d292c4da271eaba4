import { hitung } from "../../src/app/hitung";
import { LEMBAR_SHEET, LEMBAR_TITLE } from "../../src/core/lembar";
import type { ApiSupport } from "../../src/workbook/office/api-support";
import { OfficeSession } from "../../src/workbook/office/office-session";
import { NOTE_NO_CHARTS, NOTE_NO_PAGE_LAYOUT } from "../../src/workbook/office/render";
import { buildTabel, TABEL_SHEET } from "../../src/core/tabel";
import { selectCell } from "../../src/workbook/office/select";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { FakeExcel, OfficeError } from "./fake-excel";
import { fakeFromSpecs } from "./from-specs";

const modern: ApiSupport = () => true;
const run = (excel: FakeExcel, options: Parameters<typeof hitung>[1] = {}, supports = modern) =>
  excel.run((context) => hitung(new OfficeSession(context, undefined, supports), options));
const cell = (excel: FakeExcel, sheet: string, row: number, column: number) =>
  excel.sheet(sheet)!.cell(row - 1, column - 1);

describe("the fake Excel behaves like Office.js where it matters", () => {
  test("a property read before load and sync throws PropertyNotLoaded", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    const context = excel.context();
    const range = context.workbook.worksheets.getItem("PK 2020").getRange("E7");
    range.load("values");
    expect(() => range.values).toThrow(OfficeError);
    await context.sync();
    expect(range.values).toEqual([[78]]);
  });
  test("writes apply at sync, and null leaves a cell as it is", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    const context = excel.context();
    context.workbook.worksheets.getItem("PK 2020").getRangeByIndexes(6, 4, 2, 1).values = [
      [null],
      [99],
    ];
    expect(cell(excel, "PK 2020", 8, 5).value).toBe(">82");
    await context.sync();
    expect([cell(excel, "PK 2020", 7, 5).value, cell(excel, "PK 2020", 8, 5).value]).toEqual([
      78, 99,
    ]);
  });
});

describe("Hitung Capaian through Office.js", () => {
  test("the seed: read in one sync, written in one, as 2-D arrays", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(true), anggaran());
    const outcome = await run(excel);
    expect(outcome.written).toBe(true);
    expect(excel.syncs).toBe(2);
    expect([7, 8, 9].map((r) => cell(excel, "PK 2020", r, 8).value)).toEqual([102.95, 100.34, 100]);
    expect(cell(excel, "PK 2020", 7, 8).format).toBe("0.00");
    expect([cell(excel, "PK 2020", 7, 9).value, cell(excel, "PK 2020", 8, 9).value]).toEqual([
      102.95, 100.17,
    ]);
    expect(cell(excel, "PK 2020", 11, 9).value).toBe(101.56);
    expect(cell(excel, "Anggaran", 7, 6).value).toBe(639006520);
    expect(cell(excel, "Anggaran", 7, 5).value).toBe(96.74);
    // one values write per output name, never cell by cell
    expect(excel.calls.filter((c) => c === "Range.values=")).toHaveLength(
      outcome.result.writes.length
    );
    expect(outcome.result.findings.filter((f) => f.code === "ANGKA_LAPORAN_BERBEDA")).toHaveLength(
      4
    );
  });

  test("nothing is written while an error stands", async () => {
    const spec = perjanjianKinerja();
    spec.columns.Target.values[1] = { error: "#N/A" };
    const excel = fakeFromSpecs(spec, anggaran());
    const outcome = await run(excel, { lembar: true });
    expect(outcome.written).toBe(false);
    expect(outcome.result.findings.find((f) => f.level === "error")).toMatchObject({
      code: "NILAI_GALAT",
      cell: "'PK 2020'!E8",
    });
    expect(
      excel.calls.filter((c) => !/load|getRange|getItemOrNullObject|getUsedRange/.test(c))
    ).toEqual([]);
    expect(excel.syncs).toBe(1);
    expect(excel.sheet(LEMBAR_SHEET)).toBeUndefined();
    expect(cell(excel, "PK 2020", 7, 8).value).toBe("");
  });

  test("a name scoped to the active sheet wins over the workbook's; other sheets' names do not count", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.addSheet("Lain").put(0, 0, { value: 1000 });
    excel.names = excel.names.map((n) =>
      n.name === "Target" ? { ...n, refersTo: "=Lain!$A$1:$A$3" } : n
    );
    excel.define("target", "='PK 2020'!$E$7:$E$9", "PK 2020");
    excel.define("Target", "=Lain!$A$1:$A$3", "Lain");
    const outcome = await run(excel);
    expect(outcome.result.indicators.map((x) => x.capaian)).toEqual([102.95, 100.34, 100]);
  });

  test("a #REF! name and a name that is no range are findings, not crashes", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.names = excel.names.map((n) =>
      n.name === "Realisasi" ? { ...n, refersTo: "=#REF!" } : n
    );
    excel.names = excel.names.map((n) => (n.name === "NamaOPD" ? { ...n, refersTo: "=0.5" } : n));
    const outcome = await run(excel);
    expect(outcome.written).toBe(false);
    expect(outcome.result.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining(["NAMA_RUSAK_REF", "NAMA_BUKAN_RANGE"])
    );
  });

  test("the number of syncs is the same at any size", async () => {
    for (const rows of [10, 1000, 10000]) {
      const spec = perjanjianKinerja();
      spec.columns = {
        Target: { column: 5, values: Array.from({ length: rows }, (_, i) => 50 + (i % 50)) },
        Realisasi: { column: 6, values: Array.from({ length: rows }, (_, i) => 60 + (i % 40)) },
        Capaian: { column: 8, values: Array.from({ length: rows }, () => null) },
      };
      const excel = fakeFromSpecs(spec);
      const outcome = await run(excel);
      expect(outcome.result.indicators).toHaveLength(rows);
      expect(excel.syncs).toBe(2);
    }
  });
});

describe("the Lembar rendered in Excel", () => {
  test("one sheet replaced whole: values, merges, formats, print setup", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    const { result } = await run(excel, { lembar: true });
    expect(excel.syncs).toBe(2);
    const sheet = excel.sheet(LEMBAR_SHEET)!;
    expect(sheet.cell(0, 0).value).toBe(LEMBAR_TITLE);
    expect(sheet.cell(12, 0).value).toBe("Total Rata-rata Capaian Sasaran (1+2)");
    expect(sheet.cell(12, 7)).toMatchObject({ value: 101.56, format: "0.00" });
    expect(sheet.merges).toContainEqual({ top: 9, left: 1, bottom: 10, right: 1 });
    expect(sheet.styleAt(12, 7)).toMatchObject({ "font.bold": true });
    expect(sheet.styleAt(8, 0)).toMatchObject({ "border.EdgeTop": "Continuous" });
    expect(sheet.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      printGridlines: false,
      printTitleRows: "$5:$7",
    });
    expect(sheet.showGridlines).toBe(false);
    expect(excel.active).toBe(LEMBAR_SHEET);
    // values in one write, number formats in one grid
    expect(excel.calls.filter((c) => c === "Range.values=")).toHaveLength(result.writes.length + 1);
    expect(excel.calls.filter((c) => c === "Range.numberFormat=")).toHaveLength(
      result.writes.length + 1
    );

    // a second run replaces the sheet, still in two syncs
    const again = fakeFromSpecs(perjanjianKinerja(), anggaran());
    again.sheets.push(sheet);
    sheet.put(40, 0, { value: "stale" });
    await run(again, { lembar: true });
    expect(again.syncs).toBe(2);
    expect(again.sheets.filter((s) => s.name === LEMBAR_SHEET)).toHaveLength(1);
    expect(again.sheet(LEMBAR_SHEET)!.cell(40, 0).value).toBe("");
  });

  test("older Excel without pageLayout gets the Lembar and a note on what to set by hand", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.apiVersion = "1.8";
    const outcome = await run(excel, { lembar: true }, excel.supports);
    expect(outcome.notes).toEqual([NOTE_NO_PAGE_LAYOUT]);
    expect(excel.sheet(LEMBAR_SHEET)!.pageLayout).toEqual({});
  });
});

describe("a finding's cell, selected on click", () => {
  test("activates the sheet and selects the cell in one sync", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    excel.active = "Anggaran";
    await excel.run((context) => selectCell(context, "'PK 2020'!E8"));
    expect(excel.selected).toBe("'PK 2020'!E8");
    expect(excel.active).toBe("PK 2020");
    expect(excel.syncs).toBe(1);
  });
});

describe("a name over a whole column", () => {
  test("is not loaded (a million cells) and is a finding that says what to do", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.names = excel.names.map((n) =>
      n.name === "Target" ? { ...n, refersTo: "='PK 2020'!$E:$E" } : n
    );
    const outcome = await run(excel);
    expect(outcome.written).toBe(false);
    expect(outcome.result.findings.find((f) => f.code === "NAMA_BUKAN_RANGE")!.message).toContain(
      "seluruh kolom"
    );
    expect(excel.syncs).toBe(1);
  });
});

describe("the Tabel LKjIP rendered in Excel", () => {
  test("its tables, and three native charts over its cells, in two syncs", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    const { result, written } = await run(excel, { tabel: true });
    expect(written).toBe(true);
    expect(excel.syncs).toBe(2);
    const sheet = excel.sheet(TABEL_SHEET)!;
    const { plan } = buildTabel(result);
    expect(sheet.cell(3, 0).value).toBe("Tabel 3.1");
    const charts = sheet.charts;
    expect(charts.map((c) => c.title)).toEqual(plan.charts!.map((c) => c.title));
    // Each series' cells on the sheet hold the figures the plan put there.
    const cellsOf = (box: { top: number; left: number; bottom: number }) =>
      Array.from(
        { length: box.bottom - box.top + 1 },
        (_, i) => sheet.cell(box.top + i, box.left).value
      );
    expect(cellsOf(charts[0].series[0].values!)).toEqual(result.indicators.map((x) => x.capaian));
    expect(charts[0].series[1]).toMatchObject({ name: "Target 100 %", chartType: "Line" });
    expect(cellsOf(charts[0].series[1].values!)).toEqual([100, 100, 100]);
    expect(cellsOf(charts[2].series[0].xValues!)).toEqual([
      "Belanja Tidak Langsung",
      "Belanja Langsung",
    ]);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Portrait", paperSize: "A4" });
  });

  test("an Excel without chart series (ExcelApi 1.4) gets the tables and a note, not a failed run", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    excel.apiVersion = "1.4";
    const outcome = await run(excel, { tabel: true }, excel.supports);
    expect(outcome.written).toBe(true);
    expect(outcome.notes).toContain(NOTE_NO_CHARTS);
    expect(excel.sheet(TABEL_SHEET)!.charts).toEqual([]);
  });
});
