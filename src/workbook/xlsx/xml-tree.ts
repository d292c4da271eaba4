/**
 * A small element tree for the package's small parts (workbook, relationships, content types,
 * styles), built by the strict scanner: names resolved to namespaces whatever their prefix, and the
 * byte offsets of every element, so that an edit can be spliced in and every other byte kept.
 */
import { CLOSE, END, OPEN, TEXT, XmlScanner } from "./xml-scanner";

export interface XmlAttribute {
  /** As written, with its prefix ("r:id"). */
  name: string;
  local: string;
  /** Namespace of a prefixed attribute; undefined for an unprefixed one. */
  ns: string | undefined;
  value: string;
  /** Byte span of the value inside its quotes. */
  valueStart: number;
  valueEnd: number;
}

export interface XmlElement {
  local: string;
  prefix: string;
  ns: string | undefined;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own text (all its text children joined). */
  text: string;
  /** Byte offsets: the start tag's '<', just after the start tag, the end tag's '<', just after the end. */
  start: number;
  openEnd: number;
  closeStart: number;
  end: number;
  selfClosing: boolean;
  /** Namespaces this element declares itself: prefix ("" for the default) → URI. */
  declares: Map<string, string>;
  parent: XmlElement | undefined;
}

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  mainStrict: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  /** Excel 2007's beta files: the same elements under another name. */
  mainBeta: "http://schemas.microsoft.com/office/excel/2006/2",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  relStrict: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
  contentTypes: "http://schemas.openxmlformats.org/package/2006/content-types",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
} as const;

/** SpreadsheetML's main namespace, transitional or strict (or beta, or none as some writers leave it). */
export const isMain = (ns: string | undefined) =>
  ns === NS.main || ns === NS.mainStrict || ns === "" || ns === NS.mainBeta;

/** The relationships namespace of r:id attributes, transitional or strict. */
export const isRel = (ns: string | undefined) => ns === NS.rel || ns === NS.relStrict;

export function parseXml(bytes: Uint8Array, part: string): XmlElement {
  const scanner = new XmlScanner(bytes, part);
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  for (let kind = scanner.next(); kind !== END; kind = scanner.next()) {
    if (kind === OPEN) {
      const n = scanner.attributeCount();
      const attributes: XmlAttribute[] = [];
      for (let k = 0; k < n; k++) {
        const name = scanner.attrName(k);
        const colon = name.indexOf(":");
        const prefix = colon < 0 ? "" : name.slice(0, colon);
        const [valueStart, valueEnd] = scanner.attrSpan(k);
        attributes.push({
          name,
          local: colon < 0 ? name : name.slice(colon + 1),
          ns: colon < 0 || prefix === "xmlns" ? undefined : scanner.uriOf(prefix),
          value: scanner.attrValue(k),
          valueStart,
          valueEnd,
        });
      }
      const declares = new Map<string, string>();
      for (const a of attributes) {
        if (a.name === "xmlns") declares.set("", a.value);
        else if (a.name.startsWith("xmlns:")) declares.set(a.local, a.value);
      }
      const element: XmlElement = {
        local: scanner.localName(),
        prefix: scanner.prefix(),
        ns: scanner.namespace(),
        attributes,
        children: [],
        text: "",
        start: scanner.start,
        openEnd: scanner.end,
        closeStart: scanner.start,
        end: scanner.end,
        selfClosing: scanner.selfClosing,
        declares,
        parent: stack[stack.length - 1],
      };
      if (stack.length) stack[stack.length - 1].children.push(element);
      else root = element;
      if (!scanner.selfClosing) stack.push(element);
    } else if (kind === TEXT) {
      const top = stack[stack.length - 1];
      if (top) top.text += scanner.textValue();
    } else if (kind === CLOSE) {
      const element = stack.pop()!;
      element.closeStart = scanner.start;
      element.end = scanner.end;
    }
  }
  return root!;
}

/** The attribute by local name (and namespace test, for prefixed ones). */
export function attribute(
  element: XmlElement,
  local: string,
  ns?: (uri: string | undefined) => boolean
): string | undefined {
  for (const a of element.attributes)
    if (a.local === local && (ns ? ns(a.ns) : a.ns === undefined)) return a.value;
  return undefined;
}

/**
 * Children as a consumer sees them: mc:AlternateContent replaced by its Fallback (we understand none
 * of the extensions a Choice requires), or by its first Choice when there is no Fallback.
 */
export function childrenOf(element: XmlElement): XmlElement[] {
  if (!element.children.some((c) => c.ns === NS.mc)) return element.children;
  const out: XmlElement[] = [];
  // Nested alternate content unwrapped with a stack of its own, not by recursion: a file may nest
  // it as deep as it likes.
  const pending: XmlElement[] = [...element.children].reverse();
  for (let c = pending.pop(); c; c = pending.pop()) {
    if (c.ns !== NS.mc) out.push(c);
    else if (c.local === "AlternateContent") {
      const chosen =
        c.children.find((x) => x.ns === NS.mc && x.local === "Fallback") ??
        c.children.find((x) => x.ns === NS.mc && x.local === "Choice");
      if (chosen)
        for (let i = chosen.children.length - 1; i >= 0; i--) pending.push(chosen.children[i]);
    }
  }
  return out;
}

/** The first child with this local name in SpreadsheetML's main namespace (or in `ns`). */
export function child(
  element: XmlElement,
  local: string,
  ns: (uri: string | undefined) => boolean = isMain
): XmlElement | undefined {
  return childrenOf(element).find((c) => c.local === local && ns(c.ns));
}

export function childrenNamed(
  element: XmlElement,
  local: string,
  ns: (uri: string | undefined) => boolean = isMain
): XmlElement[] {
  return childrenOf(element).filter((c) => c.local === local && ns(c.ns));
}

/** A prefix bound to one of these namespaces where the element is ("" for the default), if any. */
export function prefixFor(element: XmlElement, uris: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (let e: XmlElement | undefined = element; e; e = e.parent) {
    for (const [prefix, uri] of e.declares) {
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      if (uris.includes(uri)) return prefix;
    }
  }
  return undefined;
}
