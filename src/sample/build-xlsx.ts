import ExcelJS from "exceljs";
import { columnLetters, sheetPrefix } from "../core/address";
import type { CellValue } from "../core/cell";
import type { SheetSpec } from "./table";

interface DefinedName {
  name: string;
  formula: string;
  /** The sheet a sheet-scoped name belongs to; null for workbook scope. */
  sheet: string | null;
}

/**
 * Saves with exactly these defined names. exceljs keeps names as a cell matrix (no sheet scope), so
 * its writer is handed ours. (A developer tool: the sample and test workbooks are made with exceljs,
 * the product reads and writes .xlsx with its own package code.)
 */
async function saveWithNames(
  workbook: ExcelJS.Workbook,
  names: readonly DefinedName[]
): Promise<Uint8Array> {
  const order = workbook.worksheets.map((s) => s.name);
  const model = names.flatMap((n) => {
    if (n.sheet === null) return [{ name: n.name, ranges: [n.formula] }];
    const index = order.indexOf(n.sheet);
    return index < 0 ? [] : [{ name: n.name, ranges: [n.formula], localSheetId: index }];
  });
  Object.defineProperty(workbook.definedNames, "model", {
    get: () => model,
    set() {
      // exceljs assigns the model on load; ours stands
    },
    configurable: true,
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

function excelValue(value: CellValue, formula?: string | null): ExcelJS.CellValue {
  if (value !== null && typeof value === "object") {
    if ("error" in value) return { error: value.error } as ExcelJS.CellErrorValue;
    return new Date(value.date);
  }
  if (formula)
    return {
      formula: formula.replace(/^=/, ""),
      result: value ?? undefined,
    } as ExcelJS.CellFormulaValue;
  return value;
}

/**
 * An .xlsx built from sheet specs, every name defined over its cells (sheet-scoped where the spec says):
 * the bundled sample, the bad-input corpus and the benchmarks are all made this way.
 */
export async function workbookFromSpecs(
  specs: readonly SheetSpec[],
  active = specs[0]?.sheet
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Capaian Kinerja";
  const names: DefinedName[] = [];
  for (const spec of specs) {
    const sheet = workbook.getWorksheet(spec.sheet) ?? workbook.addWorksheet(spec.sheet);
    const scope = spec.sheetScoped ? spec.sheet : null;
    (spec.title ?? []).forEach((line, i) => {
      sheet.getCell(i + 1, 1).value = line;
      sheet.getCell(i + 1, 1).font = { bold: true, size: i === 0 ? 13 : 11 };
    });
    for (const [row, column, text] of spec.labels ?? []) sheet.getCell(row, column).value = text;
    for (const [name, column] of Object.entries(spec.columns)) {
      const header = spec.headers?.[name];
      if (header) {
        const cell = sheet.getCell(spec.top - 1, column.column);
        cell.value = header;
        cell.font = { bold: true };
        cell.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
      }
      column.values.forEach((value, i) => {
        const cell = sheet.getCell(spec.top + i, column.column);
        cell.value = excelValue(value, column.formulas?.[i]);
        const format = column.formats?.[i];
        if (format && format !== "General") cell.numFmt = format;
      });
      const letter = columnLetters(column.column);
      names.push({
        name,
        formula: `${sheetPrefix(spec.sheet)}$${letter}$${spec.top}:$${letter}$${spec.top + column.values.length - 1}`,
        sheet: scope,
      });
    }
    for (const [name, [row, column, value, format]] of Object.entries(spec.singles ?? {})) {
      const cell = sheet.getCell(row, column);
      cell.value = excelValue(value);
      if (format && format !== "General") cell.numFmt = format;
      names.push({
        name,
        formula: `${sheetPrefix(spec.sheet)}$${columnLetters(column)}$${row}`,
        sheet: scope,
      });
    }
    for (const column of Object.values(spec.columns)) {
      const widest = column.values.reduce<number>(
        (most, v) => Math.max(most, typeof v === "string" ? Math.min(v.length, 60) : 12),
        10
      );
      sheet.getColumn(column.column).width = Math.min(widest, 45);
    }
  }
  const index = workbook.worksheets.findIndex((s) => s.name === active);
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      activeTab: Math.max(index, 0),
      visibility: "visible",
    },
  ];
  return saveWithNames(workbook, names);
}
