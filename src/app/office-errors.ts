import { UnsupportedInExcel } from "../workbook/office/api-support";

/**
 * What went wrong in Excel, said so that a planning officer knows what to do. Never a stack trace.
 * The codes are Office.js's documented ones (Excel.ErrorCodes, OfficeExtension.ErrorCodes).
 */
const SAID: Record<string, string> = {
  AccessDenied:
    "Excel menolak perubahan: lembar kerja atau buku kerja mungkin dilindungi (Tinjau › Buka Proteksi Lembar). Buka proteksinya, lalu coba lagi.",
  InvalidOperationInCellEditMode:
    "Excel sedang menyunting sebuah sel. Tekan Enter atau Esc di sel itu, lalu coba lagi.",
  ItemNotFound:
    "Sebuah lembar atau nama range yang dirujuk tidak ditemukan lagi. Periksa nama range di Rumus › Manajer Nama, lalu coba lagi.",
  ApiNotFound:
    "Excel ini belum mendukung fitur yang dipakai Capaian Kinerja (perlu Microsoft 365 atau Office 2021 ke atas). Perbarui Office, atau pakai halaman peramban Capaian Kinerja atau perintah capaian untuk berkas ini.",
  RequestPayloadSizeLimitExceeded:
    "Data terlalu besar untuk dikirim ke Excel sekaligus. Bagi tabel menjadi beberapa lembar, lalu coba lagi.",
  ResponsePayloadSizeLimitExceeded:
    "Data yang diminta dari Excel terlalu besar (lebih dari batas Excel untuk sekali baca). Periksa apakah sebuah nama range menunjuk ke seluruh kolom atau lembar (Rumus › Manajer Nama), arahkan ke sel tabel saja, lalu coba lagi.",
  InvalidSelection:
    "Pilihan sel tidak dapat dipakai: pilih satu blok sel yang bersambung (bukan beberapa blok dengan Ctrl), lalu coba lagi.",
  Conflict:
    "Buku kerja sedang diubah oleh orang lain atau oleh Excel. Tunggu sebentar, lalu coba lagi.",
  RequestAborted:
    "Permintaan ke Excel terputus. Periksa sambungan internet (Excel di web), lalu coba lagi.",
  ServiceNotAvailable: "Layanan Excel sedang tidak tersedia. Tunggu sebentar, lalu coba lagi.",
};

export function describeError(error: unknown): string {
  if (error instanceof UnsupportedInExcel) return error.message;
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : "";
  if (SAID[code]) return SAID[code];
  const message = error instanceof Error ? error.message : String(error);
  return `Terjadi kendala saat bekerja dengan Excel (${code || message}). Simpan buku kerja Anda, tutup lalu buka kembali panel ini, dan coba lagi.`;
}
