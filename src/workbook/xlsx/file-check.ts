/**
 * What can be wrong with a file before and while it is read, each told as a sentence that names what
 * was found and what to do: too large, an old .xls, encrypted, not a zip, a zip bomb, a damaged
 * part, XML that is not well-formed, a DTD, a cell outside the sheet's bounds.
 */
import { MissingPart } from "./opc";
import { SheetProblem } from "./sheet-cells";
import { XmlError } from "./xml-scanner";
import { Codec, FFLATE, readZip, ZipArchive, ZipError } from "./zip";

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** What all entries may expand to; a real LKjIP workbook is a few megabytes. */
export const MAX_UNZIPPED_BYTES = 400 * 1024 * 1024;
/**
 * A large entry that expands more than this many times is a zip bomb, not a spreadsheet: DEFLATE
 * reaches about 1,000 only on runs of one byte, while sheet XML, repetitive as it is, stays near 250.
 */
export const MAX_RATIO = 500;
const RATIO_FROM_BYTES = 20 * 1024 * 1024;

export type FileProblem =
  | "too-large"
  | "xls"
  | "encrypted"
  | "not-zip"
  | "zip-bomb"
  | "not-workbook"
  | "damaged"
  | "dtd"
  | "out-of-bounds";

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

const MB = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

const RESAVE =
  "Bila Excel atau LibreOffice dapat membukanya, simpan ulang sebagai Buku Kerja Excel (.xlsx) lalu coba lagi; bila tidak, minta salinan yang utuh dari pengirimnya.";

/** An OLE file: an old .xls, or an encrypted package; the package when Excel's default key opens it. */
async function encryptedPackage(bytes: Uint8Array): Promise<Uint8Array> {
  // Loaded only for an OLE file: the ciphers build their tables as they load (~5 ms), which a
  // plain .xlsx never needs.
  const { openEncrypted } = await import("./encryption");
  const outcome = await openEncrypted(bytes);
  switch (outcome.kind) {
    case "decrypted":
      return outcome.pkg;
    case "password":
      throw new UnreadableWorkbook(
        "encrypted",
        "Buku kerja ini dilindungi kata sandi. Buka di Excel dengan kata sandinya, hapus kata sandinya (File › Info › Lindungi Buku Kerja › Enkripsi dengan Kata Sandi, kosongkan), simpan, lalu coba lagi."
      );
    case "damaged":
      if (contains(bytes, utf16("EncryptionInfo")))
        throw new UnreadableWorkbook(
          "encrypted",
          "Buku kerja ini terenkripsi, tetapi keterangan enkripsinya rusak atau memakai cara yang tidak dikenal. Buka di Excel, simpan ulang tanpa kata sandi (File › Info › Lindungi Buku Kerja › Enkripsi dengan Kata Sandi, kosongkan), lalu coba lagi."
        );
      break;
    case "not-encrypted-ole":
      break;
  }
  throw new UnreadableWorkbook(
    "xls",
    "Ini berkas .xls dari Excel lama (97–2003). Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx), kemudian coba lagi."
  );
}

/** The file's zip, checked; `decrypted` when it came out of Excel's default-key encryption. */
export interface CheckedFile {
  archive: ZipArchive;
  decrypted: boolean;
}

