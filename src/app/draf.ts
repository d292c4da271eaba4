import type { Result } from "../core/compute";

/**
 * The Draf BAB III of a computed workbook as .docx bytes, for the command and the browser page.
 * The model and the Word writer (the `docx` package, over a megabyte) are loaded on demand: a run
 * that asks for no draft never loads them.
 */
export async function drafBabIIIDocx(result: Result): Promise<Uint8Array> {
  const [{ drafBabIII }, { drafDocx }] = await Promise.all([
    import("../core/draf"),
    import("../docx/draf-docx"),
  ]);
  return drafDocx(drafBabIII(result));
}
