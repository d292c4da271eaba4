import type { CellRef } from "./columns";
import { Finding, warning } from "./findings";
import { formatAngka, formatRupiah } from "./format";
import { cellText } from "./read-findings";
import { readCell } from "./read-cell";
import { roundNumber } from "./rounding";
import type { Settings } from "./settings";

export type FigureKind = "persen" | "rupiah";

/**
 * Compares what an output cell already says with the computed figure (the seed reports 100,56 where its
 * indicators average 100,17). The computed figure replaces it; the user is told, with both numbers.
 */
export function auditFigure(
  ref: CellRef,
  computed: number | null,
  kind: FigureKind,
  label: string,
  settings: Settings,
  findings: Finding[]
): void {
  const shown = (n: number) =>
    kind === "rupiah" ? formatRupiah(n) : formatAngka(n, settings.decimals);
  const reading = readCell(ref.value, ref.format, { money: kind === "rupiah" });
  const formulaNote = ref.formula ? ` Rumus ${ref.formula} di sel itu diganti dengan nilai.` : "";
  if (reading.kind === "missing") return;
  if (reading.kind !== "number") {
    findings.push(
      warning(
        "ANGKA_LAPORAN_BERBEDA",
        ref.address,
        () =>
          `Sel ${ref.address} (${label}) berisi "${cellText(ref.value)}"; isinya diganti dengan ${computed === null ? "sel kosong" : `hasil hitung ${shown(computed)}`}.${formulaNote}`
      )
    );
    return;
  }
  const reported = kind === "rupiah" ? reading.value : roundNumber(reading.value, settings);
  if (computed !== null && reported === computed) {
    if (ref.formula) {
      findings.push(
        warning(
          "ANGKA_LAPORAN_BERBEDA",
          ref.address,
          () => `Sel ${ref.address} (${label}) hasilnya sama, tetapi berisi rumus.${formulaNote}`
        )
      );
    }
    return;
  }
  const replacement =
    computed === null
      ? "dikosongkan karena tidak ada yang dapat dihitung"
      : `diganti dengan hasil hitung ${shown(computed)}`;
  findings.push(
    warning(
      "ANGKA_LAPORAN_BERBEDA",
      ref.address,
      () =>
        `Sel ${ref.address} memuat ${label}: ${shown(reading.value)}, sedangkan hasil hitungnya ${computed === null ? "tidak ada" : shown(computed)}. Angkanya ${replacement}; periksa dokumen yang sudah memakai angka lama.${formulaNote}`
    )
  );
}
