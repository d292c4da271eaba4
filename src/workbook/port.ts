import type { SheetPlan } from "../core/sheet-plan";
import type { WorkbookData } from "../core/workbook-data";
import type { CellWrite } from "../core/writes";

/**
 * What one run asks a workbook to change: results into the named outputs, and the generated sheets
 * asked for (the Lembar, the Tabel LKjIP), each replaced whole.
 */
export interface Changes {
  writes: CellWrite[];
  sheets?: SheetPlan[];
}

/** What the workbook could not do, in the user's words (an older Excel without print setup, say). */
export interface ApplyReport {
  notes: string[];
}

/**
 * The port every adapter implements: Office.js inside Excel, the project's own package reader/writer over .xlsx files.
 * `read` gives every defined name it finds with its cells; `apply` writes, all or nothing as far as
 * the adapter can promise it.
 */
export interface WorkbookSession {
  read(): Promise<WorkbookData>;
  apply(changes: Changes): Promise<ApplyReport>;
}
