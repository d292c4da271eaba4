/* global TextDecoder, TextEncoder */
/**
 * The package (Open Packaging Conventions) inside an .xlsx zip: parts by name, their content types,
 * and their relationships, found the way the format says (from `_rels/.rels` to the office document,
 * from its relationships to the rest), whatever the paths, prefixes or namespace flavour. Parts are
 * read on demand; what is changed, added or removed is kept aside until `save`, which copies every
 * other zip entry as the bytes it was.
 */
import { Splices, escapeXml } from "./splices";
import { attribute, childrenNamed, NS, parseXml, XmlElement } from "./xml-tree";
import { inflateEntry, OutEntry, readZip, writeZip, ZipArchive, ZipEntry } from "./zip";

export interface Relationship {
  id: string;
  /** The relationship type's last segment ("worksheet", "officeDocument"): the same in strict and transitional. */
  kind: string;
  type: string;
  /** The part it points to (absolute part name), or the raw target of an external one. */
  target: string;
  external: boolean;
}

/** A part a relationship names that the package does not hold. */
export class MissingPart extends Error {
  constructor(
    readonly part: string,
    readonly from: string
  ) {
    super(`${part}, named by ${from}, is missing`);
  }
}

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
} as const;

/** Relationship types in the flavour (transitional or strict) of the package. */
export function relationshipType(kind: string, strict: boolean): string {
  return strict
    ? `http://purl.oclc.org/ooxml/officeDocument/relationships/${kind}`
    : `http://schemas.openxmlformats.org/officeDocument/2006/relationships/${kind}`;
}

const kindOf = (type: string) => type.slice(type.lastIndexOf("/") + 1);

/** "/xl/worksheets/sheet1.xml" for a zip entry named "xl\\worksheets\\sheet1.xml" or "/xl/…". */
export function partNameOf(entryName: string): string {
  const name = entryName.replace(/\\/g, "/");
  return name.startsWith("/") ? name : `/${name}`;
}

/** Resolves a relationship target against the part it is relative to (`/` for the package). */
export function resolveTarget(source: string, target: string): string {
  const hash = target.indexOf("#");
  const path = (hash < 0 ? target : target.slice(0, hash)).replace(/\\/g, "/");
  const base = path.startsWith("/") ? [] : source.split("/").slice(1, -1);
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return `/${base.join("/")}`;
}

