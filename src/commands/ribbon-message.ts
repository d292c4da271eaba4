import type { HitungOutcome } from "../app/hitung";
import { formatFixed } from "../core/format";

/** What the ribbon button tells the user after a run: short, in Bahasa Indonesia. */
export function ribbonMessage(outcome: HitungOutcome): { title: string; lines: string[] } {
  const { result } = outcome;
  const errors = result.findings.filter((f) => f.level === "error");
  const warnings = result.findings.length - errors.length;
  if (!outcome.written) {
    return {
      title: `Ada ${errors.length} galat; buku kerja tidak diubah`,
      lines: [
        ...errors.slice(0, 3).map((f) => `${f.cell ?? ""} ${f.message}`.trim()),
        errors.length > 3 ? `…dan ${errors.length - 3} galat lainnya.` : "",
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
