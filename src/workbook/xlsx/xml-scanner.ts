/* global TextDecoder */
/**
 * A strict, allocation-light XML tokenizer over the bytes of one package part. It reports start tags,
 * end tags and text with their byte offsets (so that a writer can splice a part and keep every other
 * byte), checks well-formedness as it goes (nesting, quoting, entity references, one root) and refuses
 * any document type declaration: no DTD, no external or internal entities, ever.
 */

export const END = 0;
export const OPEN = 1;
export const CLOSE = 2;
export const TEXT = 3;

export type XmlProblem = "malformed" | "dtd";

/** A part that is not well-formed XML (or declares a DTD), with where: the part and the line. */
export class XmlError extends Error {
  constructor(
    readonly part: string,
    readonly line: number,
    readonly reason: string,
    readonly problem: XmlProblem = "malformed"
  ) {
    super(`${part}, line ${line}: ${reason}`);
  }
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const AMP = 0x26;
const QUOTE = 0x22;
const APOS = 0x27;
const EQ = 0x3d;
const COLON = 0x3a;

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Name characters as XML allows them, with any non-ASCII byte accepted (UTF-8 of a name character). */
const NAME = new Uint8Array(256);
for (let c = 0; c < 256; c++) {
  NAME[c] =
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x5f ||
    c === 0x3a ||
    c === 0x2e ||
    c === 0x2d ||
    c >= 0x80
      ? 1
      : 0;
}
const isNameStart = (c: number) =>
  NAME[c] === 1 && !(c >= 0x30 && c <= 0x39) && c !== 0x2e && c !== 0x2d;

const decoder = new TextDecoder();

/** 10^0 … 10^22: the powers of ten a double holds exactly. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** The bytes from s to e as text (UTF-8), without entity decoding. */
export function decodeBytes(bytes: Uint8Array, s: number, e: number): string {
  if (e - s <= 256) {
    // Short ASCII text (names, numbers, most cell texts): one string made, no decoder call.
    let i = s;
    while (i < e && bytes[i] < 0x80) i++;
    if (i === e)
      return String.fromCharCode.apply(null, bytes.subarray(s, e) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(s, e));
}

const ENTITY = /&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;

/** Replaces the five predefined entities and character references (validated while scanning). */
export function decodeEntities(text: string): string {
  if (text.indexOf("&") < 0) return text;
  return text.replace(ENTITY, (_m, e: string) => {
    switch (e) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "amp":
        return "&";
      case "quot":
        return '"';
      case "apos":
        return "'";
      default:
        return String.fromCodePoint(
          e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        );
    }
  });
}

interface Binding {
  depth: number;
  prefix: string;
  uri: string;
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";

export class XmlScanner {
  kind = END;
  /** The current token's bytes: the whole tag, or the text run. */
  start = 0;
  end = 0;
  nameStart = 0;
  nameEnd = 0;
  /** Where the local name starts (after the prefix's colon, or at nameStart). */
  localStart = 0;
  /** Attribute bytes of a start tag, between its name and its closing `>` or `/>`. */
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  /** The text token is a CDATA section: its bytes hold no entity references. */
  cdata = false;
  /** Elements open around the current token (a start tag counts itself until it is closed). */
  depth = 0;

  private pos: number;
  /** Name start and end of each open element, innermost last (depth × 2 entries in use). */
  private stack = new Int32Array(64);
  private rootClosed = false;
  private rootSeen = false;
  /** Close a self-closing element on the next call. */
  private pendingClose = false;
  private readonly bindings: Binding[] = [];
  private version = 0;
  private attrCount = 0;
  private attrPos: number[] = [];
  private cacheVersion = -1;
  private cachePrefix = "";
  private cacheUri: string | undefined = "";

