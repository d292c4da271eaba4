import type { Result } from "../core/compute";
import { plainFinding } from "../core/findings";

/**
 * What a screen shows of a result: plain, small and structured-clone safe (it crosses from the Web
 * Worker to the page). The indicator rows themselves, with their cell references, stay behind.
 */
export type ResultView = Pick<
  Result,
  | "settings"
  | "sasaran"
  | "total"
  | "totalPredikat"
  | "budget"
  | "pendapatan"
  | "signOff"
  | "findings"
  | "empty"
> & { indicatorCount: number };

export function toView(result: Result): ResultView {
  return {
    settings: result.settings,
    sasaran: result.sasaran,
    total: result.total,
    totalPredikat: result.totalPredikat,
    budget: result.budget,
    pendapatan: result.pendapatan,
    signOff: result.signOff,
    // Findings keep their data and write their message when read: written out here, as plain data.
    findings: result.findings.map(plainFinding),
    empty: result.empty,
    indicatorCount: result.indicators.length,
  };
}
