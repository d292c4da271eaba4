import ExcelJS from "exceljs";
import type { CellStyle, SheetPlan } from "../../core/sheet-plan";
import { planSheetXml, SheetParts } from "./plan-sheet-xml";

export interface DefinedName {
  name: string;
  formula: string;
  /** The sheet a sheet-scoped name belongs to; null for workbook scope. */
  sheet: string | null;
}

/** One plan style as exceljs takes it. */
function excelStyleOf(style: CellStyle): Partial<ExcelJS.Style> {
  const thin = { style: "thin" as const };
  return {
    font: {
      name: "Arial",
      size: style.fontSize ?? 10,
      bold: !!style.bold,
      italic: !!style.italic,
      underline: !!style.underline,
    },
    alignment: { horizontal: style.horizontal, vertical: style.vertical, wrapText: !!style.wrap },
    ...(style.border ? { border: { top: thin, left: thin, bottom: thin, right: thin } } : {}),
    ...(style.fill
      ? {
          fill: {
            type: "pattern",
            pattern: "solid",
            fgColor: { argb: `FF${style.fill.slice(1).toUpperCase()}` },
          },
        }
      : {}),
    ...(style.numberFormat ? { numFmt: style.numberFormat } : {}),
  };
}

/**
 * Adds the plan's sheet with its page setup (exceljs writes the print titles name from it). Its cells
 * are not exceljs cells: `saveWorkbook` writes them from the plan.
 */
export function addPlanSheet(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const { print } = plan;
  return workbook.addWorksheet(plan.name, {
    views: [{ showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: print.orientation,
      fitToPage: true,
      fitToWidth: print.fitToPagesWide,
      fitToHeight: 0,
      horizontalCentered: print.centerHorizontally,
      showGridLines: print.gridlines,
      printTitlesRow: `${print.titleRows.first}:${print.titleRows.last}`,
      margins: print.margins,
    },
  });
}

// What of exceljs's writer (4.4.0, pinned) `saveWorkbook` relies on, beyond its typed API: the XLSX
// object's prepareModel(model, options) registers every cell's style and text before anything is
// written (the content types and relationships depend on them); then addWorksheets(zip, model)
// appends each sheet part.
interface ZipWriter {
  append(data: string, options: { name: string }): void;
}
interface WriteModel {
  worksheets: { id: number; name: string }[];
  styles: { addStyleModel(style: Partial<ExcelJS.Style>): number };
  sharedStrings: { add(text: string): number };
}
interface XlsxWriter {
  prepareModel(model: WriteModel, options: unknown): void;
  addWorksheets(zip: ZipWriter, model: WriteModel): Promise<void>;
}

/** Has each plan's sheet part written from the plan itself, with the workbook's styles and strings. */
function writePlansFromXml(writer: XlsxWriter, plans: readonly SheetPlan[]): void {
  const { prepareModel, addWorksheets } = writer;
  if (typeof prepareModel !== "function" || typeof addWorksheets !== "function")
    throw new Error("exceljs's XLSX writer changed: see workbook-writer.ts");
  const xmlByPart = new Map<string, string>();
  writer.prepareModel = (model, options) => {
    prepareModel.call(writer, model, options);
    const parts: SheetParts = {
      styleId: (style) => model.styles.addStyleModel(excelStyleOf(style)),
      textId: (text) => model.sharedStrings.add(text),
    };
    for (const sheet of model.worksheets) {
      const plan = plans.find((p) => p.name === sheet.name);
      if (plan) xmlByPart.set(`xl/worksheets/sheet${sheet.id}.xml`, planSheetXml(plan, parts));
    }
  };
  writer.addWorksheets = (zip, model) =>
    addWorksheets.call(
      writer,
      {
        append: (data, options) => zip.append(xmlByPart.get(options.name) ?? data, options),
      },
      model
    );
}

/**
 * Writes the workbook with exactly these defined names, and each plan's sheet (added by `addPlanSheet`)
 * from its plan. exceljs keeps names as a cell matrix (no sheet scope, no #REF!), so its writer is
 * handed ours; print titles it still adds itself from page setup.
 */
export async function saveWorkbook(
  workbook: ExcelJS.Workbook,
  names: readonly DefinedName[],
  plans: readonly SheetPlan[] = []
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
  const writer = workbook.xlsx as unknown as XlsxWriter;
  if (plans.length) writePlansFromXml(writer, plans);
  try {
    const buffer = await workbook.xlsx.writeBuffer();
    return new Uint8Array(buffer as ArrayBuffer);
  } finally {
    delete (writer as Partial<XlsxWriter>).prepareModel;
    delete (writer as Partial<XlsxWriter>).addWorksheets;
  }
}
