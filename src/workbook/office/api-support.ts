/* global Office */

/** Which ExcelApi requirement sets the running Excel supports; injected so tests can pretend to be old Excel. */
export type ApiSupport = (version: string) => boolean;

export const officeApiSupport: ApiSupport = (version) =>
  typeof Office !== "undefined" && Office.context.requirements.isSetSupported("ExcelApi", version);

/** Requirement sets this adapter uses beyond ExcelApi 1.1, and what an older Excel loses. */
export const API = {
  /** Range.merge, format.columnWidth / rowHeight / autofitRows: laying out the Lembar. */
  formatting: "1.2",
  /** Chart series added and pointed at cells (setValues, setXAxisValues, chartType): the Tabel's charts. */
  charts: "1.7",
  /** worksheet.names (sheet-scoped names), getItemOrNullObject, getRangeOrNullObject. */
  sheetNames: "1.4",
  /** worksheet.showGridlines. */
  gridlines: "1.8",
  /** worksheet.pageLayout: paper, orientation, fit to page, print titles. */
  pageLayout: "1.9",
} as const;

/** What an older Excel cannot do here, and what still works: shown in the pane before any run. */
export function olderExcelNotes(supports: ApiSupport): string[] {
  const notes: string[] = [];
  if (!supports(API.formatting)) {
    notes.push(
      "Excel ini tidak dapat menata lembar dari add-in, sehingga Buat Lembar Pengukuran tidak tersedia; Hitung Capaian tetap berjalan. Untuk Lembar, pakai halaman peramban Capaian Kinerja atau perintah capaian."
    );
  }
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

/** What this Excel cannot do for a run, said in the user's words before anything is queued. */
export class UnsupportedInExcel extends Error {}
