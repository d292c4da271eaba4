import type { CellPreview } from "../app/cell-preview";
import type { ResultView } from "../app/result-view";
import type { Settings } from "../core/settings";
import type { SignOffOverrides } from "../core/signoff";
import type { Stored } from "../workbook/stored";

/** Messages between the page and its Web Worker, which holds the .xlsx package code and the engine. */
export type Request =
  | { id: number; type: "open"; name: string; bytes: Uint8Array }
  | {
      id: number;
      type: "hitung";
      lembar: boolean;
      tabel: boolean;
      settings?: Settings;
      signOff?: SignOffOverrides;
    }
  | { id: number; type: "check"; settings?: Settings; signOff?: SignOffOverrides }
  | { id: number; type: "draf"; settings?: Settings; signOff?: SignOffOverrides }
  | { id: number; type: "preview"; address: string };

export type Reply =
  | { id: number; type: "opened"; view: ResultView; stored: Stored }
  | { id: number; type: "checked"; view: ResultView }
  | {
      id: number;
      type: "computed";
      view: ResultView;
      written: boolean;
      bytes: Uint8Array | null;
      /** What the user should know about how the file was read or written. */
      notes: string[];
      /** The extension the result keeps (.xlsx, .xlsm, …): its workbook's kind. */
      extension: string;
    }
  | { id: number; type: "preview"; preview: CellPreview | null }
  /** The Draf BAB III (.docx); null while an error stands. */
  | { id: number; type: "draf"; view: ResultView; bytes: Uint8Array | null }
  | { id: number; type: "progress"; stage: string }
  | { id: number; type: "failed"; message: string };
