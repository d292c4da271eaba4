import { CellValue, isExcelErrorText } from "./cell";

export type Polarity = "positif" | "negatif";

/** What one cell yields once read the Indonesian way (CONTRACT.md §2). */
export type Reading =
  | { kind: "missing" }
  | { kind: "number"; value: number; numberAsText: boolean; impliedPolarity?: Polarity }
  | { kind: "range"; low: number; high: number }
  | { kind: "text"; text: string }
  | { kind: "invalid"; problem: InvalidProblem; shown: string };

export type InvalidProblem = "error-value" | "boolean" | "date" | "malformed-number";

const MISSING_TEXTS = new Set(["", "-", "–", "—"]);

/** Strips quoted literals, escapes and bracketed sections so that only format codes remain. */
function formatCodes(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

/** What a number format says about its number; workbooks repeat a few formats many times, so it is remembered. */
const formatKinds = new Map<string, { percent: boolean; date: boolean }>();

function formatKind(format: string): { percent: boolean; date: boolean } {
  let kind = formatKinds.get(format);
  if (!kind) {
    const codes = formatCodes(format);
    const percent = codes.includes("%");
    kind = { percent, date: !percent && /[dmyhs]/i.test(codes.replace(/general/gi, "")) };
    if (formatKinds.size < 1000) formatKinds.set(format, kind);
  }
  return kind;
}

export function isPercentFormat(format: string | undefined): boolean {
  return !!format && formatKind(format).percent;
}

export function isDateFormat(format: string | undefined): boolean {
  return !!format && formatKind(format).date;
}

/** Clears the float noise of a multiplication such as 0.803 × 100 = 80.30000000000001. */
export function cleanFloat(n: number): number {
  return Number(n.toPrecision(15));
}

export function readCell(value: CellValue, format?: string): Reading {
  if (value === null) return { kind: "missing" };
  if (typeof value === "boolean") {
    return { kind: "invalid", problem: "boolean", shown: value ? "TRUE" : "FALSE" };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value))
      return { kind: "invalid", problem: "malformed-number", shown: String(value) };
    if (isDateFormat(format)) return { kind: "invalid", problem: "date", shown: String(value) };
    const shown = isPercentFormat(format) ? cleanFloat(value * 100) : value;
    return { kind: "number", value: shown, numberAsText: false };
  }
  if (typeof value === "object") {
    if ("error" in value) return { kind: "invalid", problem: "error-value", shown: value.error };
    return { kind: "invalid", problem: "date", shown: value.date };
  }
  return readText(value);
}

const COMPARATOR = /^(>=|<=|=>|=<|≥|≤|>|<)\s*/;
const CURRENCY = /^rp\.?\s*/i;
const NUMBER_TOKEN = /^\d[\d.,]*/;
const RANGE_TAIL = /^\s*(?:-|–|—|s\.?\s?\/?\s?d\.?|sampai(?: dengan)?)\s*(\d[\d.,]*)/i;

export function readText(raw: string): Reading {
  const text = raw.replace(/[\u00A0\u2007\u202F]/g, " ").trim();
  if (MISSING_TEXTS.has(text)) return { kind: "missing" };
  if (isExcelErrorText(text))
    return { kind: "invalid", problem: "error-value", shown: text.toUpperCase() };

  let rest = text;
  let impliedPolarity: Polarity | undefined;
  const comparator = COMPARATOR.exec(rest);
  if (comparator) {
    impliedPolarity = /[>≥]/.test(comparator[1]) ? "positif" : "negatif";
    rest = rest.slice(comparator[0].length);
  }
  rest = rest.replace(CURRENCY, "");
  // Accounting style "18.700.000,-" ends in a mark and a dash meaning "no cents".
  rest = rest.replace(/[.,]-\s*$/, "");
  let sign = 1;
  const minus = /^[-−]\s*(?=\d)/.exec(rest);
  if (minus) {
    sign = -1;
    rest = rest.slice(minus[0].length);
  }
  const token = NUMBER_TOKEN.exec(rest);
  if (!token) {
    // Starts with words: qualitative, or unreadable — the caller decides by the scales it knows.
    return { kind: "text", text };
  }
  // A sentence may end right after the number ("5 dokumen." / "12,"): a trailing mark is punctuation.
  const numberText = token[0].replace(/[.,]$/, "");
  const first = parseNumberToken(numberText);
  if (first === null) return { kind: "invalid", problem: "malformed-number", shown: text };
  rest = rest.slice(token[0].length);

  if (!impliedPolarity && sign === 1) {
    const range = RANGE_TAIL.exec(rest);
    if (range) {
      const second = parseNumberToken(range[1].replace(/[.,]$/, ""));
      if (second === null) return { kind: "invalid", problem: "malformed-number", shown: text };
      return { kind: "range", low: Math.min(first, second), high: Math.max(first, second) };
    }
  }

  const tail = rest.trim().replace(/^%\s*/, "").trim();
  const plainNumber = tail === "" && !impliedPolarity;
  const reading: Reading = { kind: "number", value: sign * first, numberAsText: plainNumber };
  if (impliedPolarity) reading.impliedPolarity = impliedPolarity;
  return reading;
}

function validGroups(groups: string[]): boolean {
  return (
    groups[0].length >= 1 && groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3)
  );
}

/**
 * Reads digits with Indonesian or English marks. Both marks: the last is the decimal mark.
 * One kind of mark, several times: thousands. One comma: decimal (Indonesian). One dot:
 * thousands when a non-zero whole part is followed by exactly three digits ("1.400"), else decimal ("82.28").
 */
export function parseNumberToken(token: string): number | null {
  if (!/^\d[\d.,]*$/.test(token) || /[.,]$/.test(token)) return null;
  const dots = (token.match(/\./g) || []).length;
  const commas = (token.match(/,/g) || []).length;
  let whole: string;
  let fraction = "";
  if (dots && commas) {
    const decimalMark = token.lastIndexOf(".") > token.lastIndexOf(",") ? "." : ",";
    const groupMark = decimalMark === "." ? "," : ".";
    const at = token.lastIndexOf(decimalMark);
    const head = token.slice(0, at);
    fraction = token.slice(at + 1);
    if (head.includes(decimalMark) || fraction.includes(groupMark)) return null;
    const groups = head.split(groupMark);
    if (!validGroups(groups)) return null;
    whole = groups.join("");
  } else if (dots + commas === 0) {
    whole = token;
  } else {
    const mark = dots ? "." : ",";
    const parts = token.split(mark);
    if (parts.length === 2) {
      const [head, tail] = parts;
      const thousands = mark === "." && tail.length === 3 && !/^0+$/.test(head) && head.length <= 3;
      if (thousands) {
        whole = head + tail;
      } else {
        whole = head;
        fraction = tail;
      }
    } else {
      if (!validGroups(parts)) return null;
      whole = parts.join("");
    }
  }
  if (!/^\d+$/.test(whole) || (fraction && !/^\d+$/.test(fraction))) return null;
  return Number(fraction ? `${whole}.${fraction}` : whole);
}

/**
 * A number typed into a form field (settings: cap, predicate bands), read as cells are read
 * ("1.234,5", "80,30", "120"); null when the text is empty or not one plain number.
 */
export function readTypedNumber(text: string): number | null {
  const reading = readText(text);
  return reading.kind === "number" && !reading.impliedPolarity ? reading.value : null;
}
