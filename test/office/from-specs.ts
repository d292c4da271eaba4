import { columnLetters, sheetPrefix } from "../../src/core/address";
import type { SheetSpec } from "../../src/sample/table";
import { FakeExcel } from "./fake-excel";

/** A fake Excel holding the tables of some sheet specs, every contract name defined over them. */
export function fakeFromSpecs(...specs: SheetSpec[]): FakeExcel {
  const excel = new FakeExcel();
  for (const spec of specs) {
    const sheet = excel.sheet(spec.sheet) ?? excel.addSheet(spec.sheet);
    const scope = spec.sheetScoped ? spec.sheet : null;
    for (const [name, column] of Object.entries(spec.columns)) {
      column.values.forEach((value, i) => {
        const v =
          value === null
            ? ""
            : typeof value === "object"
              ? "error" in value
                ? value.error
                : value.date
              : value;
        sheet.put(spec.top - 1 + i, column.column - 1, {
          value: v,
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
      const v =
        value === null
          ? ""
          : typeof value === "object"
            ? "error" in value
              ? value.error
              : value.date
            : value;
      sheet.put(row - 1, column - 1, { value: v, format: format ?? "General" });
      excel.define(name, `=${sheetPrefix(spec.sheet)}$${columnLetters(column)}$${row}`, scope);
    }
  }
  excel.active = specs[0].sheet;
  return excel;
}
