/**
 * Test helpers that look at a written file from outside the product: exceljs (a dev dependency, an
 * independent reader) for cell values and styles, and the zip's parts as bytes.
 */
import ExcelJS from "exceljs";
import { inflateEntry, readZip } from "../../src/workbook/xlsx/zip";

export async function excelRead(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every part of a package: its name as stored → its bytes. */
export function partsOf(bytes: Uint8Array): Map<string, Uint8Array> {
  const zip = readZip(bytes);
  return new Map(
    zip.entries.filter((e) => !e.name.endsWith("/")).map((e) => [e.name, inflateEntry(zip, e)])
  );
}

export function partText(bytes: Uint8Array, name: string): string {
  const part = partsOf(bytes).get(name);
  if (!part) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(part);
}
