/* global TextEncoder */

const encoder = new TextEncoder();

/**
 * Edits of one part as byte ranges replaced by new text; every byte outside them is kept. Edits may
 * not overlap; insertions at the same offset keep the order they were made in. Thousands of edits
 * (one per written cell) are kept as three arrays and one growing text, not an object apiece.
 */
export class Splices {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  /** Where each edit's text ends in `texts` (its start is the previous edit's end). */
  private readonly textEnds: number[] = [];
  private texts = "";

  replace(start: number, end: number, text: string): void {
    this.starts.push(start);
    this.ends.push(end);
    this.texts += text;
    this.textEnds.push(this.texts.length);
  }

  insert(at: number, text: string): void {
    // Cells inserted one after another at the same place (a row's end): one edit.
    const last = this.starts.length - 1;
    if (last >= 0 && this.starts[last] === at && this.ends[last] === at) {
      this.texts += text;
      this.textEnds[last] = this.texts.length;
    } else this.replace(at, at, text);
  }

  get size(): number {
    return this.starts.length;
  }

  apply(bytes: Uint8Array): Uint8Array {
    const count = this.starts.length;
    if (!count) return bytes;
    const { starts, ends, textEnds, texts } = this;
    // Edits come mostly in document order already; sorted only when they do not (stable: the
    // order they were made in breaks ties).
    let ordered = true;
    for (let i = 1; ordered && i < count; i++) ordered = starts[i - 1] <= starts[i];
    const order = Array.from({ length: count }, (_, i) => i);
    if (!ordered) order.sort((a, b) => starts[a] - starts[b] || a - b);
    // The texts are encoded in one go where they are ASCII (then characters are bytes); else each
    // edit's text is encoded alone.
    const ascii = !/[\u0080-\uFFFF]/.test(texts);
    const encoded = ascii ? encoder.encode(texts) : null;
    const pieces = encoded
      ? null
      : order.map((i) => encoder.encode(texts.slice(i ? textEnds[i - 1] : 0, textEnds[i])));
    let size = bytes.length + (encoded ? encoded.length : 0);
    for (let k = 0; k < count; k++) {
      const i = order[k];
      size -= ends[i] - starts[i];
      if (pieces) size += pieces[k].length;
    }
    const out = new Uint8Array(size);
    let at = 0;
    let to = 0;
    for (let k = 0; k < count; k++) {
      const i = order[k];
      if (starts[i] < at) throw new Error("overlapping edits");
      to = copy(bytes, at, starts[i], out, to);
      if (encoded) to = copy(encoded, i ? textEnds[i - 1] : 0, textEnds[i], out, to);
      else to = copy(pieces![k], 0, pieces![k].length, out, to);
      at = ends[i];
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
