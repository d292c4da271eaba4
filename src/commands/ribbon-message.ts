import type { HitungOutcome } from "../app/hitung";
import { countFindings } from "../core/findings";
import { formatFixed } from "../core/format";

/** What the ribbon button tells the user after a run: short, in Bahasa Indonesia. */
export function ribbonMessage(outcome: HitungOutcome): { title: string; lines: string[] } {
  const { result } = outcome;
  const { errors, warnings } = countFindings(result.findings);
  if (!outcome.written) {
    const shown = result.findings.filter((f) => f.level === "error").slice(0, 3);
    return {
      title: `Ada ${errors} galat; buku kerja tidak diubah`,
      lines: [
        ...shown.map((f) => `${f.cell ?? ""} ${f.message}`.trim()),
        errors > 3 ? `…dan ${errors - 3} galat lainnya.` : "",
        "Buka panel Capaian Kinerja (Beranda › Buka Panel) untuk melihat semua temuan dan menuju selnya.",
      ].filter(Boolean),
    };
  }
  const total = result.total === null ? "–" : formatFixed(result.total, result.settings.decimals);
  return {
    title: "Capaian dihitung",
    lines: [
      `Total rata-rata capaian: ${total}${result.totalPredikat ? ` (${result.totalPredikat})` : ""}.`,
      warnings ? `${warnings} peringatan; lihat di panel Capaian Kinerja.` : "Tidak ada temuan.",
      ...outcome.notes,
    ],
  };
}
