import { CellValue, isExcelErrorText } from "./cell";

export type Polarity = "positif" | "negatif";

/** What one cell yields once read the Indonesian way (CONTRACT.md §2). */
export type Reading =
  | { kind: "missing" }
  | { kind: "number"; value: number; numberAsText: boolean; impliedPolarity?: Polarity }
  | { kind: "range"; low: number; high: number }
  | { kind: "text"; text: string }
  | { kind: "invalid"; problem: InvalidProblem; shown: string; abbreviation?: string };

/**
 * Why a cell cannot be read. "malformed-number": the marks make no number, or digits follow it
 * ("80, 30", "12/15", "1e3"); "abbreviation": "jt", "M" and the like outside a money cell.
 */
export type InvalidProblem =
  "error-value" | "boolean" | "date" | "malformed-number" | "abbreviation";

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

export function readCell(value: CellValue, format?: string, context: ReadContext = {}): Reading {
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
  return readText(value, context);
}

const COMPARATOR = /^(>=|<=|=>|=<|≥|≤|>|<)\s*/;
const COMPARATOR_START = /^[<>=≥≤]/;
const CURRENCY = /^rp\.?\s*/i;
/** Groups of three digits parted by spaces ("1 234 567,89"); the space-parted form is tried first. */
const SPACED_NUMBER = /^\d{1,3}(?: \d{3})+(?!\d)(?:[.,]\d+)?/;
const NUMBER_TOKEN = /^\d[\d.,]*/;
const BARE_NUMBER = /^\d[\d.,]*\d$|^\d$/;
const NOTHING_OR_PERCENT = /^\s*%?\s*$/;
const RANGE_TAIL = /^\s*(?:-|–|—|s\.?\s?\/?\s?d\.?|sampai(?: dengan)?)\s*(?=\d)/i;

/** Magnitude words, read in any cell (CONTRACT.md §2): the power of ten they stand for. */
const MAGNITUDE_WORDS: Record<string, number> = {
  ribu: 3,
  juta: 6,
  miliar: 9,
  milyar: 9,
  triliun: 12,
};
const MAGNITUDE_WORD = /^\s*(ribu|juta|miliar|milyar|triliun)(?![\p{L}\d])/iu;
/** Abbreviations, read in money cells only: "Rp 1,5 M", "3,2 jt", "250 rb", "2 T". */
const MAGNITUDE_ABBREVIATIONS: Record<string, number> = { rb: 3, jt: 6, M: 9, T: 12 };
const MAGNITUDE_ABBREVIATION = /^\s*(rb|jt|M|T)\.?(?![\p{L}\d])/iu;

/** Where a cell's text is read: money cells (budget, pendapatan) also take abbreviated magnitudes. */
export interface ReadContext {
  money?: boolean;
}

/** A number as its digits: `whole` and `fraction` without marks, so that magnitudes shift exactly. */
interface Digits {
  whole: string;
  fraction: string;
}

function digitsValue(d: Digits, power = 0): number {
  const fraction = d.fraction.padEnd(power, "0");
  const whole = d.whole + fraction.slice(0, power);
  const rest = fraction.slice(power);
  return Number(rest ? `${whole}.${rest}` : whole);
}

/** The number at the start of `text`: its digits and how many characters it took; null if malformed. */
function numberAt(text: string): { digits: Digits; length: number } | null | undefined {
  const spaced = SPACED_NUMBER.exec(text);
  if (spaced) {
    const [grouped, fraction = ""] = spaced[0].split(/[.,]/);
    return { digits: { whole: grouped.replace(/ /g, ""), fraction }, length: spaced[0].length };
  }
  const token = NUMBER_TOKEN.exec(text);
  if (!token) return undefined;
  // A sentence may end right after the number ("5 dokumen." / "12,"): a trailing mark is punctuation.
  const numberText = token[0].replace(/[.,]$/, "");
  const digits = numberDigits(numberText);
  return digits ? { digits, length: token[0].length } : null;
}

/** The magnitude after a number: a word anywhere, an abbreviation (money cells only). */
function magnitudeAt(
  text: string,
  context: ReadContext
): { power: number; length: number; abbreviation?: string } | undefined {
  const word = MAGNITUDE_WORD.exec(text);
  if (word) return { power: MAGNITUDE_WORDS[word[1].toLowerCase()], length: word[0].length };
  const abbreviation = MAGNITUDE_ABBREVIATION.exec(text);
  if (!abbreviation) return undefined;
  const key = abbreviation[1];
  const power =
    MAGNITUDE_ABBREVIATIONS[key.toLowerCase()] ?? MAGNITUDE_ABBREVIATIONS[key.toUpperCase()];
  // "M" and "T" are capitals in Rupiah amounts ("Rp 1,5 M"); a small "m" may be a metre.
  if (power === undefined || (key.length === 1 && key !== key.toUpperCase())) return undefined;
  return context.money
    ? { power, length: abbreviation[0].length }
    : { power, length: abbreviation[0].length, abbreviation: key };
}

/**
 * What may follow a number: a unit without digits ("orang", "%", "dokumen") and notes in
 * parentheses, which may hold digits ("(Sertifikat ISO 9001 : 2015)"). False for anything else.
 */
