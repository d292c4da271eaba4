/* global Excel */
import { areaCells, parseRangeAddress, Rect } from "../../core/address";
import type { CellValue } from "../../core/cell";
import { wantedNames } from "../../core/names";
import { MAX_NAME_CELLS, NameData, WorkbookData } from "../../core/workbook-data";
import { API, ApiSupport } from "./api-support";

/** What a read learned besides the workbook data: needed to render the Lembar without another sync. */
export interface ReadState {
  activeSheet: string;
  /** The workbook's sheets, lower-cased: a generated sheet that exists is replaced. */
  sheetNames: Set<string>;
}

export interface ReadOutcome {
  data: WorkbookData;
  state: ReadState;
}

function cellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

function formulaOf(f: unknown): string | null {
  return typeof f === "string" && f.startsWith("=") ? f : null;
}

function namesOf(sheets: Excel.WorksheetCollection): Set<string> {
  return new Set(sheets.items.map((s) => s.name.toLowerCase()));
}

const refersTo = (value: unknown) => {
  const shown = String(value);
  return shown.startsWith("=") ? shown : `=${shown}`;
};

/**
 * Reads every contract name. From ExcelApi 1.4 in one sync: the contract's spellings are known, so
 * each is asked for by name in the workbook's scope, the active sheet's and the remembered data
 * sheet's, with its range and the cells it uses, all in one request. Older Excel, or a request
 * Excel refuses (a name over a whole sheet, say), goes the long way: list the names, then load
 * the ranges that are ranges (two syncs).
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  storedSettings: unknown,
  supports: ApiSupport,
  dataSheet: string | null = null
): Promise<ReadOutcome> {
  if (!supports(API.sheetNames)) return readByListing(context, storedSettings, supports, null);
  try {
    return await readInOneSync(context, storedSettings, dataSheet);
  } catch {
    // Whatever failed (a payload limit, a sheet that is gone) is met again, and said, below.
    return readByListing(context, storedSettings, supports, dataSheet);
  }
}

interface Candidate {
  item: Excel.NamedItem;
  scope: "workbook" | "active" | "data";
  range: Excel.Range;
  used: Excel.Range;
}

async function readInOneSync(
  context: Excel.RequestContext,
  storedSettings: unknown,
  dataSheet: string | null
): Promise<ReadOutcome> {
  const worksheets = context.workbook.worksheets;
  // The names collection is a navigation property: no load needed to ask it for items.
  const collections: [Candidate["scope"], Excel.NamedItemCollection][] = [
    ["workbook", context.workbook.names],
    ["active", worksheets.getActiveWorksheet().names],
  ];
  const active = worksheets.getActiveWorksheet();
  active.load("name");
  const sheets = worksheets.load("items/name");
  if (dataSheet) collections.push(["data", worksheets.getItemOrNullObject(dataSheet).names]);
  const candidates: Candidate[] = [];
  for (const spelling of wantedNames(storedSettings))
    for (const [scope, names] of collections) {
      const item = names.getItemOrNullObject(spelling);
      item.load("name,type,value");
      const range = item.getRangeOrNullObject();
      range.load("address");
      // Only the cells in use come back: a name over a whole column costs what its data costs.
      const used = range.getUsedRangeOrNullObject(false);
      used.load("address,values,numberFormat,formulas");
      candidates.push({ item, scope, range, used });
    }
  await context.sync();

  const activeName = active.name;
  const names: NameData[] = [];
  for (const { item, scope, range, used } of candidates) {
    if (item.isNullObject) continue;
    const owner = scope === "workbook" ? null : scope === "active" ? activeName : dataSheet;
    // The data sheet's collection when it is the active sheet too: the same names twice.
    if (scope === "data" && owner?.toLowerCase() === activeName.toLowerCase()) continue;
    const base = { name: item.name, scope: owner };
    if (item.type === "Error") {
      names.push({ ...base, status: "ref-error", refersTo: String(item.value) });
      continue;
    }
    const rect = range.isNullObject ? null : parseRangeAddress(range.address);
    if (!rect) {
      names.push({ ...base, status: "not-range", refersTo: refersTo(item.value) });
      continue;
    }
    if (areaCells(rect) > MAX_NAME_CELLS) {
      names.push({
        ...base,
        status: "too-large",
        refersTo: refersTo(item.value),
        cells: areaCells(rect),
      });
      continue;
    }
    names.push({ ...base, status: "range", range: padded(rect, used) });
  }
  return {
    data: { activeSheet: activeName, dataSheet, names, storedSettings },
    state: { activeSheet: activeName, sheetNames: namesOf(sheets) },
  };
}

/** The name's whole rectangle: the used cells where they are, empty unformatted cells around them. */
function padded(rect: Rect, used: Excel.Range): Extract<NameData, { status: "range" }>["range"] {
  const rows = rect.bottom - rect.top + 1;
  const columns = rect.right - rect.left + 1;
  const values: CellValue[][] = [];
  const formats: string[][] = [];
  const formulas: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array<CellValue>(columns).fill(null));
    formats.push(new Array<string>(columns).fill("General"));
    formulas.push(new Array<string | null>(columns).fill(null));
  }
  const at = used.isNullObject ? null : parseRangeAddress(used.address);
  if (at) {
    for (let r = at.top; r <= at.bottom; r++)
      for (let c = at.left; c <= at.right; c++) {
        const i = r - at.top;
        const j = c - at.left;
        values[r - rect.top][c - rect.left] = cellValue(used.values[i][j]);
        formats[r - rect.top][c - rect.left] = String(used.numberFormat[i][j]);
        formulas[r - rect.top][c - rect.left] = formulaOf(used.formulas[i][j]);
      }
  }
  return { sheet: rect.sheet, top: rect.top, left: rect.left, values, formats, formulas };
}

