/** Cell addresses as Excel shows them: `'PK 2020'!G7`. */

const letterCache: string[] = [];

export function columnLetters(column: number): string {
  const cached = letterCache[column];
  if (cached) return cached;
  let n = column;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  letterCache[column] = letters;
  return letters;
}

const PLAIN_SHEET = /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/;
const LOOKS_LIKE_CELL = /^[A-Za-z]{1,3}\d+$|^R\d*C\d*$/i;

const prefixCache = new Map<string, string>();

export function sheetPrefix(sheet: string): string {
  let prefix = prefixCache.get(sheet);
  if (prefix === undefined) {
    prefix =
      PLAIN_SHEET.test(sheet) && !LOOKS_LIKE_CELL.test(sheet)
        ? `${sheet}!`
        : `'${sheet.replace(/'/g, "''")}'!`;
    prefixCache.set(sheet, prefix);
  }
  return prefix;
}

export function cellAddress(sheet: string, row: number, column: number): string {
  return `${sheetPrefix(sheet)}${columnLetters(column)}${row}`;
}

/** An address within its sheet: "E7", or "E7:E20" for more than one cell. */
export function localAddress(top: number, left: number, bottom: number, right: number): string {
  const start = `${columnLetters(left)}${top}`;
  const end = `${columnLetters(right)}${bottom}`;
  return start === end ? start : `${start}:${end}`;
}

export function rangeAddress(
  sheet: string,
  top: number,
  left: number,
  bottom: number,
  right: number
): string {
  return `${sheetPrefix(sheet)}${localAddress(top, left, bottom, right)}`;
}

export interface Rect {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function rectsOverlap(a: Rect, b: Rect): boolean {
  return (
    a.sheet.toLowerCase() === b.sheet.toLowerCase() &&
    a.top <= b.bottom &&
    b.top <= a.bottom &&
    a.left <= b.right &&
    b.left <= a.right
  );
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Splits `'PK 2020'!$B$7:$B$9` (or `Sheet1!A1`) into its sheet and 1-based corners; null if it is no single area. */
export function parseRangeAddress(address: string): Rect | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return null;
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  else if (/[!,' :()]/.test(sheet)) return null;
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(
    address.slice(bang + 1)
  );
  if (!match || !sheet) return null;
  const left = columnNumber(match[1]);
  const top = Number(match[2]);
  const right = match[3] ? columnNumber(match[3]) : left;
  const bottom = match[4] ? Number(match[4]) : top;
  return {
    sheet,
    top: Math.min(top, bottom),
    left: Math.min(left, right),
    bottom: Math.max(top, bottom),
    right: Math.max(left, right),
  };
}

export function areaCells(rect: Omit<Rect, "sheet">): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}
