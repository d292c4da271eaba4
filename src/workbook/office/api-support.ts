/* global Office */

/** Which ExcelApi requirement sets the running Excel supports; injected so tests can pretend to be old Excel. */
export type ApiSupport = (version: string) => boolean;

export const officeApiSupport: ApiSupport = (version) =>
  typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);

/** Requirement sets this adapter uses beyond ExcelApi 1.1, and what an older Excel loses. */
export const API = {
  /** worksheet.names (sheet-scoped names), getItemOrNullObject, getRangeOrNullObject. */
  sheetNames: "1.4",
  /** worksheet.showGridlines. */
  gridlines: "1.8",
  /** worksheet.pageLayout: paper, orientation, fit to page, print titles. */
  pageLayout: "1.9",
} as const;

/** What an older Excel (2016 or 2019 with a volume licence) cannot do here, and what still works. */
export function olderExcelNotes(supports: ApiSupport): string[] {
  const notes: string[] = [];
  if (!supports(API.sheetNames)) {
    notes.push(
      'Excel ini hanya membaca nama range tingkat buku kerja, dan "Siapkan Nama Range" tidak tersedia: tentukan nama lewat Rumus › Manajer Nama. Hitung Capaian dan Lembar Pengukuran tetap berjalan.'
    );
  }
  if (!supports(API.pageLayout)) {
    notes.push(
      "Lembar Pengukuran tetap dibuat, tetapi pengaturan cetaknya (A4 lanskap, 1 halaman lebar, judul berulang) perlu diatur sendiri di Tata Letak Halaman: fitur itu perlu Excel 2021 atau Microsoft 365."
    );
  }
  return notes;
}
