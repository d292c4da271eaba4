/* global Office */
import * as z from "zod/mini";
import { SettingsSchema } from "../../core/settings";
import { SignOffOverridesSchema } from "../../core/signoff";

const KEY = "capaianKinerja";

/** What the add-in keeps with the workbook, so a colleague who opens the file gets the same figures. */
export const StoredSchema = z.object({
  /** Validated by the core on every run (an invalid one is a finding), so kept unparsed here. */
  settings: z.optional(z.unknown()),
  signOff: z.optional(SignOffOverridesSchema),
});
export type Stored = z.infer<typeof StoredSchema>;

export interface DocumentStore {
  load(): Stored;
  save(stored: Stored): Promise<void>;
}

/** Parses what was stored; something unreadable is dropped rather than crashing the pane. */
export function parseStored(raw: unknown): Stored {
  const parsed = StoredSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

/** Settings are validated before they are stored: the zod schema is the one the engine uses. */
export function validatedForStore(stored: Stored): Stored {
  return {
    ...stored,
    settings: stored.settings === undefined ? undefined : SettingsSchema.parse(stored.settings),
  };
}

/** Office.context.document.settings: saved inside the workbook file. */
export const officeDocumentStore: DocumentStore = {
  load: () => parseStored(Office.context.document.settings.get(KEY)),
  save: (stored) =>
    new Promise((resolve, reject) => {
      Office.context.document.settings.set(KEY, validatedForStore(stored));
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
