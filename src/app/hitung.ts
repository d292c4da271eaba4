import { compute, ComputeOptions, Result } from "../core/compute";
import { hasErrors } from "../core/findings";
import { buildLembar } from "../core/lembar";
import { WorkbookDataSchema } from "../core/workbook-data";
import type { WorkbookSession } from "../workbook/port";

export interface HitungOptions extends ComputeOptions {
  /** Also generate the Lembar Pengukuran sheet. */
  lembar?: boolean;
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
  const lembar = options.lembar ? buildLembar(result).plan : undefined;
  const report = await session.apply({ writes: result.writes, lembar });
  return { result, written: true, notes: report.notes };
}