  constructor(
    readonly bytes: Uint8Array,
    readonly part: string
  ) {
    this.pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  fail(reason: string, at = this.pos, problem: XmlProblem = "malformed"): never {
    let line = 1;
    const stop = Math.min(at, this.bytes.length);
    for (let i = 0; i < stop; i++) if (this.bytes[i] === 0x0a) line++;
    throw new XmlError(this.part, line, reason, problem);
  }

  /** Reads the next token and returns its kind (END at the end of the document). */
  next(): number {
    const bytes = this.bytes;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.closed();
    }
    for (;;) {
      const p = this.pos;
      if (p >= bytes.length) {
        if (this.depth > 0) this.fail(`<${this.openName()}> is never closed`);
        if (!this.rootSeen) this.fail("no root element");
        this.kind = END;
        return END;
      }
      if (bytes[p] !== LT) {
        const stop = this.text(p);
        if (this.depth === 0) {
          for (let i = p; i < stop; i++)
            if (!isSpace(bytes[i])) this.fail("text outside the root element", i);
          continue;
        }
        this.kind = TEXT;
        this.cdata = false;
        this.start = p;
        this.end = stop;
        return TEXT;
      }
      const c = bytes[p + 1];
      if (c === SLASH) return this.closeTag(p);
      if (c === 0x3f) {
        this.pos = this.find(p + 2, 0x3f, GT, "processing instruction is never closed") + 2;
        continue;
      }
      if (c === 0x21) {
        if (this.startsWith(p, "<!--")) {
          const stop = this.find(p + 4, 0x2d, 0x2d, "comment is never closed");
          if (bytes[stop + 2] !== GT) this.fail("'--' inside a comment", stop);
          this.pos = stop + 3;
          continue;
        }
        if (this.startsWith(p, "<![CDATA[")) {
          if (this.depth === 0) this.fail("CDATA outside the root element");
          let stop = p + 9;
          for (;;) {
            stop = this.find(stop, 0x5d, 0x5d, "CDATA section is never closed");
            if (bytes[stop + 2] === GT) break;
            stop++;
          }
          this.kind = TEXT;
          this.cdata = true;
          this.start = p + 9;
          this.end = stop;
          this.pos = stop + 3;
          return TEXT;
        }
        if (this.startsWith(p, "<!DOCTYPE") || this.startsWith(p, "<!ENTITY"))
          this.fail("a document type declaration (DTD) is not allowed", p, "dtd");
        this.fail("unknown markup '<!'", p);
      }
      return this.openTag(p);
    }
  }

  private startsWith(p: number, s: string): boolean {
    for (let i = 0; i < s.length; i++) if (this.bytes[p + i] !== s.charCodeAt(i)) return false;
    return true;
  }

  /** The index of the first a-b pair at or after `from`. */
  private find(from: number, a: number, b: number, reason: string): number {
    const bytes = this.bytes;
    for (let i = from; i + 1 < bytes.length; i++)
      if (bytes[i] === a && bytes[i + 1] === b) return i;
    return this.fail(reason, from);
  }

  /** Where the text run from p stops (at the next '<'), checking its entity references. */
  private text(p: number): number {
    const bytes = this.bytes;
    let i = p;
    for (; i < bytes.length; i++) {
      const c = bytes[i];
      if (c === LT) break;
      if (c === AMP) i = this.reference(i);
    }
    this.pos = i;
    return i;
  }

  /** Checks the entity or character reference at i; returns the index of its ';'. */
  private reference(i: number): number {
    const bytes = this.bytes;
    let j = i + 1;
    if (bytes[j] === 0x23) {
      j++;
      const hex = bytes[j] === 0x78;
      if (hex) j++;
      const digits = j;
      let code = 0;
      for (; j < bytes.length && bytes[j] !== 0x3b; j++) {
        const c = bytes[j];
        const d =
          c >= 0x30 && c <= 0x39
            ? c - 0x30
            : hex && (c | 0x20) >= 0x61 && (c | 0x20) <= 0x66
              ? (c | 0x20) - 0x57
              : -1;
        if (d < 0 || j - digits > 8) this.fail("malformed character reference", i);
        code = code * (hex ? 16 : 10) + d;
      }
      if (j === digits || j >= bytes.length) this.fail("malformed character reference", i);
      if (
        !(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff)) &&
        !(code >= 0xe000 && code <= 0xfffd) &&
        !(code >= 0x10000 && code <= 0x10ffff)
      )
        this.fail("character reference to a character XML does not allow", i);
      return j;
    }
    for (; j < bytes.length && j - i <= 6 && bytes[j] !== 0x3b; j++);
    const name = decodeBytes(bytes, i + 1, j);
    if (
      bytes[j] !== 0x3b ||
      !(name === "lt" || name === "gt" || name === "amp" || name === "quot" || name === "apos")
    )
      this.fail(`undefined entity reference '&${name}'`, i);
    return j;
  }

