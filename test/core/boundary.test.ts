import fs from "fs";
import path from "path";
import { ReportSchema, toReport } from "../../src/core/report";
import { compute } from "../../src/core/compute";
import { toView } from "../../src/app/result-view";
import { SettingsSchema, DEFAULT_SETTINGS } from "../../src/core/settings";
import { WorkbookDataSchema } from "../../src/core/workbook-data";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { workbookOf } from "../../src/sample/table";

describe("boundaries", () => {
  test("WorkbookData is validated by zod: plain data passes, anything else is refused", () => {
    const book = workbookOf(perjanjianKinerja(), anggaran());
    expect(WorkbookDataSchema.parse(JSON.parse(JSON.stringify(book)))).toEqual(book);
    const bad = {
      activeSheet: null,
      names: [
        {
          name: "Target",
          scope: null,
          status: "range",
          range: { sheet: "S", top: 0, left: 1, values: [[new Date()]] },
        },
      ],
    };
    expect(WorkbookDataSchema.safeParse(bad).success).toBe(false);
  });

  test("settings round-trip through JSON (they are stored in the workbook)", () => {
    const custom = SettingsSchema.parse({
      negativeFormula: "T/R",
      decimals: 3,
      cap: 120,
      averaging: "indikator",
      rangeNames: { Target: "T2020" },
    });
    expect(SettingsSchema.parse(JSON.parse(JSON.stringify(custom)))).toEqual(custom);
    expect(JSON.parse(JSON.stringify(DEFAULT_SETTINGS))).toEqual(DEFAULT_SETTINGS);
  });

  test("the report has exactly the contract's fields and is valid JSON data", () => {
    const report = toReport(compute(workbookOf(perjanjianKinerja(true), anggaran())));
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(Object.keys(report)).toEqual([
      "indikator",
      "sasaran",
      "rataRataTotal",
      "anggaran",
      "perbandingan",
      "efisiensi",
      "temuan",
    ]);
    expect(Object.keys(report.indikator[0])).toEqual([
      "sel",
      "sasaran",
      "indikator",
      "arah",
      "target",
      "realisasi",
      "capaian",
      "predikat",
    ]);
    expect(report.temuan[0]).toEqual(
      expect.objectContaining({
        tingkat: "peringatan",
        kode: expect.any(String),
        sel: expect.any(String),
        pesan: expect.any(String),
      })
    );
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  test("the core imports only its own files, zod and big.js (its types are checked by tsconfig.core.json)", () => {
    const dir = path.join(__dirname, "../../src/core");
    for (const file of fs.readdirSync(dir)) {
      const source = fs.readFileSync(path.join(dir, file), "utf8");
      const imports = [...source.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]);
      for (const spec of imports)
        expect([file, spec]).toEqual([file, expect.stringMatching(/^(\.\/|zod\/mini$|big\.js$)/)]);
    }
  });

  test("npm test compiles the core alone, with ES2022 and no DOM, Office or Node types", () => {
    const root = path.join(__dirname, "../..");
    const config = JSON.parse(fs.readFileSync(path.join(root, "tsconfig.core.json"), "utf8"));
    expect(config.compilerOptions).toMatchObject({ lib: ["ES2022"], types: [] });
    expect(config.include).toEqual(["src/core"]);
    const scripts = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts;
    expect(scripts.test).toContain("tsc -p tsconfig.core.json");
  });
});

describe("findings at the Worker's boundary", () => {
  test("a result's view crosses a structured clone with every finding's cell and message", () => {
    const result = compute(workbookOf(perjanjianKinerja(true), anggaran()));
    expect(result.findings.length).toBeGreaterThan(0);
    const cloned = structuredClone(toView(result));
    expect(cloned.findings).toEqual(
      result.findings.map((f) => ({
        level: f.level,
        code: f.code,
        cell: f.cell,
        message: f.message,
      }))
    );
    expect(cloned.findings.every((f) => f.message.length > 20)).toBe(true);
  });
});

describe("cell values at the boundary", () => {
  const { isCellValue, CellValueSchema } = jest.requireActual("../../src/core/cell");
  test.each([
    [1],
    ["x"],
    [true],
    [null],
    [{ error: "#N/A" }],
    [{ date: "2020-12-31" }],
    [undefined],
    [{}],
    [{ error: 1 }],
    [{ error: "#N/A", x: 1 }],
    [[1]],
    [new Date()],
  ])("the fast check agrees with the zod schema on %p", (v) => {
    expect(isCellValue(v)).toBe(CellValueSchema.safeParse(v).success);
  });
});
