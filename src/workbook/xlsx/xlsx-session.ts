import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseRangeAddress } from "../../core/address";
import type { CellValue } from "../../core/cell";
import { wantedNames } from "../../core/names";
import type { SheetPlan } from "../../core/sheet-plan";
import type { NameData, WorkbookData } from "../../core/workbook-data";
import type { CellWrite } from "../../core/writes";
import type { ApplyReport, Changes, WorkbookSession } from "../port";
import { parseStored, STORED_KEY, Stored, validatedForStore } from "../stored";
import { checkWorkbookFile, UnreadableWorkbook } from "./file-check";
import { RawDefinedName, readWorkbookParts, WorkbookParts } from "./workbook-parts";
import { addPlanSheet, saveWorkbook } from "./workbook-writer";

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
  /** Sheets to write from a plan at save (the Lembar). */
  private plans: SheetPlan[] = [];
  private readonly formatted = new FormattedStyles();

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
    const width = rect.right - rect.left + 1;
    const height = rect.bottom - rect.top + 1;
    const values = new Array<CellValue[]>(height);
    const formats = new Array<string[]>(height);
    // Only for a range that holds a formula: most hold none.
    let formulas: (string | null)[][] | undefined;
    for (let r = 0; r < height; r++) {
      // findRow/findCell: reading must not create empty cells (getCell would, and they would be written).
      const row = sheet.findRow(rect.top + r);
      // Sized up front: a first push would reserve room for 17 cells, most names are one column wide.
      const v = new Array<CellValue>(width);
      const f = new Array<string>(width);
      for (let i = 0; i < width; i++) {
        const cell = row?.findCell(rect.left + i);
        v[i] = cell ? cellValueOf(cell.value) : null;
        f[i] = cell?.numFmt || "General";
        const formula = cell ? formulaOf(cell) : null;
        if (formula !== null) {
          formulas ??= Array.from({ length: height }, () =>
            new Array<string | null>(width).fill(null)
          );
          formulas[r][i] = formula;
        }
      }
      values[r] = v;
      formats[r] = f;
    }
    return {
      ...base,
      status: "range",
      range: {
        sheet: sheet.name,
        top: rect.top,
        left: rect.left,
        values,
        formats,
        ...(formulas ? { formulas } : {}),
      },
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
        if (format) this.formatted.set(cell, format);
      })
    );
  }

  /** Replaces the plan's sheet whole: the old one removed, the new one written from the plan at save. */
  private render(plan: SheetPlan): void {
    const old = this.workbook.getWorksheet(plan.name);
    if (old) this.workbook.removeWorksheet(old.id);
    this.plans = this.plans.filter((p) => p.name !== plan.name).concat(plan);
    addPlanSheet(this.workbook, plan);
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
    return saveWorkbook(this.workbook, names, this.plans);
  }
}

/**
 * Cell styles with a number format set. exceljs shares one style object per style id among loaded
 * cells, so `cell.numFmt =` would change the format of every cell sharing it (the user's targets
 * among them): a result cell gets a new object instead, one per style and format, since exceljs
 * looks each distinct style object up again when it saves.
 */
class FormattedStyles {
  private readonly byObject = new WeakMap<object, Map<string, Partial<ExcelJS.Style>>>();
  private readonly byContent = new Map<string, Map<string, Partial<ExcelJS.Style>>>();

  set(cell: ExcelJS.Cell, format: string): void {
    if (cell.numFmt !== format) cell.style = this.style(cell.style, format);
  }

  private style(base: Partial<ExcelJS.Style>, format: string): Partial<ExcelJS.Style> {
    let byFormat = this.byObject.get(base);
    if (!byFormat) {
      const key = JSON.stringify(base);
      byFormat = this.byContent.get(key) ?? new Map<string, Partial<ExcelJS.Style>>();
      this.byContent.set(key, byFormat);
      this.byObject.set(base, byFormat);
    }
    let style = byFormat.get(format);
    if (!style) {
      style = { ...base, numFmt: format };
      byFormat.set(format, style);
    }
    return style;
  }
}
