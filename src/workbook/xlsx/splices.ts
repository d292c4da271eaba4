/* global TextEncoder */
import { concat } from "./zip";

const encoder = new TextEncoder();

/**
 * Edits of one part as byte ranges replaced by new text; every byte outside them is kept. Edits may
 * not overlap; insertions at the same offset keep the order they were made in.
 */
export class Splices {
  private readonly edits: { start: number; end: number; text: string; order: number }[] = [];

  replace(start: number, end: number, text: string): void {
    this.edits.push({ start, end, text, order: this.edits.length });
  }

  insert(at: number, text: string): void {
    this.replace(at, at, text);
  }

  get size(): number {
    return this.edits.length;
  }

  apply(bytes: Uint8Array): Uint8Array {
    if (!this.edits.length) return bytes;
    const edits = [...this.edits].sort((a, b) => a.start - b.start || a.order - b.order);
    const chunks: Uint8Array[] = [];
    let at = 0;
    for (const edit of edits) {
      if (edit.start < at) throw new Error("overlapping edits");
      chunks.push(bytes.subarray(at, edit.start), encoder.encode(edit.text));
      at = edit.end;
    }
    chunks.push(bytes.subarray(at));
    return concat(chunks);
  }
}

/** Text and attribute values escaped for XML. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"
  );
}
