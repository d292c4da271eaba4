import { z } from "zod";

/**
 * A cell value as the adapters hand it over: what Excel (or exceljs) holds,
 * reduced to plain JSON. Error values and dates get a tagged object so that
 * they can never be mistaken for text or a number.
 */
export const CellValueSchema = z.union([
  z.number(),
  z.string(),
  z.boolean(),
  z.null(),
  z.object({ error: z.string() }).strict(),
  z.object({ date: z.string() }).strict(),
]);
export type CellValue = z.infer<typeof CellValueSchema>;

/** Error values Excel can show in a cell. A text equal to one of these is read as that error. */
export const EXCEL_ERRORS = [
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
] as const;

const errorSet = new Set<string>(EXCEL_ERRORS);

export function isExcelErrorText(text: string): boolean {
  return errorSet.has(text.trim().toUpperCase());
}
