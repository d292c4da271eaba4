/* global Excel */
import type { WorkbookData } from "../../core/workbook-data";
import type { ApplyReport, Changes, WorkbookSession } from "../port";
import type { ApiSupport } from "./api-support";
import { Batcher } from "./batches";
import { readWorkbook, ReadState } from "./read";
import { queueSheetPlan } from "./render";
import { queueWrites } from "./write";

/**
 * The port over Office.js, inside one Excel.run: two syncs to read, one to write the results and
 * the Lembar together (more only when a request would pass Excel on the web's 5 MB limit).
 */
export class OfficeSession implements WorkbookSession {
  private state: ReadState | null = null;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly storedSettings: unknown,
    private readonly supports: ApiSupport
  ) {}

  async read(): Promise<WorkbookData> {
    const { data, state } = await readWorkbook(this.context, this.storedSettings, this.supports);
    this.state = state;
    return data;
  }

  async apply(changes: Changes): Promise<ApplyReport> {
    if (!this.state) throw new Error("OfficeSession.apply before read");
    const batcher = new Batcher(this.context);
    await queueWrites(this.context, changes.writes, batcher);
    const notes = changes.lembar
      ? await queueSheetPlan(
          this.context,
          changes.lembar,
          this.state.lembarExists,
          this.supports,
          batcher
        )
      : [];
    await batcher.flush();
    return { notes };
  }
}
