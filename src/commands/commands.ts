/* global Excel, Office, URL, window */
import { hitungInExcel } from "../app/excel-actions";
import { describeError } from "../app/office-errors";
import { officeApiSupport } from "../workbook/office/api-support";
import { officeDocumentStore } from "../workbook/office/document-store";
import { ribbonMessage } from "./ribbon-message";

/** A small dialog with the outcome: the ribbon command has no pane of its own to speak in. */
function tell(title: string, lines: string[], openPane: boolean): Promise<void> {
  const url = new URL("dialog.html", window.location.href);
  url.searchParams.set("judul", title);
  url.searchParams.set("isi", lines.join("\n"));
  if (openPane && Office.context.requirements.isSetSupported("SharedRuntime", "1.1"))
    void Office.addin.showAsTaskpane();
  return new Promise((resolve) => {
    Office.context.ui.displayDialogAsync(
      url.toString(),
      { height: 30, width: 35, displayInIframe: true },
      () => resolve()
    );
  });
}

/** "Hitung Capaian" on the ribbon: the same use case as the pane, without opening it. */
async function hitungCapaian(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const outcome = await hitungInExcel({
      run: (batch) => Excel.run(batch),
      supports: officeApiSupport,
      store: officeDocumentStore,
    });
    const message = ribbonMessage(outcome);
    await tell(message.title, message.lines, !outcome.written);
  } catch (error) {
    await tell("Capaian belum dihitung", [describeError(error)], true);
  } finally {
    event.completed();
  }
}

Office.onReady(() => {
  Office.actions.associate("hitungCapaian", hitungCapaian);
});