/** The relationships part of a part: /xl/_rels/workbook.xml.rels for /xl/workbook.xml. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

interface RelsState {
  root: XmlElement | undefined;
  list: Relationship[];
  added: Relationship[];
  removed: Set<string>;
}

export class OpcPackage {
  private readonly entries = new Map<string, ZipEntry>();
  private readonly written = new Map<string, Uint8Array>();
  private readonly added: string[] = [];
  private readonly removed = new Set<string>();
  private readonly relsCache = new Map<string, RelsState>();
  private types:
    | {
        part: string;
        root: XmlElement | undefined;
        defaults: Map<string, string>;
        overrides: Map<string, { type: string; element?: XmlElement }>;
        addedOverrides: Map<string, string>;
        removedOverrides: Set<string>;
      }
    | undefined;

  constructor(readonly archive: ZipArchive) {
    for (const entry of archive.entries) {
      if (entry.name.endsWith("/")) continue;
      const key = partNameOf(entry.name).toLowerCase();
      if (!this.entries.has(key)) this.entries.set(key, entry);
    }
  }

  static open(bytes: Uint8Array): OpcPackage {
    return new OpcPackage(readZip(bytes));
  }

  private key(part: string): string | undefined {
    const lower = part.toLowerCase();
    if (this.removed.has(lower)) return undefined;
    if (this.written.has(lower) || this.entries.has(lower)) return lower;
    try {
      const decoded = decodeURIComponent(part).toLowerCase();
      if (this.written.has(decoded) || this.entries.has(decoded)) return decoded;
    } catch {
      // not percent-encoded
    }
    return undefined;
  }

  has(part: string): boolean {
    return this.key(part) !== undefined;
  }

  /** The part's current bytes; throws ZipError when its entry is damaged. */
  read(part: string): Uint8Array | undefined {
    const key = this.key(part);
    if (key === undefined) return undefined;
    return this.written.get(key) ?? this.inflated(key);
  }

  /** An entry's content as it was, inflated once (reading, splicing and saving all ask for it). */
  private inflated(key: string): Uint8Array {
    let bytes = this.originals.get(key);
    if (!bytes) {
      bytes = asUtf8(inflateEntry(this.archive, this.entries.get(key)!));
      this.originals.set(key, bytes);
    }
    return bytes;
  }

  private readonly originals = new Map<string, Uint8Array>();

  /** Sets a part's content (a new part when it did not exist). */
  write(part: string, bytes: Uint8Array): void {
    const lower = part.toLowerCase();
    const existing = this.key(part);
    this.removed.delete(lower);
    if (existing === undefined && !this.entries.has(lower) && !this.added.includes(lower))
      this.added.push(lower);
    this.written.set(existing ?? lower, bytes);
    if (existing === undefined) this.names.set(lower, part);
    const codec = this.archive.codec;
    if (codec.deflateAhead && bytes.length >= DEFLATE_AHEAD_BYTES)
      this.ahead.set(
        bytes,
        codec.deflateAhead(bytes).catch(() => undefined) // then deflated at save, as any part
      );
  }

  /** Large parts being deflated since they were written (by their content). */
  private readonly ahead = new Map<Uint8Array, Promise<Uint8Array | undefined>>();

  remove(part: string): void {
    const key = this.key(part);
    if (key === undefined) return;
    this.written.delete(key);
    if (this.entries.has(key)) this.removed.add(key);
    const at = this.added.indexOf(key);
    if (at >= 0) this.added.splice(at, 1);
    this.removeOverride(part);
    // A removed .rels part takes its parsed relationships with it: adding one later starts afresh.
    this.relsCache.delete(part.toLowerCase());
  }

  /** Names of new parts as they were given (zip entries keep their own). */
  private readonly names = new Map<string, string>();

  /** Every part name in the package now. */
  partNames(): string[] {
    const out: string[] = [];
    for (const [key, entry] of this.entries)
      if (!this.removed.has(key)) out.push(partNameOf(entry.name));
    for (const key of this.added) out.push(this.names.get(key) ?? key);
    return out;
  }

  // ——— content types ———

  private contentTypes() {
    if (this.types) return this.types;
    const part = "/[Content_Types].xml";
    const bytes = this.read(part);
    const root = bytes ? parseXml(bytes, part.slice(1)) : undefined;
    const defaults = new Map<string, string>();
    const overrides = new Map<string, { type: string; element?: XmlElement }>();
    const anyNs = (ns: string | undefined) => ns === NS.contentTypes || ns === "";
    for (const d of root ? childrenNamed(root, "Default", anyNs) : [])
      defaults.set(
        (attribute(d, "Extension") ?? "").toLowerCase(),
        attribute(d, "ContentType") ?? ""
      );
    for (const o of root ? childrenNamed(root, "Override", anyNs) : [])
      overrides.set(resolveTarget("/", attribute(o, "PartName") ?? "").toLowerCase(), {
        type: attribute(o, "ContentType") ?? "",
        element: o,
      });
    this.types = {
      part,
      root,
      defaults,
      overrides,
      addedOverrides: new Map(),
      removedOverrides: new Set(),
    };
    return this.types;
  }

  contentType(part: string): string | undefined {
    const types = this.contentTypes();
    const lower = part.toLowerCase();
    const added = types.addedOverrides.get(lower);
    if (added) return added;
    if (!types.removedOverrides.has(lower) && types.overrides.has(lower))
      return types.overrides.get(lower)!.type;
    return types.defaults.get(lower.slice(lower.lastIndexOf(".") + 1));
  }

  /** Parts whose content type is one of these. */
  partsOfType(...contentTypes: string[]): string[] {
    return this.partNames().filter((p) => contentTypes.includes(this.contentType(p) ?? ""));
  }

  setOverride(part: string, type: string): void {
    const types = this.contentTypes();
    const lower = part.toLowerCase();
    types.removedOverrides.delete(lower);
    if (types.overrides.get(lower)?.type === type) return;
    if (types.overrides.has(lower)) types.removedOverrides.add(lower);
    types.addedOverrides.set(lower, type);
    this.names.set(lower, part);
  }

  removeOverride(part: string): void {
    const types = this.contentTypes();
    const lower = part.toLowerCase();
    types.addedOverrides.delete(lower);
    if (types.overrides.has(lower)) types.removedOverrides.add(lower);
  }

  // ——— relationships ———

  private rels(source: string): RelsState {
    const relsPart = source === "/" ? "/_rels/.rels" : relsPartOf(source);
    let state = this.relsCache.get(relsPart.toLowerCase());
    if (state) return state;
    const bytes = this.read(relsPart);
    const root = bytes ? parseXml(bytes, relsPart.slice(1)) : undefined;
    const anyNs = (ns: string | undefined) => ns === NS.packageRels || ns === "";
    const list = (root ? childrenNamed(root, "Relationship", anyNs) : []).map((r) => {
      const type = attribute(r, "Type") ?? "";
      const target = attribute(r, "Target") ?? "";
      const external = (attribute(r, "TargetMode") ?? "").toLowerCase() === "external";
      return {
        id: attribute(r, "Id") ?? "",
        kind: kindOf(type),
        type,
        target: external ? target : resolveTarget(source, target),
        external,
        element: r,
      };
    });
    state = { root, list, added: [], removed: new Set() };
    this.relsCache.set(relsPart.toLowerCase(), state);
    return state;
  }

  relationships(source: string): Relationship[] {
    const state = this.rels(source);
    return [...state.list, ...state.added].filter((r) => !state.removed.has(r.id));
  }

  /** Adds a relationship from `source` to the part `target`; returns its new id. */
  addRelationship(source: string, type: string, target: string): string {
    const state = this.rels(source);
    const taken = new Set([...state.list, ...state.added].map((r) => r.id));
    let n = taken.size + 1;
    while (taken.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    state.added.push({ id, kind: kindOf(type), type, target, external: false });
    return id;
  }

  removeRelationship(source: string, id: string): void {
    this.rels(source).removed.add(id);
  }

  /** The office document (the workbook part), as the package relationships name it. */
  officeDocument(): string | undefined {
    const rel = this.relationships("/").find((r) => r.kind === "officeDocument" && !r.external);
    if (rel && this.has(rel.target)) return rel.target;
    return undefined;
  }

  // ——— saving ———

  private relsBytes(relsPart: string, state: RelsState, source: string): Uint8Array | undefined {
    if (!state.added.length && !state.removed.size) return undefined;
    const target = (r: Relationship) => relativeTarget(source, r.target);
    if (!state.root) {
      const body = state.added
        .filter((r) => !state.removed.has(r.id))
        .map(
          (r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(target(r))}"/>`
        )
        .join("");
      return utf8(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.packageRels}">${body}</Relationships>`
      );
    }
    const splices = new Splices();
    const p = state.root.prefix ? `${state.root.prefix}:` : "";
    for (const r of state.list)
      if (state.removed.has(r.id)) {
        const element = (r as Relationship & { element: XmlElement }).element;
        splices.replace(element.start, element.end, "");
      }
    const inserted = state.added
      .filter((r) => !state.removed.has(r.id))
      .map(
        (r) => `<${p}Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(target(r))}"/>`
      )
      .join("");
    appendChildren(splices, state.root, inserted);
    return splices.apply(this.original(relsPart)!);
  }

  private typesBytes(): Uint8Array | undefined {
    const types = this.types;
    if (!types || (!types.addedOverrides.size && !types.removedOverrides.size)) return undefined;
    const splices = new Splices();
    const root = types.root!;
    const p = root.prefix ? `${root.prefix}:` : "";
    for (const lower of types.removedOverrides) {
      const element = types.overrides.get(lower)?.element;
      if (element) splices.replace(element.start, element.end, "");
    }
    const inserted = [...types.addedOverrides]
      .map(
        ([lower, type]) =>
          `<${p}Override PartName="${escapeXml(this.names.get(lower) ?? lower)}" ContentType="${type}"/>`
      )
      .join("");
    appendChildren(splices, root, inserted);
    return splices.apply(this.original(types.part)!);
  }

  /** `save`, once the parts deflated ahead are ready. */
  async saveWhenDeflated(): Promise<Uint8Array> {
    const ready = new Map<Uint8Array, Uint8Array>();
    for (const [bytes, deflated] of this.ahead) {
      const data = await deflated;
      if (data) ready.set(bytes, data);
    }
    this.ahead.clear();
    return this.save(ready);
  }

  /**
   * The new package: changed parts rewritten, removed ones left out, every other entry copied.
   * `deflated`: parts already compressed, by their content.
   */
  save(deflated: ReadonlyMap<Uint8Array, Uint8Array> = new Map()): Uint8Array {
    const final = new Map(this.written);
    const added = [...this.added];
    const put = (part: string, bytes: Uint8Array) => {
      const key = part.toLowerCase();
      if (!this.entries.has(key) && !added.includes(key)) added.push(key);
      final.set(key, bytes);
    };
    for (const [relsKey, state] of this.relsCache) {
      const source =
        relsKey === "/_rels/.rels" ? "/" : relsKey.replace(/\/_rels\/([^/]*)\.rels$/, "/$1");
      const relsPart = this.partNameFor(relsKey);
      const bytes = this.relsBytes(relsPart, state, this.partNameFor(source));
      if (bytes) put(relsPart, bytes);
    }
    const types = this.typesBytes();
    if (types) put(this.types!.part, types);
    const out: OutEntry[] = [];
    for (const entry of this.archive.entries) {
      if (entry.name.endsWith("/")) {
        out.push({ copy: entry });
        continue;
      }
      const key = partNameOf(entry.name).toLowerCase();
      if (this.entries.get(key) !== entry) {
        out.push({ copy: entry }); // a duplicate name: kept as it was
        continue;
      }
      if (this.removed.has(key)) continue;
      const data = final.get(key);
      if (!data || sameBytes(data, this.inflated(key))) out.push({ copy: entry });
      else out.push({ name: entry.name, data, like: entry, deflated: deflated.get(data) });
    }
    for (const key of added) {
      const data = final.get(key);
      if (data)
        out.push({ name: this.partNameFor(key).slice(1), data, deflated: deflated.get(data) });
    }
    return writeZip(this.archive, out);
  }

  /** The original bytes of a part, before any change this session made. */
  private original(part: string): Uint8Array | undefined {
    const key = part.toLowerCase();
    return this.entries.has(key) && !this.removed.has(key) ? this.inflated(key) : undefined;
  }

  /** The part name with its stored spelling, for a lower-cased key. */
  private partNameFor(key: string): string {
    const entry = this.entries.get(key.toLowerCase());
    return entry ? partNameOf(entry.name) : (this.names.get(key.toLowerCase()) ?? key);
  }
}

