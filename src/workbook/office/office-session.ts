/* global Excel */
import type { WorkbookData } from "../../core/workbook-data";
import type { ApplyReport, Changes, WorkbookSession } from "../port";
import { API, ApiSupport, UnsupportedInExcel } from "./api-support";
import { Batcher } from "./batches";
import { readWorkbook, ReadState } from "./read";
import { FORMATTING_UNSUPPORTED, queueSheetPlan } from "./render";
import { queueWrites } from "./write";

/**
 * The port over Office.js, inside one Excel.run: one sync to read (ExcelApi 1.4), one to write the
 * results and the Lembar together (more only on older Excel, or when a request would pass Excel on
 * the web's 5 MB limit).
 */
export class OfficeSession implements WorkbookSession {
  private state: ReadState | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly storedSettings: unknown,
    private readonly supports: ApiSupport,
    /** The sheet the last run read (remembered with the workbook), for when another is active. */
    private readonly dataSheet: string | null = null
  ) {}

  async read(): Promise<WorkbookData> {
    const { data, state } = await readWorkbook(
      this.context,
      this.storedSettings,
      this.supports,
      this.dataSheet
    );
    this.state = state;
    return data;
  }

  async apply(changes: Changes): Promise<ApplyReport> {
    if (!this.state) throw new Error("OfficeSession.apply before read");
    // Checked before anything is queued: a Lembar Excel cannot lay out means no write at all.
    const sheets = changes.sheets ?? [];
    if (sheets.length > 0 && !this.supports(API.formatting))
      throw new UnsupportedInExcel(FORMATTING_UNSUPPORTED);
    const batcher = new Batcher(this.context);
    await queueWrites(this.context, changes.writes, batcher);
    const notes: string[] = [];
    for (const plan of sheets)
      for (const note of await queueSheetPlan(
        this.context,
        plan,
        this.state.sheetNames.has(plan.name.toLowerCase()),
        this.supports,
        batcher
      ))
        if (!notes.includes(note)) notes.push(note);
    await batcher.flush();
    return { notes };
  }
}
