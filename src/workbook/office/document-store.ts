/* global Office */
import { parseStored, STORED_KEY, Stored, validatedForStore } from "../stored";

export { parseStored, validatedForStore };
export type { Stored };

export interface DocumentStore {
  load(): Stored;
  save(stored: Stored): Promise<void>;
}

/** Office.context.document.settings: saved inside the workbook file. */
export const officeDocumentStore: DocumentStore = {
  load: () => parseStored(Office.context.document.settings.get(STORED_KEY)),
  save: (stored) =>
    new Promise((resolve, reject) => {
      Office.context.document.settings.set(STORED_KEY, validatedForStore(stored));
      Office.context.document.settings.saveAsync((result) =>
        result.status === Office.AsyncResultStatus.Succeeded
          ? resolve()
          : reject(
              new Error(
                `Pengaturan tidak dapat disimpan ke buku kerja: ${result.error?.message ?? "sebab tidak diketahui"}`
              )
            )
      );
    }),
};

/** Kept in memory: for tests and for the browser page. */
export function memoryStore(initial: Stored = {}): DocumentStore & { saved: Stored } {
  const store = {
    saved: initial,
    load: () => store.saved,
    save: async (stored: Stored) => {
      store.saved = validatedForStore(stored);
    },
  };
  return store;
}
