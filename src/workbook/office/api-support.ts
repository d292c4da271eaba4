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
