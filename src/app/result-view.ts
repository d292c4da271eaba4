import type { Result } from "../core/compute";

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
    findings: result.findings,
    empty: result.empty,
    indicatorCount: result.indicators.length,
  };
}
