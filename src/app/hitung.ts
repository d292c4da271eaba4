import { compute, ComputeOptions, Result } from "../core/compute";
import { hasErrors } from "../core/findings";
import { buildLembar } from "../core/lembar";
import { buildTabel } from "../core/tabel";
import { WorkbookDataSchema } from "../core/workbook-data";
import type { WorkbookSession } from "../workbook/port";

export interface HitungOptions extends ComputeOptions {
  /** Also generate the Lembar Pengukuran sheet. */
  lembar?: boolean;
  /** Also generate the Tabel LKjIP sheet (CONTRACT.md §7). */
  tabel?: boolean;
}

export interface HitungOutcome {
  result: Result;
  /** True when results (and the Lembar, if asked) were written; false while an error stands. */
  written: boolean;
  notes: string[];
}

/** Reads, validates what the adapter gave, and computes: what a screen shows before anything is written. */
export async function periksa(
  session: WorkbookSession,
  options: ComputeOptions = {}
): Promise<Result> {
  return compute(WorkbookDataSchema.parse(await session.read()), options);
}

/**
 * The one use case behind every door (task pane, ribbon button, command line, browser page):
 * read the workbook, validate what the adapter gave, compute, and write only if no error stands.
 */
export async function hitung(
  session: WorkbookSession,
  options: HitungOptions = {}
): Promise<HitungOutcome> {
  const result = await periksa(session, options);
  if (hasErrors(result.findings)) return { result, written: false, notes: [] };
  const sheets = [
    ...(options.lembar ? [buildLembar(result).plan] : []),
    ...(options.tabel ? [buildTabel(result).plan] : []),
  ];
  const report = await session.apply({ writes: result.writes, sheets });
  return { result, written: true, notes: report.notes };
}
