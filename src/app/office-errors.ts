/** What went wrong in Excel, said so that a planning officer knows what to do. Never a stack trace. */
export function describeError(error: unknown): string {
  const code =
    typeof error === "object" && error !== null && "code" in error
      ? String((error as { code: unknown }).code)
      : "";
  switch (code) {
    case "AccessDenied":
    case "InvalidOperationInCellEditMode":
      return code === "AccessDenied"
        ? "Excel menolak perubahan: lembar kerja atau buku kerja mungkin dilindungi (Tinjau › Buka Proteksi Lembar). Buka proteksinya, lalu coba lagi."
        : "Excel sedang menyunting sebuah sel. Tekan Enter atau Esc di sel itu, lalu coba lagi.";
    case "ItemNotFound":
      return "Sebuah lembar atau nama range yang dirujuk tidak ditemukan lagi. Periksa nama range di Rumus › Manajer Nama, lalu coba lagi.";
    case "RequestPayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return "Data terlalu besar untuk dikirim ke Excel sekaligus. Bagi tabel menjadi beberapa lembar, lalu coba lagi.";
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `Terjadi kendala saat bekerja dengan Excel (${code || message}). Simpan buku kerja Anda, tutup lalu buka kembali panel ini, dan coba lagi.`;
    }
  }
}
