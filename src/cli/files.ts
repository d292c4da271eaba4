/* global process, NodeJS */
import { promises as fs } from "fs";
import path from "path";

/** Writes through a temporary file in the same folder and a rename: never a half-written result. */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, target);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

/** The Indonesian sentence for a file-system error on `file`. */
export function fileErrorMessage(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return `Berkas atau folder ${file} tidak ditemukan. Periksa nama dan letaknya.`;
    case "EACCES":
    case "EPERM":
      return `Tidak ada izin untuk membaca atau menulis ${file}. Periksa izin berkas atau folder itu.`;
    case "EISDIR":
      return `${file} adalah folder, bukan berkas .xlsx.`;
    case "ENOSPC":
      return `Ruang disk habis saat menulis ${file}.`;
    default:
      return `Berkas ${file} tidak dapat dibaca atau ditulis (${code ?? (error as Error)?.message}).`;
  }
}