function isUnitTail(tail: string): boolean {
  return !/\d/.test(tail.replace(/\([^()]*\)/g, ""));
}

const NO_BREAK_SPACE = /[\u00A0\u2007\u202F]/;
const NO_BREAK_SPACES = /[\u00A0\u2007\u202F]/g;

function malformedReading(text: string): Reading {
  return { kind: "invalid", problem: "malformed-number", shown: text };
}

export function readText(raw: string, context: ReadContext = {}): Reading {
  const text = (NO_BREAK_SPACE.test(raw) ? raw.replace(NO_BREAK_SPACES, " ") : raw).trim();
  if (MISSING_TEXTS.has(text)) return { kind: "missing" };
  if (isExcelErrorText(text))
    return { kind: "invalid", problem: "error-value", shown: text.toUpperCase() };

  // Most texts in a table are a bare number ("80,30", "1.234,5"): read without the grammar below.
  if (BARE_NUMBER.test(text)) {
    const digits = numberDigits(text);
    if (digits) return { kind: "number", value: digitsValue(digits), numberAsText: true };
  }
  let rest = text;
  let impliedPolarity: Polarity | undefined;
  // Each prefix is looked for only where its first character is there: most texts have none.
  const comparator = COMPARATOR_START.test(rest) ? COMPARATOR.exec(rest) : null;
  if (comparator) {
    impliedPolarity = /[>≥]/.test(comparator[1]) ? "positif" : "negatif";
    rest = rest.slice(comparator[0].length);
  }
  if (/^r/i.test(rest)) rest = rest.replace(CURRENCY, "");
  // Accounting style "18.700.000,-" ends in a mark and a dash meaning "no cents".
  if (rest.includes("-")) rest = rest.replace(/(\d)[.,]-\s*$/, "$1");
  let sign = 1;
  const minus = /^[-−]/.test(rest) ? /^[-−]\s*(?=\d)/.exec(rest) : null;
  if (minus) {
    sign = -1;
    rest = rest.slice(minus[0].length);
  }
  const first = numberAt(rest);
  // Starts with words: qualitative, or unreadable — the caller decides by the scales it knows.
  if (first === undefined) return { kind: "text", text };
  if (first === null) return malformedReading(text);
  rest = rest.slice(first.length);
  if (NOTHING_OR_PERCENT.test(rest)) {
    // The common "95 %" or ">82": no magnitude, range or unit to look for.
    const reading: Reading = {
      kind: "number",
      value: sign * digitsValue(first.digits),
      numberAsText: !impliedPolarity,
    };
    if (impliedPolarity) reading.impliedPolarity = impliedPolarity;
    return reading;
  }
  let magnitude = magnitudeAt(rest, context);
  if (magnitude) rest = rest.slice(magnitude.length);

  if (!impliedPolarity && sign === 1) {
    const range = RANGE_TAIL.exec(rest);
    if (range) {
      const second = numberAt(rest.slice(range[0].length));
      if (!second) return malformedReading(text);
      rest = rest.slice(range[0].length + second.length);
      // "1-2 juta": a magnitude after the range is the magnitude of both ends.
      const after = magnitude ? undefined : magnitudeAt(rest, context);
      if (after) rest = rest.slice(after.length);
      magnitude ??= after;
      if (magnitude?.abbreviation) return abbreviated(text, magnitude.abbreviation);
      if (!isUnitTail(rest)) return malformedReading(text);
      const a = digitsValue(first.digits, magnitude?.power);
      const b = digitsValue(second.digits, magnitude?.power);
      return { kind: "range", low: Math.min(a, b), high: Math.max(a, b) };
    }
  }
  if (magnitude?.abbreviation) return abbreviated(text, magnitude.abbreviation);
  if (!isUnitTail(rest)) return malformedReading(text);

  const tail = rest.trim().replace(/^%\s*/, "").trim();
  const plainNumber = (tail === "" || magnitude !== undefined) && !impliedPolarity;
  const value = sign * digitsValue(first.digits, magnitude?.power);
  const reading: Reading = { kind: "number", value, numberAsText: plainNumber };
  if (impliedPolarity) reading.impliedPolarity = impliedPolarity;
  return reading;
}

function abbreviated(text: string, abbreviation: string): Reading {
  return { kind: "invalid", problem: "abbreviation", shown: text, abbreviation };
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
  const digits = numberDigits(token);
  return digits ? digitsValue(digits) : null;
}

function numberDigits(token: string): Digits | null {
  if (!/^\d[\d.,]*$/.test(token) || /[.,]$/.test(token)) return null;
  let dots = 0;
  let commas = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 0x2e) dots++;
    else if (c === 0x2c) commas++;
  }
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
  return { whole, fraction };
}

/**
 * A number typed into a form field (settings: cap, predicate bands), read as cells are read
 * ("1.234,5", "80,30", "120"); null when the text is empty or not one plain number.
 */
export function readTypedNumber(text: string): number | null {
  const reading = readText(text);
  // numberAsText: the text is the number alone (a unit word such as "120 dokumen" is not a setting).
  return reading.kind === "number" && reading.numberAsText ? reading.value : null;
}