/** Checks the file and opens its zip directory; throws UnreadableWorkbook with the sentence. */
export async function checkWorkbookFile(
  bytes: Uint8Array,
  codec: Codec = FFLATE
): Promise<CheckedFile> {
  if (bytes.length > MAX_FILE_BYTES) {
    throw new UnreadableWorkbook(
      "too-large",
      `Berkas ini ${MB(bytes.length)}, lebih besar dari batas ${MB(MAX_FILE_BYTES)} untuk buku kerja LKjIP. Periksa apakah berkas yang benar yang dipilih, atau pisahkan lampiran besar dari buku kerjanya.`
    );
  }
  if (bytes.length === 0)
    throw new UnreadableWorkbook(
      "not-zip",
      "Berkas ini kosong (0 bait): tidak ada isinya sama sekali. Mungkin penyimpanan atau pengunduhannya terputus; ambil lagi berkas yang utuh."
    );
  let zipBytes = bytes;
  let decrypted = false;
  if (OLE_MAGIC.every((b, i) => bytes[i] === b)) {
    zipBytes = await encryptedPackage(bytes);
    decrypted = true;
  }
  let archive: ZipArchive;
  try {
    archive = readZip(zipBytes, codec);
  } catch {
    const zipped = zipBytes[0] === 0x50 && zipBytes[1] === 0x4b;
    throw new UnreadableWorkbook(
      zipped ? "damaged" : "not-zip",
      zipped
        ? `Berkas ini rusak: arsip .xlsx-nya terpotong atau tidak utuh, daftar isinya tidak terbaca. ${RESAVE}`
        : "Berkas ini bukan buku kerja Excel (.xlsx): isinya tidak dapat dibaca sebagai berkas Excel. Pastikan yang dipilih berkas .xlsx yang disimpan dari Excel."
    );
  }
  const total = archive.entries.reduce((sum, e) => sum + e.size, 0);
  const bomb = archive.entries.some(
    (e) => e.size > RATIO_FROM_BYTES && e.size > e.compressedSize * MAX_RATIO
  );
  if (total > MAX_UNZIPPED_BYTES || bomb) {
    throw new UnreadableWorkbook(
      "zip-bomb",
      `Isi berkas ini mengembang menjadi ${MB(total)} saat dibuka: terlalu besar untuk buku kerja dan tidak dibuka demi keamanan. Periksa asal berkas ini.`
    );
  }
  return { archive, decrypted };
}

/** The sentence for what went wrong inside the package while it was read or written. */
export function describeFailure(error: unknown): UnreadableWorkbook {
  if (error instanceof XmlError) {
    if (error.problem === "dtd")
      return new UnreadableWorkbook(
        "dtd",
        `Bagian ${error.part} di dalam berkas ini memuat deklarasi DTD atau entitas, yang tidak pernah ditulis Excel; berkas ini tidak dibuka demi keamanan. Periksa asal berkas ini, atau buka di Excel dan simpan ulang sebagai .xlsx.`
      );
    return new UnreadableWorkbook(
      "damaged",
      `Bagian ${error.part} di dalam berkas ini rusak: XML-nya tidak utuh di baris ${error.line}. ${RESAVE}`
    );
  }
  if (error instanceof SheetProblem && error.kind === "not-sheet")
    return new UnreadableWorkbook(
      "damaged",
      `Bagian ${error.part} di dalam berkas ini disebut sebagai lembar kerja, tetapi isinya bukan lembar kerja (<${error.what}>). ${RESAVE}`
    );
  if (error instanceof SheetProblem) {
    const [cell, index] = error.what.split(" ");
    const what =
      error.kind === "shared-string"
        ? `sel ${cell} merujuk ke teks bersama (shared string) nomor ${index}, yang tidak ada di berkas ini`
        : error.kind === "row"
          ? `ada baris nomor ${error.what}, di luar batas Excel (1–1.048.576)`
          : error.kind === "order"
            ? "baris atau selnya tidak berurutan, padahal Excel menuliskannya berurutan"
            : `ada sel ${error.what}, di luar batas kolom Excel (A–XFD)`;
    return new UnreadableWorkbook(
      "out-of-bounds",
      `Lembar kerja di bagian ${error.part} tidak sah: ${what}. ${RESAVE}`
    );
  }
  if (error instanceof MissingPart)
    return new UnreadableWorkbook(
      "damaged",
      `Berkas ini tidak lengkap: bagian ${error.part}${error.from ? `, yang disebut oleh ${error.from},` : ""} tidak ada di dalamnya. ${RESAVE}`
    );
  if (error instanceof ZipError)
    return new UnreadableWorkbook("damaged", `Berkas ini rusak: ${zipProblem(error)}. ${RESAVE}`);
  throw error;
}

/** The zip layer's finding, said for a user. */
function zipProblem(error: ZipError): string {
  if (!error.entry) return "arsip .xlsx-nya tidak utuh";
  if (/compression method/.test(error.message))
    return `bagian ${error.entry} dipadatkan dengan cara yang tidak dipakai Excel`;
  if (/encrypted/.test(error.message)) return `bagian ${error.entry} dienkripsi di dalam arsip zip`;
  return `bagian ${error.entry} di dalamnya tidak dapat dibuka (isinya terpotong atau tidak cocok dengan daftar isi arsip)`;
}
