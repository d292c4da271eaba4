import Big from "big.js";
import { contribution } from "./capaian";
import type { IndicatorResult } from "./indicators";
import { predicateOf } from "./predicate";
import { roundNumber, roundQuotient, toBig } from "./rounding";
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

/** The mean of figures as printed, exact in decimal, then rounded as set. */
export function meanOf(
  values: readonly number[],
  settings: Pick<Settings, "decimals" | "rounding">
): number | null {
  const n = values.length;
  if (n === 0) return null;
  // Figures as printed have at most `decimals` decimals: summed as whole units they are exact.
  const scale = 10 ** settings.decimals;
  let units = 0;
  for (const v of values) {
    const u = Math.round(v * scale);
    if (Math.abs(u - v * scale) > 1e-6 || !Number.isSafeInteger(units + u)) {
      return roundNumber(values.reduce((s, x) => s.plus(toBig(x)), new Big(0)).div(n), settings);
    }
    units += u;
  }
  return roundQuotient(
    { approx: units / n / scale, exact: () => new Big(units).div(n).div(scale) },
    settings
  );
}

/** A sasaran's name as it is matched: spaces and case aside. */
export function sasaranKey(name: string): string {
  return name.replace(/\s+/g, " ").trim().toLowerCase();
}

/** Groups indicators by sasaran (a name recurring further down joins its first group) and averages each. */
export function averageBySasaran(
  indicators: readonly IndicatorResult[],
  settings: Settings
): SasaranResult[] {
  const groups = new Map<string, SasaranResult>();
  // Rows of one sasaran share its name: the key is made once per run of rows.
  let lastName: string | undefined;
  let key = "";
  indicators.forEach((indicator, i) => {
    if (indicator.sasaran !== lastName) {
      lastName = indicator.sasaran;
      key = sasaranKey(lastName);
    }
    let group = groups.get(key);
    if (!group) {
      group = {
        nomor: groups.size + 1,
        nama: indicator.sasaran,
        indicators: [],
        rataRata: null,
        predikat: null,
        jumlahDihitung: 0,
      };
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
export function totalAverage(
  indicators: readonly IndicatorResult[],
  sasaran: readonly SasaranResult[],
  settings: Settings
): number | null {
  if (settings.averaging === "indikator") {
    const values = indicators
      .filter((x) => x.capaian !== null)
      .map((x) => contribution(x.capaian!, settings));
    return meanOf(values, settings);
  }
  return meanOf(
    sasaran.map((s) => s.rataRata).filter((v): v is number => v !== null),
    settings
  );
}