/** Parts this large are deflated ahead when the codec can (smaller ones cost less than the hand-off). */
const DEFLATE_AHEAD_BYTES = 64 * 1024;

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A target relative to the source part's folder, as Excel writes them ("worksheets/sheet2.xml"). */
function relativeTarget(source: string, part: string): string {
  const from = source.split("/").slice(1, -1);
  const to = part.split("/").slice(1);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Inserts XML text as the last children of an element (expanding a self-closing one). */
export function appendChildren(splices: Splices, element: XmlElement, inserted: string): void {
  if (!inserted) return;
  if (!element.selfClosing) {
    splices.insert(element.closeStart, inserted);
    return;
  }
  const name = element.prefix ? `${element.prefix}:${element.local}` : element.local;
  splices.replace(element.openEnd - 2, element.openEnd, `>${inserted}</${name}>`);
}

const encoderUtf8 = new TextEncoder();
export const utf8 = (text: string) => encoderUtf8.encode(text);

/**
 * A part in UTF-16 (some .NET and Windows Phone writers), as UTF-8 with its declaration saying so:
 * what is read and what is written back of it is then one encoding. UTF-8 parts are returned as
 * they are.
 */
export function asUtf8(bytes: Uint8Array): Uint8Array {
  const [a, b, c, d] = bytes;
  const little = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0);
  const big = (a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f);
  if (!little && !big) return bytes;
  const text = new TextDecoder(little ? "utf-16le" : "utf-16be").decode(bytes);
  return utf8(
    text.replace(/^(<\?xml[^>]*?encoding\s*=\s*["'])utf-16(?:[bl]e)?(["'])/i, "$1UTF-8$2")
  );
}
