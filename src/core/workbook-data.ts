import * as z from "zod/mini";
import { gridOf, isCellValue } from "./cell";

/**
 * What an adapter reads from a workbook: every defined name it found, plain data only.
 * Resolving which name wins (sheet scope over workbook scope, case-insensitive) is the core's job.
 */
export const RangeDataSchema = z.object({
  sheet: z.string(),
  /** 1-based row and column of the top-left cell. */
  top: z.int().check(z.minimum(1)),
  left: z.int().check(z.minimum(1)),
  values: gridOf(isCellValue, "a cell value (number, text, boolean, null, {error} or {date})"),
  /** Excel number format codes (invariant, as Range.numberFormat gives them), same shape as values. */
  formats: z.optional(gridOf((v): v is string => typeof v === "string", "a number format")),
  /** Formulas where a cell holds one (else null), same shape as values. */
  formulas: z.optional(
    gridOf((v): v is string | null => v === null || typeof v === "string", "a formula or null")
  ),
});
export type RangeData = z.infer<typeof RangeDataSchema>;

const NameBase = {
  name: z.string().check(z.minLength(1)),
  /** The sheet a sheet-scoped name belongs to; null for workbook scope. */
  scope: z.nullable(z.string()),
};

export const NameDataSchema = z.discriminatedUnion("status", [
  z.object({ ...NameBase, status: z.literal("range"), range: RangeDataSchema }),
  /** The name points at a deleted range: its formula shows #REF!. */
  z.object({ ...NameBase, status: z.literal("ref-error"), refersTo: z.string() }),
  /** The name holds a constant or formula, or spans several areas: not one range. */
  z.object({ ...NameBase, status: z.literal("not-range"), refersTo: z.string() }),
  /** The name covers more cells than a table of the contract can hold: not loaded. */
  z.object({
    ...NameBase,
    status: z.literal("too-large"),
    refersTo: z.string(),
    cells: z.number(),
  }),
]);
export type NameData = z.infer<typeof NameDataSchema>;

/**
 * The largest named range an adapter loads: a name over more cells is "too-large" (no LKjIP table
 * comes near it, and a whole column or a name over a thousand columns would take gigabytes).
 */
export const MAX_NAME_CELLS = 1_000_000;

export const WorkbookDataSchema = z.object({
  activeSheet: z.nullable(z.string()),
  /**
   * The sheet the last run read its tables from, remembered with the workbook: its sheet-scoped
   * names count when the active sheet has none (the Lembar, say, is active).
   */
  dataSheet: z.optional(z.nullable(z.string())),
  names: z.array(NameDataSchema),
  /** Settings stored with the workbook, unvalidated (the core validates them). */
  storedSettings: z.optional(z.unknown()),
});
export type WorkbookData = z.infer<typeof WorkbookDataSchema>;
