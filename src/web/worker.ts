/* global self, Transferable, DedicatedWorkerGlobalScope, MessageEvent */
/// <reference lib="webworker" />
import { previewAround } from "../app/cell-preview";
import { drafBabIIIDocx } from "../app/draf";
import { hitung, periksa } from "../app/hitung";
import { toView } from "../app/result-view";
import { hasErrors } from "../core/findings";
import { UnreadableWorkbook } from "../workbook/xlsx/file-check";
import { XlsxSession } from "../workbook/xlsx/xlsx-session";
import type { WorkbookSession } from "../workbook/port";
import type { Stored } from "../workbook/stored";
import type { Reply, Request } from "./protocol";

/** The chosen file stays here; each run starts from its original bytes, so nothing is computed twice into it. */
let original: Uint8Array | null = null;
let opened: XlsxSession | null = null;

const post = (reply: Reply, transfer: Transferable[] = []) =>
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);

/** The session read with the settings and sign-off the page holds, in place of those the file stored. */
function withStored(session: XlsxSession, stored: Stored): WorkbookSession {
  return {
    read: async () => ({ ...(await session.read()), storedSettings: stored.settings }),
    apply: (c) => session.apply(c),
  };
}

/** What the file stored, with the settings and sign-off the page holds over it. */
function storedFor(
  session: XlsxSession,
  request: { settings?: Stored["settings"]; signOff?: Stored["signOff"] }
): Stored {
  return {
    ...session.stored,
    ...(request.settings ? { settings: request.settings } : {}),
    ...(request.signOff ? { signOff: request.signOff } : {}),
  };
}

async function handle(request: Request): Promise<void> {
  const progress = (stage: string) => post({ id: request.id, type: "progress", stage });
  switch (request.type) {
    case "open": {
      progress("Membuka berkas…");
      original = request.bytes;
      opened = await XlsxSession.open(original.slice());
      progress("Memeriksa isi buku kerja…");
      const result = await periksa(opened, { signOff: opened.stored.signOff });
      post({ id: request.id, type: "opened", view: toView(result), stored: opened.stored });
      return;
    }
    case "hitung": {
      if (!original) throw new Error("Belum ada berkas yang dipilih.");
      progress("Membuka berkas…");
      const session = await XlsxSession.open(original.slice());
      const stored = storedFor(session, request);
      progress(
        request.tabel
          ? "Menghitung dan menyusun Lembar Pengukuran dan Tabel LKjIP…"
          : request.lembar
            ? "Menghitung dan menyusun Lembar Pengukuran…"
            : "Menghitung capaian…"
      );
      const outcome = await hitung(withStored(session, stored), {
        lembar: request.lembar,
        tabel: request.tabel,
        signOff: stored.signOff,
      });
      let bytes: Uint8Array | null = null;
      if (outcome.written) {
        progress("Menyiapkan berkas hasil…");
        if (request.settings || request.signOff) session.storeSettings(stored);
        bytes = await session.save();
      }
      post(
        {
          id: request.id,
          type: "computed",
          view: toView(outcome.result),
          written: outcome.written,
          bytes,
          notes: bytes ? session.notes : [],
          extension: session.extension,
        },
        bytes ? [bytes.buffer] : []
      );
      return;
    }
    case "draf": {
      if (!original) throw new Error("Belum ada berkas yang dipilih.");
      const session = await XlsxSession.open(original.slice());
      const stored = storedFor(session, request);
      progress("Menghitung…");
      const result = await periksa(withStored(session, stored), { signOff: stored.signOff });
      let bytes: Uint8Array | null = null;
      if (!hasErrors(result.findings)) {
        progress("Menyusun Draf BAB III…");
        // The Word writer is a chunk of its own, fetched the first time a draft is asked for.
        bytes = await drafBabIIIDocx(result);
      }
      post(
        { id: request.id, type: "draf", view: toView(result), bytes },
        bytes ? [bytes.buffer as ArrayBuffer] : []
      );
      return;
    }
    case "check": {
      if (!opened) throw new Error("Belum ada berkas yang dipilih.");
      const stored = storedFor(opened, request);
      const result = await periksa(withStored(opened, stored), { signOff: stored.signOff });
      post({ id: request.id, type: "checked", view: toView(result) });
      return;
    }
    case "preview":
      post({
        id: request.id,
        type: "preview",
        preview: previewAround(request.address, (sheet, area) =>
          opened ? opened.valuesIn(sheet, area) : null
        ),
      });
      return;
  }
}

self.onmessage = (event: MessageEvent<Request>) => {
  handle(event.data).catch((error: unknown) => {
    const message =
      error instanceof UnreadableWorkbook
        ? error.message
        : `Terjadi kendala saat membaca atau menghitung berkas ini (${(error as Error)?.message ?? error}). Berkas Anda tidak diubah.`;
    post({ id: event.data.id, type: "failed", message });
  });
};
