import { numericCapaian } from "./capaian";
import type { IndicatorResult } from "./indicators";
import { qualitativeCapaian } from "./qualitative";
import { readCell, Reading } from "./read-cell";
import { numberIn, shownIn } from "./read-findings";
import { Quotient, roundNumber, roundQuotient } from "./rounding";
import type { Settings } from "./settings";

export type Perubahan = "naik" | "turun" | "tetap";

/** CONTRACT.md §7.4: one indicator against last year and against the end of the Renstra. */
export interface PerbandinganRow {
  /** 1-based, in the table's order. */
  nomor: number;
  sasaran: string;
  indikator: string;
  /** Last year's capaian % (`CapaianLalu`), as read. */
  capaianLalu: number | null;
  capaian: number | null;
  /** This year's capaian against last year's; null when either is missing. */
  perubahan: Perubahan | null;
  /** The end-of-Renstra target as typed (`TargetAkhirRenstra`); null without the name or a value. */
  targetAkhirRenstra: number | string | null;
  /** This year's realisation against that target, by the rules of §3; null when not computable. */
  capaianRenstra: number | null;
}

export function perubahanOf(lalu: number | null, kini: number | null): Perubahan | null {
  if (lalu === null || kini === null) return null;
  return kini > lalu ? "naik" : kini < lalu ? "turun" : "tetap";
}

/** The capaian of a realisation against another target, by the formulas of §3; null when none. */
function capaianAgainst(
  target: Reading,
  realisasi: Reading,
  x: IndicatorResult,
  settings: Settings
): number | null {
  let q: Quotient | null = null;
  if ((target.kind === "number" || target.kind === "range") && realisasi.kind === "number") {
    const numeric =
      target.kind === "range" ? target : ({ kind: "number", value: target.value } as const);
    const outcome = numericCapaian(numeric, realisasi.value, x.arah, settings.negativeFormula);
    if (outcome.ok) q = outcome;
  } else if (target.kind === "text" && realisasi.kind === "text") {
    const outcome = qualitativeCapaian(target.text, realisasi.text);
    if (outcome.kind === "ok") q = outcome.capaian;
  }
  return q ? roundQuotient(q, settings) : null;
}

export function perbandinganOf(
  indicators: readonly IndicatorResult[],
  settings: Settings
): PerbandinganRow[] {
  return indicators.map((x, i) => {
    const capaianLalu = numberIn(x.capaianLalu);
    const end = x.targetAkhirRenstra;
    const endReading = end ? readCell(end.value, end.format) : null;
    return {
      nomor: i + 1,
      sasaran: x.sasaran,
      indikator: x.indikator,
      capaianLalu,
      capaian: x.capaian,
      // Compared as both are shown (decimals as set), so that 100,004 and 100 are "tetap".
      perubahan: perubahanOf(
        capaianLalu === null ? null : roundNumber(capaianLalu, settings),
        x.capaian
      ),
      targetAkhirRenstra: shownIn(end),
      capaianRenstra:
        endReading && x.status === "dihitung"
          ? capaianAgainst(endReading, x.realisasiReading, x, settings)
          : null,
    };
  });
}
