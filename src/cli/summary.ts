import type { Result } from "../core/compute";
import { spellingOf } from "../core/names";
import { countFindings, Finding } from "../core/findings";
import { formatFixed, formatRupiah } from "../core/format";

/** "Temuan: 1 galat, 6 peringatan". */
export function findingCount(findings: readonly Finding[]): string {
  const { errors, warnings } = countFindings(findings);
  return `Temuan: ${errors} galat, ${warnings} peringatan`;
}

/** Findings one per line, errors first: level, cell, message. */
export function findingLines(findings: readonly Finding[]): string[] {
  const ordered = [...findings].sort((a, b) =>
    a.level === b.level ? 0 : a.level === "error" ? -1 : 1
  );
  return ordered.map(
    (f) => `${f.level === "error" ? "GALAT     " : "PERINGATAN"}  ${f.cell ?? "-"}  ${f.message}`
  );
}

/** A table cell of fixed width, cut with "…" when too long. */
export function pad(text: string, width: number, right = false): string {
  const cut = text.length > width ? `${text.slice(0, width - 1)}…` : text;
  return right ? cut.padStart(width) : cut.padEnd(width);
}

/** What a planning officer reads after a run: averages per sasaran, the total, the budget. */
export function summaryText(result: Result): string {
  const { signOff, settings } = result;
  const d = settings.decimals;
  const lines: string[] = [];
  const title = ["Capaian Kinerja", signOff.namaOPD, signOff.tahun && `Tahun ${signOff.tahun}`]
    .filter(Boolean)
    .join(" — ");
  lines.push(title, "");
  if (result.sasaran.length > 0) {
    lines.push(
      `${pad("Sasaran", 58)} ${pad("Indikator", 9, true)} ${pad("Rata-rata", 10, true)}  Predikat`
    );
    for (const s of result.sasaran) {
      const average = s.rataRata === null ? "-" : formatFixed(s.rataRata, d);
      lines.push(
        `${pad(`${s.nomor}. ${s.nama || "(tanpa nama sasaran)"}`, 58)} ${pad(String(s.indicators.length), 9, true)} ${pad(average, 10, true)}  ${s.predikat ?? "-"}`
      );
    }
    const label =
      settings.averaging === "sasaran"
        ? "Total rata-rata capaian sasaran"
        : "Rata-rata capaian seluruh indikator";
    lines.push(
      `${label}: ${result.total === null ? "-" : `${formatFixed(result.total, d)} (${result.totalPredikat ?? "-"})`}`,
      ""
    );
  }
  if (result.budget) {
    const t = result.budget.total;
    lines.push(
      `Anggaran ${formatRupiah(t.anggaran)} · Realisasi ${formatRupiah(t.realisasi)} · Serapan ${t.serapan === null ? "-" : `${formatFixed(t.serapan, d)} %`} · Sisa Anggaran (SiLPA) ${formatRupiah(result.budget.silpa)}`
    );
    for (const g of result.budget.groups) {
      lines.push(
        `  ${g.nama}: ${formatRupiah(g.realisasi)} dari ${formatRupiah(g.anggaran)} (${g.serapan === null ? "-" : `${formatFixed(g.serapan, d)} %`}), sisa ${formatRupiah(g.sisa)}`
      );
    }
  }
  if (result.pendapatan) {
    const p = result.pendapatan;
    lines.push(
      `Pendapatan ${formatRupiah(p.realisasi)} dari target ${formatRupiah(p.target)}${p.capaian === null ? "" : ` (${formatFixed(p.capaian, d)} %)`}`
    );
  }
  return lines.join("\n");
}

/**
 * For a workbook that defines none of the contract's names: one message that it is not set up yet,
 * which names it needs, and how to define them (the command cannot: Excel or the add-in can).
 */
export function notSetUpText(result: Result): string {
  const name = (n: Parameters<typeof spellingOf>[0]) => `"${spellingOf(n, result.settings)}"`;
  return [
    "Buku kerja ini belum disiapkan: Capaian Kinerja membaca tabel Anda lewat nama range, dan belum ada satu pun nama yang dikenalnya di berkas ini.",
    `Yang diperlukan: ${name("Target")} dan ${name("Realisasi")}, masing-masing satu kolom di baris-baris indikator; untuk anggaran ${name("Anggaran")} dan ${name("RealisasiAnggaran")}. Nama lain (Sasaran, Indikator, Capaian, Serapan, NamaOPD, …) tidak wajib; daftarnya ada di README.`,
    "Cara menetapkannya di Excel: pilih sel-sel satu kolom, lalu Rumus › Manajer Nama › Baru (atau ketik namanya di Kotak Nama di kiri atas). Dengan add-in Capaian Kinerja di Excel, tombol Siapkan Nama di panelnya mengusulkan nama-nama itu dari judul kolom tabel Anda.",
  ].join("\n");
}
