import * as z from "zod/mini";
import { SettingsSchema } from "../core/settings";
import { SignOffOverridesSchema } from "../core/signoff";

/** The key under which settings are kept with a workbook, by the add-in and by the .xlsx adapter alike. */
export const STORED_KEY = "capaianKinerja";

/** What is kept with the workbook, so a colleague who opens the file gets the same figures. */
export const StoredSchema = z.object({
  /** Validated by the core on every run (an invalid one is a finding), so kept unparsed here. */
  settings: z.optional(z.unknown()),
  signOff: z.optional(SignOffOverridesSchema),
  /** The sheet the last Hitung read its tables from (the add-in remembers it; see WorkbookData). */
  dataSheet: z.optional(z.string()),
});
export type Stored = z.infer<typeof StoredSchema>;

/** Parses what was stored; something unreadable is dropped rather than crashing. */
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
