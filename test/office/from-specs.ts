import { columnLetters, sheetPrefix } from "../../src/core/address";
import type { SheetSpec } from "../../src/sample/table";
import type { CellValue } from "../../src/core/cell";
import { FakeCell, FakeExcel } from "./fake-excel";

/** A cell value as Office.js returns it: empty is "", an error value is its text. */
function asExcelShows(value: CellValue): FakeCell["value"] {
  if (value === null) return "";
  if (typeof value === "object") return "error" in value ? value.error : value.date;
  return value;
}

/** A fake Excel holding the tables of some sheet specs, every contract name defined over them. */
export function fakeFromSpecs(...specs: SheetSpec[]): FakeExcel {
  const excel = new FakeExcel();
  for (const spec of specs) {
    const sheet = excel.sheet(spec.sheet) ?? excel.addSheet(spec.sheet);
    const scope = spec.sheetScoped ? spec.sheet : null;
    for (const [name, column] of Object.entries(spec.columns)) {
      column.values.forEach((value, i) => {
        sheet.put(spec.top - 1 + i, column.column - 1, {
          value: asExcelShows(value),
          format: column.formats?.[i] ?? "General",
          formula: column.formulas?.[i] ?? null,
        });
      });
      const letter = columnLetters(column.column);
      excel.define(
        name,
        `=${sheetPrefix(spec.sheet)}$${letter}$${spec.top}:$${letter}$${spec.top + column.values.length - 1}`,
        scope
      );
    }
    for (const [name, [row, column, value, format]] of Object.entries(spec.singles ?? {})) {
      sheet.put(row - 1, column - 1, { value: asExcelShows(value), format: format ?? "General" });
      excel.define(name, `=${sheetPrefix(spec.sheet)}$${columnLetters(column)}$${row}`, scope);
    }
  }
  excel.active = specs[0].sheet;
  return excel;
}
