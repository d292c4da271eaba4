/* global clearTimeout, Excel, Office, setTimeout, URL, window */
import { hitungInExcel } from "../app/lazy-excel-actions";
import type { HitungOutcome } from "../app/hitung";
import { describeError } from "../app/office-errors";
import { publishOutcome } from "../app/pane-bus";
import { officeApiSupport } from "../workbook/office/api-support";
import { officeDocumentStore } from "../workbook/office/document-store";
import { ribbonMessage } from "./ribbon-message";

/** After this long the ribbon gives the button back to Office and says so, whatever still runs. */
export const RIBBON_TIME_LIMIT_MS = 120_000;

export const TIME_LIMIT_TITLE = "Hitung Capaian belum selesai";
export const TIME_LIMIT_TEXT =
  "Excel belum menjawab setelah 2 menit (mungkin sebuah sel sedang disunting, atau tabelnya sangat besar). Tekan Enter atau Esc di sel yang sedang disunting, lalu coba lagi, atau buka panel Capaian Kinerja.";

/** What the ribbon command needs from Office, injected so that every path can be tested. */
export interface RibbonHost {
  hitung(): Promise<HitungOutcome>;
  /** The shared runtime: the pane can be opened and handed the outcome. */
  canShowPane: boolean;
  /** Hands the outcome to the pane (open or not), so that it never shows an older one. */
  tellPane(outcome: HitungOutcome): void;
  showPane(): Promise<void>;
  /** A small dialog; resolves when it may be left alone (opened, or closed without a shared runtime). */
  tell(title: string, lines: string[]): Promise<void>;
  timeLimitMs: number;
}

/**
 * "Hitung Capaian" on the ribbon: computes and writes as the pane does. While an error stands the
 * pane opens on the findings (shared runtime) or a dialog lists the first ones; otherwise a dialog
 * gives the total and its predicate and the sheet stays as it is. `event.completed()` is called
 * exactly once on every path: done, failed, or past the time limit.
 */
export async function runRibbonHitung(
  event: { completed(): void },
  host: RibbonHost
): Promise<void> {
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    try {
      event.completed();
    } catch {
      // Office already took the button back: nothing left to tell it.
    }
  };
  const tellSafely = async (title: string, lines: string[]) => {
    try {
      await host.tell(title, lines);
    } catch {
      // A dialog that cannot open (another is open) must not keep the button busy.
    }
  };
  const timer = setTimeout(() => {
    void tellSafely(TIME_LIMIT_TITLE, [TIME_LIMIT_TEXT]);
    complete();
  }, host.timeLimitMs);
  try {
    let outcome: HitungOutcome;
    try {
      outcome = await host.hitung();
    } finally {
      // The limit is Excel's answer; a dialog left open afterwards is the user's to close.
      clearTimeout(timer);
    }
    if (completed) return; // past the limit: the user was told already
    if (host.canShowPane) host.tellPane(outcome);
    if (!outcome.written && host.canShowPane) {
      await host.showPane();
    } else {
      const message = ribbonMessage(outcome);
      await tellSafely(message.title, message.lines);
    }
  } catch (error) {
    if (!completed) await tellSafely("Capaian belum dihitung", [describeError(error)]);
  } finally {
    complete();
  }
}

function sharedRuntime(): boolean {
  return (
    Office.context.requirements.isSetSupported("SharedRuntime", "1.1") &&
    typeof Office.addin?.showAsTaskpane === "function"
  );
}

/** The dialog page beside the pane's page: the message travels in its URL, shown as text. */
function officeTell(keepUntilClosed: boolean) {
  return (title: string, lines: string[]): Promise<void> => {
    const url = new URL("dialog.html", window.location.href);
    url.searchParams.set("judul", title);
    url.searchParams.set("isi", lines.join("\n"));
    return new Promise((resolve) => {
      Office.context.ui.displayDialogAsync(
        url.toString(),
        { height: 30, width: 35, displayInIframe: true },
        (result) => {
          // Without a shared runtime the command's page may end at event.completed(), taking the
          // dialog with it: the command stays open until the user closes the dialog.
          if (result.status !== Office.AsyncResultStatus.Succeeded || !keepUntilClosed)
            return resolve();
          result.value.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
        }
      );
    });
  };
}

function officeHost(): RibbonHost {
  const shared = sharedRuntime();
  return {
    hitung: () =>
      hitungInExcel({
        run: (batch) => Excel.run(batch),
        supports: officeApiSupport,
        store: officeDocumentStore,
      }),
    canShowPane: shared,
    tellPane: publishOutcome,
    showPane: () => Office.addin.showAsTaskpane(),
    tell: officeTell(!shared),
    timeLimitMs: RIBBON_TIME_LIMIT_MS,
  };
}

/**
 * Registers the ribbon's functions. Called at the top level of the pane's bundle, which is also the
 * function file: in the shared runtime the ribbon and the pane are one page.
 */
export function registerRibbonCommands(): void {
  if (typeof Office === "undefined" || !Office.actions) return;
  Office.actions.associate("hitungCapaian", (event: Office.AddinCommands.Event) => {
    let host: RibbonHost;
    try {
      host = officeHost();
    } catch {
      // Office itself failed to answer what it supports: give the button back.
      event.completed();
      return;
    }
    return runRibbonHitung(event, host);
  });
}
