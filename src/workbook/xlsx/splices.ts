/* global TextEncoder */

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
    // Cells inserted one after another at the end of a row: one edit.
    const last = this.edits[this.edits.length - 1];
    if (last && last.start === at && last.end === at) last.text += text;
    else this.replace(at, at, text);
  }

  get size(): number {
    return this.edits.length;
  }

  apply(bytes: Uint8Array): Uint8Array {
    if (!this.edits.length) return bytes;
    // Edits come mostly in document order already; sorted only when they do not.
    let ordered = true;
    for (let i = 1; ordered && i < this.edits.length; i++)
      ordered = this.edits[i - 1].start <= this.edits[i].start;
    const edits = ordered
      ? this.edits
      : [...this.edits].sort((a, b) => a.start - b.start || a.order - b.order);
    // Thousands of small edits (one per written cell): their texts are encoded in one go, and the
    // output is sized once. Where a text is not ASCII its bytes are found by encoding it alone.
    const joined = edits.map((e) => e.text).join("");
    const ascii = !/[\u0080-\uFFFF]/.test(joined);
    const pieces = ascii ? null : edits.map((e) => encoder.encode(e.text));
    const encoded = ascii ? encoder.encode(joined) : new Uint8Array(0);
    let size = bytes.length;
    for (const e of edits) size -= e.end - e.start;
    size += pieces ? pieces.reduce((n, p) => n + p.length, 0) : encoded.length;
    const out = new Uint8Array(size);
    let at = 0;
    let to = 0;
    let from = 0;
    for (let i = 0; i < edits.length; i++) {
      const edit = edits[i];
      if (edit.start < at) throw new Error("overlapping edits");
      to = copy(bytes, at, edit.start, out, to);
      if (pieces) to = copy(pieces[i], 0, pieces[i].length, out, to);
      else to = copy(encoded, from, (from += edit.text.length), out, to);
      at = edit.end;
    }
    copy(bytes, at, bytes.length, out, to);
    return out;
  }
}

/**
 * Copies bytes from..to of `source` into `out` at `at`; returns where the copy ends. The shortest
 * pieces between thousands of edits are copied byte by byte, which costs less than a view apiece.
 */
function copy(source: Uint8Array, from: number, to: number, out: Uint8Array, at: number): number {
  if (to - from > 16) out.set(source.subarray(from, to), at);
  else for (let i = from; i < to; i++) out[at + i - from] = source[i];
  return at + to - from;
}

/** Text and attribute values escaped for XML. */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) =>
    c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : "&quot;"
  );
}
