import Big from "big.js";
import type { IndicatorResult } from "./indicators";
import { predicateOf } from "./predicate";
import { roundNumber } from "./rounding";
import type { Settings } from "./settings";

export interface SasaranResult {
  /** 1-based number of the sasaran, in order of first appearance. */
  nomor: number;
  nama: string;
  /** Indexes into the indicator results, in their order. */
  indicators: number[];
  rataRata: number | null;
  predikat: string | null;
  /** Indicators with a capaian, the ones averaged. */
  jumlahDihitung: number;
}

/** A capaian as it counts inside an average: below 0 counts as 0; above the cap, as the cap. */
export function contribution(capaian: number, settings: Pick<Settings, "cap">): number {
  const floored = Math.max(capaian, 0);
  return settings.cap !== null ? Math.min(floored, settings.cap) : floored;
}

/** The mean of figures as printed, exact in decimal, then rounded as set. */
export function meanOf(values: readonly number[], settings: Pick<Settings, "decimals" | "rounding">): number | null {
  if (values.length === 0) return null;
  const sum = values.reduce((s, v) => s.plus(v), new Big(0));
  return roundNumber(sum.div(values.length), settings);
}

/** Groups indicators by sasaran (a name recurring further down joins its first group) and averages each. */
export function averageBySasaran(indicators: readonly IndicatorResult[], settings: Settings): SasaranResult[] {
  const groups = new Map<string, SasaranResult>();
  indicators.forEach((indicator, i) => {
    const key = indicator.sasaran.replace(/\s+/g, " ").toLowerCase();
    let group = groups.get(key);
    if (!group) {
      group = { nomor: groups.size + 1, nama: indicator.sasaran, indicators: [], rataRata: null, predikat: null, jumlahDihitung: 0 };
      groups.set(key, group);
    }
    group.indicators.push(i);
  });
  for (const group of groups.values()) {
    const values = group.indicators
      .map((i) => indicators[i].capaian)
      .filter((c): c is number => c !== null)
      .map((c) => contribution(c, settings));
    group.jumlahDihitung = values.length;
    group.rataRata = meanOf(values, settings);
    group.predikat = predicateOf(group.rataRata, settings.predicateBands);
  }
  return [...groups.values()];
}

/** The total: mean of the sasaran averages (default) or of all indicators. */
export function totalAverage(indicators: readonly IndicatorResult[], sasaran: readonly SasaranResult[], settings: Settings): number | null {
  if (settings.averaging === "indikator") {
    const values = indicators.filter((x) => x.capaian !== null).map((x) => contribution(x.capaian!, settings));
    return meanOf(values, settings);
  }
  return meanOf(
    sasaran.map((s) => s.rataRata).filter((v): v is number => v !== null),
    settings
  );
}
