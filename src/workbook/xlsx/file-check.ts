/* global TextDecoder */
/**
 * Checks a file before exceljs opens it, so that a bad file gets a sentence instead of a stack trace:
 * not a zip, an old .xls, a password-protected workbook, too large, or a zip bomb.
 */

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** What all entries may expand to; a real LKjIP workbook is a few megabytes. */
export const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;
/** An entry that expands more than this many times is a zip bomb, not a spreadsheet. */
export const MAX_RATIO = 200;

export type FileProblem =
  "too-large" | "xls" | "encrypted" | "not-zip" | "zip-bomb" | "not-workbook";

export class UnreadableWorkbook extends Error {
  constructor(
    public readonly problem: FileProblem,
    message: string
  ) {
    super(message);
  }
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function utf16(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
  return bytes;
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** The entries of a zip's central directory, read without inflating anything; null if it is no zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== 0x04034b50) return null;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed, uncompressed });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function checkWorkbookFile(bytes: Uint8Array): void {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableWorkbook(
      "too-large",
      `Berkas ini ${MB(bytes.length)}, lebih besar dari batas ${MB(MAX_FILE_BYTES)} untuk buku kerja LKjIP. Periksa apakah berkas yang benar yang dipilih, atau pisahkan lampiran besar dari buku kerjanya.`
    );
  }
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    if (contains(bytes, utf16("EncryptionInfo"))) {
      throw new UnreadableWorkbook(
        "encrypted",
        "Buku kerja ini dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File › Info › Lindungi Buku Kerja › Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu coba lagi."
      );
    }
    throw new UnreadableWorkbook(
      "xls",
      "Ini berkas .xls dari Excel lama (97–2003). Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx), kemudian coba lagi."
    );
  }
  const entries = zipEntries(bytes);
  if (!entries) {
    throw new UnreadableWorkbook(
      "not-zip",
      "Berkas ini bukan buku kerja Excel (.xlsx): isinya tidak dapat dibaca sebagai berkas Excel. Pastikan yang dipilih berkas .xlsx yang disimpan dari Excel."
    );
  }
  const total = entries.reduce((sum, e) => sum + e.uncompressed, 0);
  const bomb = entries.some(
    (e) => e.uncompressed > 1024 * 1024 && e.uncompressed > e.compressed * MAX_RATIO
  );
  if (total > MAX_UNZIPPED_BYTES || bomb) {
    throw new UnreadableWorkbook(
      "zip-bomb",
      `Isi berkas ini mengembang menjadi ${MB(total)} saat dibuka: terlalu besar untuk buku kerja dan tidak dibuka demi keamanan. Periksa asal berkas ini.`
    );
  }
  if (!entries.some((e) => e.name === "xl/workbook.xml")) {
    throw new UnreadableWorkbook(
      "not-workbook",
      "Berkas ini memang arsip zip, tetapi bukan buku kerja Excel (tidak ada bagian xl/workbook.xml). Mungkin ini dokumen Word atau arsip lain; pilih berkas .xlsx."
    );
  }
}
