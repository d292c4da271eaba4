/* global TextDecoder */
/**
 * The shared strings table, read lazily: one pass checks the part and notes where each string item
 * starts and ends; a string is decoded only when a cell the contract reads refers to it. The part
 * is never written (generated sheets use inline strings), so existing indexes never change.
 */
import { CLOSE, decodeBytes, decodeEntities, END, OPEN, TEXT, XmlScanner } from "./xml-scanner";

/** Excel's escape for characters XML cannot hold: _x000D_ is a carriage return, _x005F_ an underscore. */
export function decodeXstring(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) =>
    String.fromCharCode(parseInt(hex, 16))
  );
}

/** Characters XML cannot hold, and text that looks like the escape itself, escaped Excel's way. */
export function encodeXstring(text: string): string {
  return text.replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1").replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g,
    (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`
  );
}

/**
 * The text of a string item (`<si>` or a cell's `<is>`), from the scanner positioned on its start tag:
 * plain `<t>` and rich-text runs joined, phonetic runs (`<rPh>`) left out. Leaves the scanner on the
 * item's end tag (or, for an empty `<is/>`, still on its start tag).
 */
export function readStringItem(scanner: XmlScanner): string {
  if (scanner.selfClosing) return "";
  const depth = scanner.depth;
  let text = "";
  let inText = false;
  let phonetic = 0;
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === OPEN) {
      if (scanner.localIs("rPh")) phonetic++;
      else if (scanner.localIs("t") && !phonetic) inText = !scanner.selfClosing;
    } else if (kind === TEXT) {
      if (inText) text += scanner.textValue();
    } else if (kind === CLOSE) {
      if (scanner.depth < depth) break;
      if (scanner.localIs("rPh")) phonetic--;
      else if (scanner.localIs("t")) inText = false;
    }
  }
  return decodeXstring(text);
}

const decoder = new TextDecoder();

/** How many strings are decoded one by one before the part is decoded whole. */
const WHOLE_AFTER = 256;

/**
 * The bytes as text when every character is one byte (then byte offsets are text offsets), else
 * null. Decoded in one native call: thousands of strings are then slices, not decodes.
 */
function wholeAscii(bytes: Uint8Array): string | null {
  const text = decoder.decode(bytes);
  return text.length === bytes.length ? text : null;
}

/**
 * The shared strings table. One pass checks the part and notes where each string item is; a plain
 * item (one `<t>`, as almost all are) also notes where its text is, so that reading it later is one
 * decode. A rich or phonetic item is read with the scanner when asked for.
 */
export class SharedStrings {
  private starts = new Int32Array(1024);
  private ends = new Int32Array(1024);
  /** Where a plain item's text is (-1: read the item with the scanner); negative end: CDATA. */
  private textStarts = new Int32Array(1024);
  private textEnds = new Int32Array(1024);
  private count = 0;
  private readonly cache = new Map<number, string>();
  /** The part as one text when its offsets are those of its bytes (ASCII): strings are slices of it. */
  private whole: string | null | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly part: string
  ) {
    const scanner = new XmlScanner(bytes, part);
    // 0: expecting <t>, 1: inside it, 2: after it, 3: not plain.
    let state = 0;
    for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
      const depth = scanner.depth;
      if (kind === OPEN) {
        if (depth === 2 && scanner.localIs("si")) {
          this.push(scanner.start);
          state = 0;
          if (scanner.selfClosing) this.plain(scanner.end, scanner.end, scanner.end);
          else if (scanner.takeTextChild("t"))
            this.plain(scanner.takenEnd, scanner.start, scanner.end);
        } else if (depth === 3) {
          if (state === 0 && scanner.localIs("t")) {
            state = scanner.selfClosing ? 2 : 1;
            this.textStarts[this.count - 1] = this.textEnds[this.count - 1] = scanner.end;
          } else if (!scanner.localIs("phoneticPr")) state = 3;
        }
      } else if (kind === TEXT && depth === 3 && state === 1) {
        const n = this.count - 1;
        if (this.textEnds[n] !== this.textStarts[n]) state = 3; // text and CDATA mixed
        this.textStarts[n] = scanner.start;
        this.textEnds[n] = scanner.cdata ? -scanner.end : scanner.end;
      } else if (kind === CLOSE) {
        if (depth === 2 && state === 1 && scanner.localIs("t")) state = 2;
        else if (depth === 1 && scanner.localIs("si")) {
          const n = this.count - 1;
          this.ends[n] = scanner.end;
          if (state !== 2) this.textStarts[n] = -1;
        }
      }
    }
  }

  private plain(end: number, textStart: number, textEnd: number): void {
    const n = this.count - 1;
    this.ends[n] = end;
    this.textStarts[n] = textStart;
    this.textEnds[n] = textEnd;
  }

  private push(start: number): void {
    if (this.count === this.starts.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
      this.textStarts = grow(this.textStarts);
      this.textEnds = grow(this.textEnds);
    }
    this.starts[this.count] = start;
    this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** The string at this index; undefined when there is none. */
  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count) || !Number.isInteger(index)) return undefined;
    let text = this.cache.get(index);
    if (text !== undefined) return text;
    const start = this.textStarts[index];
    if (start >= 0) {
      const end = this.textEnds[index];
      // Once many strings are read, the part is decoded whole; a small named area never pays for it.
      if (this.whole === undefined && this.cache.size >= WHOLE_AFTER)
        this.whole = wholeAscii(this.bytes);
      const raw = this.whole
        ? this.whole.slice(start, Math.abs(end))
        : decodeBytes(this.bytes, start, Math.abs(end));
      const lines = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
      text = decodeXstring(end < 0 ? lines : decodeEntities(lines));
    } else {
      const scanner = new XmlScanner(
        this.bytes.subarray(this.starts[index], this.ends[index]),
        this.part
      );
      scanner.next();
      text = readStringItem(scanner);
    }
    this.cache.set(index, text);
    return text;
  }
}
