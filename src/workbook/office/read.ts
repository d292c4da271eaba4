/* global Excel */
import { parseRangeAddress } from "../../core/address";
import type { CellValue } from "../../core/cell";
import { LEMBAR_SHEET } from "../../core/lembar";
import { wantedNames } from "../../core/names";
import type { NameData, WorkbookData } from "../../core/workbook-data";
import { API, ApiSupport } from "./api-support";

/** What a read learned besides the workbook data: needed to render the Lembar without another sync. */
export interface ReadState {
  activeSheet: string;
  lembarExists: boolean;
}

type Item = { item: Excel.NamedItem; scope: string | null };

function cellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  return String(v);
}

/**
 * Reads every contract name in two syncs whatever the size: (1) the names of the workbook and the
 * active sheet, the sheet list; (2) the cells of the wanted ranges with formats and formulas.
 */
export async function readWorkbook(
  context: Excel.RequestContext,
  storedSettings: unknown,
  supports: ApiSupport
): Promise<{ data: WorkbookData; state: ReadState }> {
  const workbookNames = context.workbook.names.load("items/name,items/type,items/value");
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load("name");
  const sheets = context.workbook.worksheets.load("items/name");
  const sheetScoped = supports(API.sheetNames)
    ? active.names.load("items/name,items/type,items/value")
    : null;
  await context.sync();

  const wanted = wantedNames(storedSettings);
  const nullObjects = supports(API.sheetNames);
  const items: Item[] = [
    ...workbookNames.items.map((item) => ({ item, scope: null })),
    ...(sheetScoped ? sheetScoped.items.map((item) => ({ item, scope: active.name })) : []),
  ].filter(({ item }) => wanted.has(item.name.toLowerCase()));

  const ranges = items.map(({ item }) => {
    // A range name's value is its address: a whole column, or several areas, is not loaded (a column is a million cells).
    if (item.type !== "Range" || !parseRangeAddress(String(item.value).replace(/^=/, "")))
      return null;
    // Before ExcelApi 1.4 there are no null objects (and no isNullObject to read).
    const range = nullObjects ? item.getRangeOrNullObject() : item.getRange();
    range.load("address,values,numberFormat,formulas");
    return range;
  });
  if (ranges.some((r) => r !== null)) await context.sync();

  const names: NameData[] = items.map(({ item, scope }, i) => {
    const range = ranges[i];
    const base = { name: item.name, scope };
    if (item.type === "Error")
      return { ...base, status: "ref-error", refersTo: String(item.value) };
    const rect =
      range && !(nullObjects && range.isNullObject) ? parseRangeAddress(range.address) : null;
    if (!range || !rect) {
      const shown = String(item.value);
      return {
        ...base,
        status: "not-range",
        refersTo: shown.startsWith("=") ? shown : `=${shown}`,
      };
    }
    return {
      ...base,
      status: "range",
      range: {
        sheet: rect.sheet,
        top: rect.top,
        left: rect.left,
        values: range.values.map((row) => row.map(cellValue)),
        formats: range.numberFormat.map((row) => row.map((f) => String(f))),
        formulas: range.formulas.map((row) =>
          row.map((f) => (typeof f === "string" && f.startsWith("=") ? f : null))
        ),
      },
    };
  });
  const lembarExists = sheets.items.some(
    (s) => s.name.toLowerCase() === LEMBAR_SHEET.toLowerCase()
  );
  return {
    data: { activeSheet: active.name, names, storedSettings },
    state: { activeSheet: active.name, lembarExists },
  };
}