  private readName(p: number): number {
    const bytes = this.bytes;
    if (!isNameStart(bytes[p])) this.fail("a tag or attribute name is missing or malformed", p);
    let i = p + 1;
    while (i < bytes.length && NAME[bytes[i]]) i++;
    return i;
  }

  private openTag(p: number): number {
    const bytes = this.bytes;
    if (this.rootClosed) this.fail("a second root element", p);
    const nameStart = p + 1;
    const nameEnd = this.readName(nameStart);
    let local = nameStart;
    for (let i = nameStart; i < nameEnd; i++) if (bytes[i] === COLON) local = i + 1;
    let i = nameEnd;
    const attrStart = i;
    let selfClosing = false;
    // Attribute positions are noted as they are checked: one pass over the tag.
    const pos = this.attrPos;
    let n = 0;
    let xmlns = false;
    for (;;) {
      const ws = i;
      while (i < bytes.length && isSpace(bytes[i])) i++;
      if (i >= bytes.length) this.fail("a start tag is never closed", p);
      const c = bytes[i];
      if (c === GT) break;
      if (c === SLASH) {
        if (bytes[i + 1] !== GT) this.fail("'/' inside a start tag", i);
        selfClosing = true;
        break;
      }
      if (i === ws) this.fail("attributes must be separated by white space", i);
      const an = i;
      i = this.readName(i);
      pos[n * 4] = an;
      pos[n * 4 + 1] = i;
      if (
        bytes[an] === 0x78 &&
        bytes[an + 1] === 0x6d &&
        bytes[an + 2] === 0x6c &&
        bytes[an + 3] === 0x6e &&
        bytes[an + 4] === 0x73
      )
        xmlns = true;
      while (isSpace(bytes[i])) i++;
      if (bytes[i] !== EQ) this.fail("an attribute without '='", i);
      i++;
      while (isSpace(bytes[i])) i++;
      const q = bytes[i];
      if (q !== QUOTE && q !== APOS) this.fail("an attribute value without quotes", i);
      i++;
      pos[n * 4 + 2] = i;
      for (;;) {
        if (i >= bytes.length) this.fail("an attribute value is never closed", p);
        const v = bytes[i];
        if (v === q) break;
        if (v === LT) this.fail("'<' inside an attribute value", i);
        if (v === AMP) i = this.reference(i);
        i++;
      }
      pos[n * 4 + 3] = i;
      n++;
      i++;
    }
    this.attrCount = n;
    const attrEnd = i;
    this.pos = selfClosing ? i + 2 : i + 1;
    this.kind = OPEN;
    this.start = p;
    this.end = this.pos;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.localStart = local;
    this.attrStart = attrStart;
    this.attrEnd = attrEnd;
    this.selfClosing = selfClosing;
    this.rootSeen = true;
    this.depth++;
    if (this.depth * 2 > this.stack.length) {
      const grown = new Int32Array(this.stack.length * 2);
      grown.set(this.stack);
      this.stack = grown;
    }
    this.stack[this.depth * 2 - 2] = nameStart;
    this.stack[this.depth * 2 - 1] = nameEnd;
    if (xmlns) this.bind();
    if (selfClosing) this.pendingClose = true;
    return OPEN;
  }

  private closeTag(p: number): number {
    const bytes = this.bytes;
    const nameStart = p + 2;
    const nameEnd = this.readName(nameStart);
    let i = nameEnd;
    while (i < bytes.length && isSpace(bytes[i])) i++;
    if (bytes[i] !== GT) this.fail("an end tag is never closed", p);
    if (this.depth === 0) this.fail("an end tag without its start tag", p);
    const s = this.stack[this.depth * 2 - 2];
    const e = this.stack[this.depth * 2 - 1];
    let same = e - s === nameEnd - nameStart;
    for (let k = 0; same && k < e - s; k++) same = bytes[s + k] === bytes[nameStart + k];
    if (!same)
      this.fail(`</${decodeBytes(bytes, nameStart, nameEnd)}> closes <${this.openName()}>`, p);
    let local = nameStart;
    for (let k = nameStart; k < nameEnd; k++) if (bytes[k] === COLON) local = k + 1;
    this.kind = CLOSE;
    this.start = p;
    this.end = i + 1;
    this.pos = i + 1;
    this.nameStart = nameStart;
    this.nameEnd = nameEnd;
    this.localStart = local;
    this.attrStart = this.attrEnd = nameEnd;
    this.selfClosing = false;
    this.closed();
    return CLOSE;
  }

