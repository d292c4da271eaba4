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

export function rangeAddress(
  sheet: string,
  top: number,
  left: number,
  bottom: number,
  right: number
): string {
  const start = `${columnLetters(left)}${top}`;
  const end = `${columnLetters(right)}${bottom}`;
  return `${sheetPrefix(sheet)}${start === end ? start : `${start}:${end}`}`;
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
