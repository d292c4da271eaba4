/** Findings: what a check says about the workbook (CONTRACT.md §4). */

export type Level = "error" | "warning";

export const CODES = [
  "NAMA_WAJIB_TIDAK_ADA",
  "NAMA_RUSAK_REF",
  "NAMA_BUKAN_RANGE",
  "RANGE_PANJANG_BERBEDA",
  "RANGE_LEBIH_SATU_KOLOM",
  "RANGE_KELUARAN_TUMPANG_TINDIH",
  "SEL_TUNGGAL_LEBIH_DARI_SATU",
  "NILAI_TIDAK_TERBACA",
  "NILAI_GALAT",
  "TARGET_KOSONG",
  "TARGET_NOL",
  "TARGET_NEGATIF",
  "REALISASI_KOSONG",
  "REALISASI_RENTANG",
  "JENIS_TARGET_REALISASI_BEDA",
  "KUALITATIF_TIDAK_DIKENAL",
  "KUALITATIF_DI_BAWAH_TARGET",
  "CAPAIAN_NEGATIF",
  "ARAH_TIDAK_DIKENAL",
  "ARAH_BERTENTANGAN",
  "ARAH_TAMPAK_NEGATIF",
  "ANGKA_SEBAGAI_TEKS",
  "ANGKA_LAPORAN_BERBEDA",
  "ANGGARAN_KOSONG",
  "ANGGARAN_NEGATIF",
  "REALISASI_ANGGARAN_KOSONG",
  "REALISASI_ANGGARAN_NEGATIF",
  "REALISASI_MELEBIHI_ANGGARAN",
  "ANGGARAN_NOL_ADA_BELANJA",
  "PENDAPATAN_TIDAK_LENGKAP",
  "SKALA_PREDIKAT_TUMPANG_TINDIH",
  "SKALA_PREDIKAT_CELAH",
  "PENGATURAN_TIDAK_SAH",
  "NIP_TIDAK_SAH",
  "SASARAN_ANGGARAN_TIDAK_DIKENAL",
] as const;
export type Code = (typeof CODES)[number];

export interface Finding {
  readonly level: Level;
  readonly code: Code;
  /** The address as Excel shows it, or null when the finding is about no one cell. */
  readonly cell: string | null;
  /** Bahasa Indonesia: what is wrong and what to do. */
  readonly message: string;
}

/** A message, or how to write it: most findings are never shown, so their text is built on demand. */
export type MessageText = string | (() => string);

/**
 * A finding as the engine keeps it: its data, and its message built when shown. A workbook of
 * 100,000 rows can yield 80,000 findings; as ready-made strings they took more memory than the rows.
 */
class StoredFinding implements Finding {
  constructor(
    readonly level: Level,
    readonly code: Code,
    private readonly place: Place,
    private readonly text: MessageText
  ) {}
  get cell(): string | null {
    return typeof this.place === "object" && this.place !== null ? this.place.address : this.place;
  }
  get message(): string {
    return typeof this.text === "string" ? this.text : this.text();
  }
}

/** Where a finding points: an address, a cell that knows its address (computed when shown), or none. */
export type Place = string | null | { readonly address: string };

export function error(code: Code, cell: Place, message: MessageText): Finding {
  return new StoredFinding("error", code, cell, message);
}

export function warning(code: Code, cell: Place, message: MessageText): Finding {
  return new StoredFinding("warning", code, cell, message);
}

/** A finding as plain data, with its message written out: for a Worker's message or a JSON file. */
export function plainFinding(f: Finding): Finding {
  return { level: f.level, code: f.code, cell: f.cell, message: f.message };
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.level === "error");
}

/** How many errors and warnings stand: the one count every face (pane, page, ribbon, command) shows. */
export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.level === "error") errors++;
  return { errors, warnings: findings.length - errors };
}