  /** After `takeTextChild`: where the parent's end tag ends. */
  takenEnd = 0;

  /**
   * On a start tag whose whole content is one child without attributes that holds only text — a
   * cell's `<v>12.5</v></c>`, a string item's `<t>Dinas</t></si>`, in the parent's prefix — takes
   * the child and the parent's end tag in one step (checked as `next` would check them): the text
   * becomes the current token (TEXT, for textNumber and textValue), the parent is closed, and
   * `takenEnd` is where its end tag ends. Any other content: false, and nothing has moved. Most cells
   * and strings are this shape; one step instead of four tokens is what a large sheet's read costs.
   */
  takeTextChild(local: string): boolean {
    if (this.kind !== OPEN || this.selfClosing) return false;
    const b = this.bytes;
    const nameStart = this.nameStart;
    const prefixEnd = this.localStart;
    let i = this.pos;
    if (b[i] !== LT) return false;
    i = this.matchName(i + 1, nameStart, prefixEnd, local);
    if (i < 0 || b[i] !== GT) return false;
    const textStart = ++i;
    for (; i < b.length; i++) {
      const c = b[i];
      if (c === LT) break;
      if (c === AMP) i = this.reference(i);
    }
    const textEnd = i;
    if (b[i + 1] !== SLASH) return false;
    i = this.matchName(i + 2, nameStart, prefixEnd, local);
    if (i < 0 || b[i] !== GT || b[i + 1] !== LT || b[i + 2] !== SLASH) return false;
    i = this.matchName(i + 3, nameStart, this.nameEnd, "");
    if (i < 0 || b[i] !== GT) return false;
    this.closed();
    this.kind = TEXT;
    this.cdata = false;
    this.start = textStart;
    this.end = textEnd;
    this.pos = this.takenEnd = i + 1;
    return true;
  }

  /** Where the bytes at i stop matching bytes s..e of the document followed by `rest`, or -1. */
  private matchName(i: number, s: number, e: number, rest: string): number {
    const b = this.bytes;
    for (let k = s; k < e; k++, i++) if (b[i] !== b[k]) return -1;
    for (let k = 0; k < rest.length; k++, i++) if (b[i] !== rest.charCodeAt(k)) return -1;
    return i;
  }

  /** Pops the innermost element (after its end tag, or after a self-closing start tag). */
  private closed(): void {
    this.depth--;
    if (this.depth === 0) this.rootClosed = true;
    let n = this.bindings.length;
    while (n > 0 && this.bindings[n - 1].depth > this.depth) n--;
    if (n !== this.bindings.length) {
      this.bindings.length = n;
      this.version++;
    }
  }

  private openName(): string {
    const s = this.stack[this.depth * 2 - 2];
    const e = this.stack[this.depth * 2 - 1];
    return decodeBytes(this.bytes, s, e);
  }

  // ——— names and namespaces ———