type Listed = { item: Excel.NamedItem; scope: string | null };

/**
 * The long way, for ExcelApi 1.1–1.3 and requests Excel refused: (1) the names of the workbook and
 * of the active and data sheets (1.4), the sheet list; (2) the cells of the names that are ranges of
 * a size to load.
 */
async function readByListing(
  context: Excel.RequestContext,
  storedSettings: unknown,
  supports: ApiSupport,
  dataSheet: string | null
): Promise<ReadOutcome> {
  const workbookNames = context.workbook.names.load("items/name,items/type,items/value");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const sheets = context.workbook.worksheets.load("items/name");
  const scoped = supports(API.sheetNames);
  const activeNames = scoped ? active.names.load("items/name,items/type,items/value") : null;
  const dataSheetItem =
    scoped && dataSheet ? context.workbook.worksheets.getItemOrNullObject(dataSheet) : null;
  dataSheetItem?.load("name");
  await context.sync();
  const dataNames =
    dataSheetItem &&
    !dataSheetItem.isNullObject &&
    dataSheetItem.name.toLowerCase() !== active.name.toLowerCase()
      ? dataSheetItem.names.load("items/name,items/type,items/value")
      : null;
  if (dataNames) await context.sync();

  const wanted = wantedNames(storedSettings);
  const items: Listed[] = [
    ...workbookNames.items.map((item) => ({ item, scope: null })),
    ...(activeNames ? activeNames.items.map((item) => ({ item, scope: active.name })) : []),
    ...(dataNames ? dataNames.items.map((item) => ({ item, scope: dataSheetItem!.name })) : []),
  ].filter(({ item }) => wanted.has(item.name.toLowerCase()));

  const ranges = items.map(({ item }) => {
    // A range name's value is its address: a whole column, or more cells than a table holds, is not loaded.
    const rect =
      item.type === "Range" ? parseRangeAddress(String(item.value).replace(/^=/, "")) : null;
    if (!rect || areaCells(rect) > MAX_NAME_CELLS) return null;
    // Before ExcelApi 1.4 there are no null objects (and no isNullObject to read).
    const range = scoped ? item.getRangeOrNullObject() : item.getRange();
    range.load("address,values,numberFormat,formulas");
    return range;
  });
  if (ranges.some((r) => r !== null)) await context.sync();

  const names: NameData[] = items.map(({ item, scope }, i) => {
    const range = ranges[i];
    const base = { name: item.name, scope };
    if (item.type === "Error")
      return { ...base, status: "ref-error", refersTo: String(item.value) };
    const listed =
      item.type === "Range" ? parseRangeAddress(String(item.value).replace(/^=/, "")) : null;
    if (listed && areaCells(listed) > MAX_NAME_CELLS)
      return {
        ...base,
        status: "too-large",
        refersTo: refersTo(item.value),
        cells: areaCells(listed),
      };
    const rect = range && !(scoped && range.isNullObject) ? parseRangeAddress(range.address) : null;
    if (!range || !rect) return { ...base, status: "not-range", refersTo: refersTo(item.value) };
    return {
      ...base,
      status: "range",
      range: {
        sheet: rect.sheet,
        top: rect.top,
        left: rect.left,
        values: range.values.map((row) => row.map(cellValue)),
        formats: range.numberFormat.map((row) => row.map((f) => String(f))),
        formulas: range.formulas.map((row) => row.map(formulaOf)),
      },
    };
  });
  return {
    data: { activeSheet: active.name, dataSheet, names, storedSettings },
    state: { activeSheet: active.name, sheetNames: namesOf(sheets) },
  };
}
