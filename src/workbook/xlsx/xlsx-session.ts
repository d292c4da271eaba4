import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRangeAddress } from "../../core/address";
import type { CellValue } from "../../core/cell";
import { wantedNames } from "../../core/names";
import type { CellStyle, SheetPlan } from "../../core/sheet-plan";
import type { NameData, WorkbookData } from "../../core/workbook-data";
import type { CellWrite } from "../../core/writes";
import type { ApplyReport, Changes, WorkbookSession } from "../port";
import { parseStored, STORED_KEY, Stored, validatedForStore } from "../stored";
import { checkWorkbookFile, UnreadableWorkbook } from "./file-check";
import { RawDefinedName, readWorkbookParts, WorkbookParts } from "./workbook-parts";

/** A very hidden sheet that keeps settings in a workbook the Excel add-in never opened. */
export const SETTINGS_SHEET = "_CapaianKinerja";

/** A formula whose result Excel never stored (a file written by another program): not a value to guess. */
export const NOT_CALCULATED = "#BELUM_DIHITUNG";

type ExcelValue = ExcelJS.CellValue;

function cellValueOf(value: ExcelValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return { date: value.toISOString() };
  if (typeof value === "object") {
    if ("error" in value) return { error: String(value.error) };
    if ("richText" in value) return value.richText.map((t) => t.text).join("");
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelValue }).result;
      return result === undefined ? { error: NOT_CALCULATED } : cellValueOf(result);
    }
    if ("text" in value) return cellValueOf((value as { text: ExcelValue }).text);
  }
  return String(value);
}

function formulaOf(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  if (value && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) {
    const formula = (value as { formula?: string }).formula ?? cell.formula;
    return formula ? `=${formula}` : "=(rumus)";
  }
  return null;
}

/**
 * The port over exceljs, for .xlsx files in Node and in the browser. Holds one workbook in memory:
 * `read` gives every defined name with its cells, `apply` writes results and renders the Lembar,
 * `save` gives the new file's bytes. The input bytes are never changed.
 */
export class XlsxSession implements WorkbookSession {
  private constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly parts: WorkbookParts,
    readonly stored: Stored
  ) {}

  static async open(bytes: Uint8Array): Promise<XlsxSession> {
    checkWorkbookFile(bytes);
    let zip: JSZip;
    let parts: WorkbookParts;
    const workbook = new ExcelJS.Workbook();
    try {
      zip = await JSZip.loadAsync(bytes);
      parts = await readWorkbookParts(zip, STORED_KEY);
      await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    } catch {
      throw new UnreadableWorkbook(
        "not-workbook",
        "Berkas ini tidak dapat dibuka sebagai buku kerja Excel: bagian-bagiannya rusak atau tidak lengkap. Buka di Excel, simpan ulang sebagai .xlsx, lalu coba lagi."
      );
    }
    const hidden = workbook.getWorksheet(SETTINGS_SHEET);
    let raw = parts.addinSettings;
    if (raw === undefined && hidden) {
      try {
        raw = JSON.parse(String(hidden.getCell(1, 1).value ?? ""));
      } catch {
        raw = undefined;
      }
    }
    return new XlsxSession(workbook, parts, parseStored(raw));
  }

  async read(): Promise<WorkbookData> {
    const wanted = wantedNames(this.stored.settings);
    const names: NameData[] = [];
    for (const raw of this.parts.definedNames) {
      if (!wanted.has(raw.name.toLowerCase())) continue;
      const scope =
        raw.localSheetId === null ? null : (this.parts.sheetNames[raw.localSheetId] ?? null);
      names.push(this.nameData(raw, scope));
    }
    return {
      activeSheet: this.parts.sheetNames[this.parts.activeTab] ?? this.parts.sheetNames[0] ?? null,
      names,
      storedSettings: this.stored.settings,
    };
  }

  private nameData(raw: RawDefinedName, scope: string | null): NameData {
    const base = { name: raw.name, scope };
    const refersTo = `=${raw.formula}`;
    if (raw.formula.includes("#REF!")) return { ...base, status: "ref-error", refersTo };
    const rect = parseRangeAddress(raw.formula);
    if (!rect) return { ...base, status: "not-range", refersTo };
    const sheet = this.workbook.getWorksheet(rect.sheet);
    if (!sheet) return { ...base, status: "ref-error", refersTo };
    const values: CellValue[][] = [];
    const formats: string[][] = [];
    const formulas: (string | null)[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      // findRow/findCell: reading must not create empty cells (getCell would, and they would be written).
      const row = sheet.findRow(r);
      const v: CellValue[] = [];
      const f: string[] = [];
      const fx: (string | null)[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = row?.findCell(c);
        v.push(cell ? cellValueOf(cell.value) : null);
        f.push(cell?.numFmt || "General");
        fx.push(cell ? formulaOf(cell) : null);
      }
      values.push(v);
      formats.push(f);
      formulas.push(fx);
    }
    return {
      ...base,
      status: "range",
      range: { sheet: sheet.name, top: rect.top, left: rect.left, values, formats, formulas },
    };
  }

  /** One cell as the engine reads it (for a preview); never creates the cell. */
  valueAt(sheetName: string, row: number, column: number): CellValue {
    const cell = this.workbook.getWorksheet(sheetName)?.findRow(row)?.findCell(column);
    return cell ? cellValueOf(cell.value) : null;
  }

  async apply(changes: Changes): Promise<ApplyReport> {
    for (const write of changes.writes) this.write(write);
    if (changes.lembar) this.render(changes.lembar);
    return { notes: [] };
  }

  private write(write: CellWrite): void {
    const sheet = this.workbook.getWorksheet(write.sheet);
    if (!sheet) throw new Error(`sheet ${write.sheet} not found`);
    write.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const cell = sheet.getCell(write.top + r, write.left + c);
        if (value !== null) cell.value = value === "" ? null : value;
        const format = write.formats[r]?.[c];
        if (format) setNumberFormat(cell, format);
      })
    );
  }

  /** Replaces the plan's sheet whole: the old one removed, the new one rendered. */
  private render(plan: SheetPlan): void {
    const old = this.workbook.getWorksheet(plan.name);
    if (old) this.workbook.removeWorksheet(old.id);
    renderSheetPlan(this.workbook, plan);
  }

  /** Keeps settings and sign-off in the workbook (a very hidden sheet), validated first. */
  storeSettings(stored: Stored): void {
    const valid = validatedForStore(stored);
    const sheet =
      this.workbook.getWorksheet(SETTINGS_SHEET) ??
      this.workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    sheet.getCell(1, 1).value = JSON.stringify(valid);
  }

  /** The new file. Defined names are written back as the user made them: scope and #REF! names kept. */
  save(): Promise<Uint8Array> {
    const names = this.parts.definedNames
      .filter((n) => n.name !== "_xlnm.Print_Area" && n.name !== "_xlnm.Print_Titles")
      .map((n) => ({
        name: n.name,
        formula: n.formula,
        sheet: n.localSheetId === null ? null : (this.parts.sheetNames[n.localSheetId] ?? ""), // "" matches no sheet: dropped
      }));
    return saveWithNames(this.workbook, names);
  }
}

