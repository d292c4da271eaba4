/**
 * What real Excel does where the test double used to let bugs through: requirement sets, strings
 * parsed by Range.values, the read limit, the remembered data sheet, two round trips.
 */
import { hitungInExcel, periksaInExcel, readSelectionInExcel } from "../../src/app/excel-actions";
import { describeError } from "../../src/app/office-errors";
import { LEMBAR_SHEET } from "../../src/core/lembar";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { memoryStore } from "../../src/workbook/office/document-store";
import { FORMATTING_UNSUPPORTED, textFormats } from "../../src/workbook/office/render";
import { SELECT_NOT_WHOLE_COLUMNS, SELECT_ONE_BLOCK } from "../../src/workbook/office/setup-names";
import { FakeExcel, OfficeError, typedAsExcelDoes } from "./fake-excel";
import { fakeFromSpecs } from "./from-specs";

const envOf = (excel: FakeExcel, store = memoryStore()) => ({
  run: excel.run,
  supports: excel.supports,
  store,
});
const cell = (excel: FakeExcel, sheet: string, row: number, column: number) =>
  excel.sheet(sheet)!.cell(row - 1, column - 1);

describe("the double parses strings written through Range.values as en-US Excel does", () => {
  test.each([
    ["=SUM(A1:A3)", { value: "#NAME?", formula: "=SUM(A1:A3)" }],
    ["- Indeks Profesionalitas ASN", { value: "#NAME?", formula: "=- Indeks Profesionalitas ASN" }],
    ["+62 24 3513366", { value: "#NAME?", formula: "=+62 24 3513366" }],
    ["1.400", { value: 1.4 }],
    ["80,30", { value: 8030 }],
    ["50%", { value: 0.5, format: "0%" }],
    ["TRUE", { value: true }],
    ["Sangat Baik", { value: "Sangat Baik" }],
  ])("%s", (text, expected) => {
    expect(typedAsExcelDoes(text)).toEqual(expected);
  });

  test("unless the cell is formatted as text first, in the same batch", async () => {
    const excel = new FakeExcel();
    excel.addSheet("S");
    const context = excel.context();
    const range = context.workbook.worksheets.getItem("S").getRange("A1:B1");
    range.numberFormat = [["@", "General"]];
    range.values = [["80,30", "80,30"]];
    await context.sync();
    expect([cell(excel, "S", 1, 1).value, cell(excel, "S", 1, 2).value]).toEqual(["80,30", 8030]);
  });
});

describe("texts on the Lembar stay as typed in any Excel", () => {
  test("an indicator starting with a dash, a target typed as '80,30', the NIP", async () => {
    const spec = perjanjianKinerja();
    spec.columns.Indikator.values[0] = "- Indeks Kepuasan Aparatur";
    spec.columns.Target.values[0] = "80,30";
    const excel = fakeFromSpecs(spec, anggaran());
    const outcome = await hitungInExcel(envOf(excel), { lembar: true });
    expect(outcome.written).toBe(true);
    const lembar = excel.sheet(LEMBAR_SHEET)!;
    const texts = [...lembar.cells.values()].map((c) => c.value);
    expect(texts).toContain("- Indeks Kepuasan Aparatur");
    expect(texts).toContain("80,30");
    expect(texts.some((t) => String(t).includes("19640831 198503 2 008"))).toBe(true);
    expect([...lembar.cells.values()].filter((c) => c.formula !== null)).toEqual([]);
    expect(texts).not.toContain("#NAME?");
  });

  test("every text cell of a plan is formatted '@', numbers and empty cells are not", () => {
    expect(textFormats([["a", 1, null, ""]], 4)).toEqual([["@", "General", "General", "General"]]);
  });
});

describe("requirement sets: nothing above what the running Excel has is called", () => {
  test.each(["1.1", "1.2", "1.3", "1.4", "1.7", "1.8", "1.9", "1.17"])(
    "ExcelApi %s: the pane's reads, Hitung and the Lembar never meet ApiNotFound",
    async (version) => {
      const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
      excel.apiVersion = version;
      const env = envOf(excel);
      await periksaInExcel(env);
      const plain = await hitungInExcel(env);
      expect(plain.written).toBe(true);
      if (excel.supports("1.2")) {
        const withLembar = await hitungInExcel(env, { lembar: true });
        expect(withLembar.written).toBe(true);
        expect(excel.sheet(LEMBAR_SHEET)).toBeDefined();
      }
    }
  );

  test("ExcelApi 1.1 (Excel 2016 without updates): Buat Lembar says why and writes nothing", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    excel.apiVersion = "1.1";
    const error = await hitungInExcel(envOf(excel), { lembar: true }).catch((e: unknown) => e);
    expect(describeError(error)).toBe(FORMATTING_UNSUPPORTED);
    expect(excel.sheet(LEMBAR_SHEET)).toBeUndefined();
    expect(cell(excel, "PK 2020", 7, 8).value).toBe("");
  });

  test("an API the double does not have fails the sync with ApiNotFound, said in the user's words", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.apiVersion = "1.8";
    const context = excel.context();
    context.workbook.worksheets.getItem("PK 2020").pageLayout.orientation = "Landscape";
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "ApiNotFound" });
    expect(describeError(error)).toMatch(/Microsoft 365 atau Office 2021/);
  });
});

