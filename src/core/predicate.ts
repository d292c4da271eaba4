import { error, Finding } from "./findings";
import type { PredicateBand } from "./settings";
import { formatAngka } from "./format";

/** The band a capaian falls in: lower bounds inclusive, upper bounds exclusive. */
export function predicateOf(value: number | null, bands: readonly PredicateBand[]): string | null {
  if (value === null) return null;
  const band = bands.find(
    (b) => (b.min === null || value >= b.min) && (b.max === null || value < b.max)
  );
  return band ? band.label : null;
}

const lowerOf = (b: PredicateBand) => (b.min === null ? -Infinity : b.min);
const upperOf = (b: PredicateBand) => (b.max === null ? Infinity : b.max);
const shown = (n: number) =>
  Number.isFinite(n) ? formatAngka(n) : n > 0 ? "tak hingga" : "minus tak hingga";

/** A configured scale must cover every value exactly once: no overlaps, no gaps. */
export function checkPredicateBands(bands: readonly PredicateBand[]): Finding[] {
  const findings: Finding[] = [];
  const sorted = [...bands].sort((a, b) => lowerOf(a) - lowerOf(b));
  const fix = "Perbaiki skala predikat di Pengaturan.";
  for (const band of sorted) {
    if (lowerOf(band) >= upperOf(band)) {
      findings.push(
        error(
          "SKALA_PREDIKAT_CELAH",
          null,
          () =>
            `Pita predikat "${band.label}" kosong: batas bawah ${shown(lowerOf(band))} tidak di bawah batas atas ${shown(upperOf(band))}. ${fix}`
        )
      );
    }
  }
  if (lowerOf(sorted[0]) !== -Infinity) {
    findings.push(
      error(
        "SKALA_PREDIKAT_CELAH",
        null,
        () =>
          `Skala predikat tidak mencakup capaian di bawah ${shown(lowerOf(sorted[0]))}. Kosongkan batas bawah pita terendah ("${sorted[0].label}"). ${fix}`
      )
    );
  }
  const last = sorted[sorted.length - 1];
  if (upperOf(last) !== Infinity) {
    findings.push(
      error(
        "SKALA_PREDIKAT_CELAH",
        null,
        () =>
          `Skala predikat tidak mencakup capaian ${shown(upperOf(last))} ke atas. Kosongkan batas atas pita tertinggi ("${last.label}"). ${fix}`
      )
    );
  }
  for (let i = 1; i < sorted.length; i++) {
    const below = sorted[i - 1];
    const above = sorted[i];
    if (lowerOf(above) < upperOf(below)) {
      findings.push(
        error(
          "SKALA_PREDIKAT_TUMPANG_TINDIH",
          null,
          () =>
            `Pita predikat "${below.label}" (sampai ${shown(upperOf(below))}) dan "${above.label}" (mulai ${shown(lowerOf(above))}) tumpang tindih. ${fix}`
        )
      );
    } else if (lowerOf(above) > upperOf(below)) {
      findings.push(
        error(
          "SKALA_PREDIKAT_CELAH",
          null,
          () =>
            `Ada celah antara pita predikat "${below.label}" (sampai ${shown(upperOf(below))}) dan "${above.label}" (mulai ${shown(lowerOf(above))}): capaian di antaranya tidak berpredikat. ${fix}`
        )
      );
    }
  }
  return findings;
}