/**
 * Gives the cell a style object of its own: exceljs shares one per style id among loaded cells, and
 * `cell.numFmt =` would change the format of every cell that shares it (the user's targets among them).
 */
function setNumberFormat(cell: ExcelJS.Cell, format: string): void {
  if (cell.numFmt !== format) cell.style = { ...cell.style, numFmt: format };
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

export interface DefinedName {
  name: string;
  formula: string;
  /** The sheet a sheet-scoped name belongs to; null for workbook scope. */
  sheet: string | null;
}

/**
 * Writes a workbook with exactly these defined names. exceljs keeps names as a cell matrix (no sheet
 * scope, no #REF!), so its writer is handed ours; print titles it still adds itself from page setup.
 */
export async function saveWithNames(
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
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** Adds the plan as a new sheet: values, styles, merges, widths, print setup, no gridlines. */
export function renderSheetPlan(workbook: ExcelJS.Workbook, plan: SheetPlan): ExcelJS.Worksheet {
  const { print } = plan;
  const sheet = workbook.addWorksheet(plan.name, {
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
  // Merge the plan's styles per cell first, then give each cell its value and one shared style object.
  const merged: CellStyle[][] = plan.values.map((row) => row.map(() => ({})));
  for (const { area, style } of plan.styles) {
    for (let r = area.top; r <= area.bottom; r++)
      for (let c = area.left; c <= area.right; c++) Object.assign(merged[r - 1][c - 1], style);
  }
  const shared = new Map<string, Partial<ExcelJS.Style>>();
  plan.values.forEach((values, r) => {
    const row = sheet.getRow(r + 1);
    values.forEach((value, c) => {
      const style = merged[r][c];
      const key = JSON.stringify(style);
      if (value === null && key === "{}") return;
      const cell = row.getCell(c + 1);
      if (value !== null) cell.value = value;
      if (key === "{}") return;
      let excelStyle = shared.get(key);
      if (!excelStyle) {
        excelStyle = excelStyleOf(style);
        shared.set(key, excelStyle);
      }
      cell.style = excelStyle;
    });
  });
  for (const m of plan.merges) sheet.mergeCells(m.top, m.left, m.bottom, m.right);
  plan.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const { row, height } of plan.rowHeights) sheet.getRow(row).height = height;
  return sheet;
}