describe("Excel's read limit", () => {
  test("the double refuses to read more than 5,000,000 cells in one range", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    const context = excel.context();
    context.workbook.worksheets.getItem("PK 2020").getRange("A:Z").load("values");
    const error = await context.sync().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OfficeError);
    expect(error).toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
  });

  test.each(["1.3", "1.17"])(
    "ExcelApi %s: a name over 22 million cells is a finding, not a failed read",
    async (version) => {
      const excel = fakeFromSpecs(perjanjianKinerja());
      excel.apiVersion = version;
      excel.names = excel.names.map((n) =>
        n.name === "Target" ? { ...n, refersTo: "='PK 2020'!$E$1:$Z$1000000" } : n
      );
      const result = await periksaInExcel(envOf(excel));
      expect(result.findings.map((f) => f.message).join(" ")).toMatch(/22\.000\.000 sel/);
    }
  );
});

describe("the data sheet is remembered", () => {
  test("Hitung after Buat Lembar (the Lembar active) reads the same tables, in two syncs", async () => {
    const pk = perjanjianKinerja();
    pk.sheetScoped = true;
    const budget = anggaran();
    budget.sheetScoped = true;
    const excel = fakeFromSpecs(pk, budget);
    const store = memoryStore();
    const first = await hitungInExcel(envOf(excel, store), { lembar: true });
    expect(first.written).toBe(true);
    expect(excel.active).toBe(LEMBAR_SHEET);
    expect(store.saved.dataSheet).toBe("PK 2020");

    const syncsBefore = excel.syncs;
    const again = await hitungInExcel(envOf(excel, store));
    expect(again.result.empty).toBe(false);
    expect(again.result.sheet).toBe("PK 2020");
    expect(again.result.total).toBe(first.result.total);
    expect(excel.syncs - syncsBefore).toBe(2);
  });

  test("without a remembered sheet, another active sheet is not set up (and says so)", async () => {
    const pk = perjanjianKinerja();
    pk.sheetScoped = true;
    const excel = fakeFromSpecs(pk);
    excel.addSheet("Catatan");
    excel.active = "Catatan";
    const result = await periksaInExcel(envOf(excel));
    expect(result.empty).toBe(true);
  });
});

describe("reading the selection for Siapkan Nama", () => {
  test("several blocks selected: a sentence, not an exception", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.selection = { sheet: "PK 2020", address: "B6:F9,H6:H9" };
    expect(await readSelectionInExcel(envOf(excel))).toEqual({ problem: SELECT_ONE_BLOCK });
  });

  test("whole columns: the address is checked before any value is loaded", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.selection = { sheet: "PK 2020", address: "B:Z" };
    expect(await readSelectionInExcel(envOf(excel))).toEqual({
      problem: SELECT_NOT_WHOLE_COLUMNS,
    });
    expect(excel.calls.filter((c) => c.includes("values"))).toEqual([]);
  });

  test("a table: only its header row is read", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja());
    excel.sheet("PK 2020")!.fill("B6", [["Sasaran", "Indikator", "Target Renstra", "Target"]]);
    excel.selection = { sheet: "PK 2020", address: "B6:E9" };
    const read = await readSelectionInExcel(envOf(excel));
    expect(read).toMatchObject({ headers: ["Sasaran", "Indikator", "Target Renstra", "Target"] });
    expect(excel.syncs).toBe(2);
  });
});

describe("a remembered data sheet that is gone", () => {
  test("is passed over: the active sheet is read in two syncs, and the new sheet remembered", async () => {
    const pk = perjanjianKinerja();
    pk.sheetScoped = true;
    const excel = fakeFromSpecs(pk, anggaran());
    const store = memoryStore({ dataSheet: "Sudah Dihapus" });
    const outcome = await hitungInExcel(envOf(excel, store));
    expect(outcome.written).toBe(true);
    expect(excel.syncs).toBe(2);
    expect(store.saved.dataSheet).toBe("PK 2020");
  });
});