  /** The element's local name, compared without making a string. */
  localIs(name: string): boolean {
    const s = this.localStart;
    if (this.nameEnd - s !== name.length) return false;
    for (let i = 0; i < name.length; i++)
      if (this.bytes[s + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  localName(): string {
    return decodeBytes(this.bytes, this.localStart, this.nameEnd);
  }

  qualifiedName(): string {
    return decodeBytes(this.bytes, this.nameStart, this.nameEnd);
  }

  /** The prefix of the current element's name ("" for none). */
  prefix(): string {
    return this.localStart > this.nameStart
      ? decodeBytes(this.bytes, this.nameStart, this.localStart - 1)
      : "";
  }

  /** The namespace URI of the current element (undefined for an unbound prefix). */
  namespace(): string | undefined {
    const s = this.nameStart;
    const e = this.localStart > s ? this.localStart - 1 : s;
    if (this.cacheVersion === this.version && this.cachePrefix.length === e - s) {
      let same = true;
      for (let i = 0; same && i < e - s; i++)
        same = this.bytes[s + i] === this.cachePrefix.charCodeAt(i);
      if (same) return this.cacheUri;
    }
    const prefix = decodeBytes(this.bytes, s, e);
    this.cacheVersion = this.version;
    this.cachePrefix = prefix;
    this.cacheUri = this.uriOf(prefix);
    return this.cacheUri;
  }

  uriOf(prefix: string): string | undefined {
    if (prefix === "xml") return XML_NS;
    for (let i = this.bindings.length - 1; i >= 0; i--)
      if (this.bindings[i].prefix === prefix) return this.bindings[i].uri || undefined;
    return prefix === "" ? "" : undefined;
  }

  private bind(): void {
    const n = this.attributeCount();
    for (let k = 0; k < n; k++) {
      const name = this.attrName(k);
      if (name === "xmlns")
        this.bindings.push({ depth: this.depth, prefix: "", uri: this.attrValue(k) });
      else if (name.startsWith("xmlns:"))
        this.bindings.push({ depth: this.depth, prefix: name.slice(6), uri: this.attrValue(k) });
      else continue;
      this.version++;
    }
  }

  // ——— attributes of the current start tag ———

  /** How many attributes the current start tag has (noted while it was read). */
  attributeCount(): number {
    return this.kind === OPEN ? this.attrCount : 0;
  }

  /** Byte span of the attribute's name. */
  attrNameSpan(k: number): [number, number] {
    return [this.attrPos[k * 4], this.attrPos[k * 4 + 1]];
  }

  attrName(k: number): string {
    return decodeBytes(this.bytes, this.attrPos[k * 4], this.attrPos[k * 4 + 1]);
  }

  /** The attribute's value with whitespace normalised and references replaced, as XML defines it. */
  attrValue(k: number): string {
    const raw = decodeBytes(this.bytes, this.attrPos[k * 4 + 2], this.attrPos[k * 4 + 3]);
    return decodeEntities(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw);
  }

  /** The value of the attribute with exactly this (qualified) name, if present. */
  attr(name: string): string | undefined {
    const k = this.attrIndex(name);
    return k < 0 ? undefined : this.attrValue(k);
  }

  attrIndex(name: string): number {
    const n = this.attributeCount();
    const bytes = this.bytes;
    const pos = this.attrPos;
    outer: for (let k = 0; k < n; k++) {
      const s = pos[k * 4];
      if (pos[k * 4 + 1] - s !== name.length) continue;
      for (let i = 0; i < name.length; i++) if (bytes[s + i] !== name.charCodeAt(i)) continue outer;
      return k;
    }
    return -1;
  }

  /** An attribute holding a non-negative integer, read from its bytes; `fallback` when absent or not one. */
  attrInt(name: string, fallback: number): number {
    const k = this.attrIndex(name);
    return k < 0
      ? fallback
      : this.intAt(this.attrPos[k * 4 + 2], this.attrPos[k * 4 + 3], fallback);
  }

  private intAt(s: number, e: number, fallback: number): number {
    if (s === e || e - s > 15) return fallback;
    const bytes = this.bytes;
    let n = 0;
    for (let i = s; i < e; i++) {
      const d = bytes[i] - 0x30;
      if (d < 0 || d > 9) return fallback;
      n = n * 10 + d;
    }
    return n;
  }

  /** After `readCellAttributes`: the cell has an `r`, read into refColumn and refRow. */
  cellHasRef = false;
  /** Its `s` (0 when absent or not a number). */
  cellStyle = 0;
  /** Where its `t` value is (cellTypeStart -1: no `t`). */
  cellTypeStart = -1;
  cellTypeEnd = -1;

  /**
   * A cell's `r`, `s` and `t` (a SpreadsheetML `<c>` start tag) in one pass over its attributes:
   * the same as attrCellRef("r"), attrInt("s", 0) and attrSpan of "t", each of which would pass
   * over them again, for every cell of a sheet.
   */
  readCellAttributes(): void {
    this.cellHasRef = false;
    this.cellStyle = 0;
    this.cellTypeStart = this.cellTypeEnd = -1;
    let style = false;
    const n = this.attributeCount();
    const pos = this.attrPos;
    const bytes = this.bytes;
    for (let k = 0; k < n; k++) {
      const at = k * 4;
      if (pos[at + 1] - pos[at] !== 1) continue;
      const c = bytes[pos[at]];
      if (c === 0x72 && !this.cellHasRef) {
        this.cellHasRef = true;
        this.refAt(pos[at + 2], pos[at + 3]);
      } else if (c === 0x73 && !style) {
        style = true;
        this.cellStyle = this.intAt(pos[at + 2], pos[at + 3], 0);
      } else if (c === 0x74 && this.cellTypeStart < 0) {
        this.cellTypeStart = pos[at + 2];
        this.cellTypeEnd = pos[at + 3];
      }
    }
  }

  /** Whether the attribute is present with exactly this (entity-free) value. */
  attrIs(name: string, value: string): boolean {
    const k = this.attrIndex(name);
    if (k < 0) return false;
    const s = this.attrPos[k * 4 + 2];
    if (this.attrPos[k * 4 + 3] - s !== value.length) return false;
    for (let i = 0; i < value.length; i++)
      if (this.bytes[s + i] !== value.charCodeAt(i)) return false;
    return true;
  }

  /**
   * Reads an A1 reference attribute ("AB12") from its bytes into refColumn and refRow (0 when it has
   * no digits); false when the attribute is absent, true when present (refColumn 0 if malformed).
   */
  attrCellRef(name: string): boolean {
    const k = this.attrIndex(name);
    if (k < 0) return false;
    this.refAt(this.attrPos[k * 4 + 2], this.attrPos[k * 4 + 3]);
    return true;
  }

  private refAt(s: number, e: number): void {
    const bytes = this.bytes;
    let i = s;
    let column = 0;
    let letters = 0;
    for (; i < e; i++) {
      const c = bytes[i] | 0x20;
      if (c < 0x61 || c > 0x7a) break;
      column = column * 26 + (c - 0x60);
      letters++;
    }
    let row = 0;
    for (; i < e; i++) {
      const d = bytes[i] - 0x30;
      if (d < 0 || d > 9 || row > 1e8) {
        column = 0;
        break;
      }
      row = row * 10 + d;
    }
    this.refColumn = letters === 0 || letters > 3 ? 0 : column;
    this.refRow = row;
  }

  refColumn = 0;
  refRow = 0;

  /** Byte span of the attribute's value (inside its quotes). */
  attrSpan(k: number): [number, number] {
    return [this.attrPos[k * 4 + 2], this.attrPos[k * 4 + 3]];
  }

  /** The current text token as a string (references replaced, line ends normalised). */
  /**
   * The current text token as a plain decimal ("-12.5", "9500000", "3"), read from its bytes
   * without making a string; undefined for anything else (an exponent, spaces, entities, more than
   * 15 digits), which the caller reads through textValue(). Exactly Number(textValue()): a mantissa
   * below 10^15 and a power of ten up to 10^22 are exact doubles, and one division rounds correctly.
   */
  textNumber(): number | undefined {
    const b = this.bytes;
    let i = this.start;
    const end = this.end;
    if (this.cdata || i >= end) return undefined;
    const negative = b[i] === 0x2d;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let fraction = -1;
    for (; i < end; i++) {
      const c = b[i];
      if (c >= 0x30 && c <= 0x39) {
        mantissa = mantissa * 10 + (c - 0x30);
        digits++;
        if (fraction >= 0) fraction++;
      } else if (c === 0x2e && fraction < 0) fraction = 0;
      else return undefined;
    }
    if (digits === 0 || digits > 15 || fraction === 0) return undefined;
    const value = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
    return negative ? -value : value;
  }

  textValue(): string {
    const raw = decodeBytes(this.bytes, this.start, this.end);
    const lines = raw.indexOf("\r") >= 0 ? raw.replace(/\r\n?/g, "\n") : raw;
    return this.cdata ? lines : decodeEntities(lines);
  }
}
