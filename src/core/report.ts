import * as z from "zod/mini";
import type { Result } from "./compute";
import type { Finding } from "./findings";
import { perbandinganOf } from "./perbandingan";
import { cellText } from "./read-findings";

/** The JSON report of CONTRACT.md §6: field names as the contract gives them. */
const num = z.nullable(z.number());
const Figures = { anggaran: z.number(), realisasi: z.number(), serapan: num, sisa: z.number() };
const Efisiensi = {
  capaian: num,
  ...Figures,
  selisih: num,
  status: z.nullable(z.enum(["Efisien", "Kurang efisien"])),
};

export const ReportSchema = z.strictObject({
  indikator: z.array(
    z.strictObject({
      sel: z.string(),
      sasaran: z.string(),
      indikator: z.string(),
      arah: z.enum(["positif", "negatif"]),
      target: z.nullable(z.union([z.number(), z.string()])),
      realisasi: z.nullable(z.union([z.number(), z.string()])),
      capaian: num,
      predikat: z.nullable(z.string()),
    })
  ),
  sasaran: z.array(z.strictObject({ nama: z.string(), rataRata: num, jumlahIndikator: z.int() })),
  rataRataTotal: num,
  anggaran: z.nullable(
    z.strictObject({
      baris: z.array(
        z.strictObject({
          uraian: z.string(),
          kelompok: z.string(),
          anggaran: num,
          realisasi: num,
          serapan: num,
          sisa: num,
        })
      ),
      kelompok: z.array(z.strictObject({ nama: z.string(), ...Figures })),
      total: z.strictObject(Figures),
      silpa: z.number(),
    })
  ),
  /** CONTRACT.md §7.4, one row per indicator, keys as the table's columns. */
  perbandingan: z.array(
    z.strictObject({
      nomor: z.int(),
      sasaran: z.string(),
      indikator: z.string(),
      capaianLalu: num,
      capaian: num,
      perubahan: z.nullable(z.enum(["naik", "turun", "tetap"])),
      targetAkhirRenstra: z.nullable(z.union([z.number(), z.string()])),
      capaianRenstra: num,
    })
  ),
  /** CONTRACT.md §7.5, when the budget table has SasaranAnggaran. */
  efisiensi: z.nullable(
    z.strictObject({
      baris: z.array(z.strictObject({ nomor: z.int(), sasaran: z.string(), ...Efisiensi })),
      total: z.strictObject(Efisiensi),
      tanpaSasaran: z.int(),
    })
  ),
  temuan: z.array(
    z.strictObject({
      tingkat: z.enum(["galat", "peringatan"]),
      kode: z.string(),
      sel: z.nullable(z.string()),
      pesan: z.string(),
    })
  ),
});
export type Report = z.infer<typeof ReportSchema>;

export function reportFinding(f: Finding): Report["temuan"][number] {
  return {
    tingkat: f.level === "error" ? "galat" : "peringatan",
    kode: f.code,
    sel: f.cell,
    pesan: f.message,
  };
}

/** Target or realisasi as the report gives it: the number read, else the text as typed. */
function shown(
  value: Parameters<typeof cellText>[0],
  reading: { kind: string; value?: number }
): number | string | null {
  if (reading.kind === "number" && reading.value !== undefined) return reading.value;
  const text = cellText(value);
  return text === "" ? null : text;
}

export function toReport(result: Result): Report {
  return {
    indikator: result.indicators.map((x) => ({
      sel: x.cell,
      sasaran: x.sasaran,
      indikator: x.indikator,
      arah: x.arah,
      target: shown(x.target.value, x.targetReading),
      realisasi: shown(x.realisasi.value, x.realisasiReading),
      capaian: x.capaian,
      predikat: x.predikat,
    })),
    sasaran: result.sasaran.map((s) => ({
      nama: s.nama,
      rataRata: s.rataRata,
      jumlahIndikator: s.indicators.length,
    })),
    rataRataTotal: result.total,
    anggaran: result.budget && {
      baris: result.budget.lines.map((l) => ({
        uraian: l.uraian,
        kelompok: l.kelompok,
        anggaran: l.anggaran ?? null,
        realisasi: l.realisasi ?? null,
        serapan: l.serapan ?? null,
        sisa: l.sisa ?? null,
      })),
      kelompok: result.budget.groups.map((g) => ({
        nama: g.nama,
        anggaran: g.anggaran,
        realisasi: g.realisasi,
        serapan: g.serapan,
        sisa: g.sisa,
      })),
      total: result.budget.total,
      silpa: result.budget.silpa,
    },
    perbandingan: perbandinganOf(result.indicators, result.settings),
    efisiensi: result.efisiensi && {
      baris: result.efisiensi.rows,
      total: result.efisiensi.total,
      tanpaSasaran: result.efisiensi.tanpaSasaran,
    },
    temuan: result.findings.map(reportFinding),
  };
}
