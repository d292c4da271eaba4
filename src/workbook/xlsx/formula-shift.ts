/**
 * Moves a formula's relative references, as Excel does when it fills a formula down or across: the
 * text of a shared formula is stored once, at its first cell, and each other cell of the group
 * means it shifted by its distance from there. Strings, quoted sheet names, structured references
 * and function names are left alone; a reference pushed off the sheet becomes #REF!.
 */
import { columnLetters, columnNumber } from "../../core/address";

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const COLUMN = /^(\$?)([A-Za-z]{1,3})$/;
const ROW = /^(\$?)(\d{1,7})$/;
const isWord = (c: string) => /[A-Za-z0-9_.$\\?\u00C0-\uFFFF]/.test(c);

function shiftRow(dollar: string, row: number, by: number): string | null {
  const r = dollar ? row : row + by;
  return r >= 1 && r <= MAX_ROW ? `${dollar}${r}` : null;
}

function shiftColumn(dollar: string, letters: string, by: number): string | null {
  const c = dollar ? columnNumber(letters) : columnNumber(letters) + by;
  return c >= 1 && c <= MAX_COLUMN ? `${dollar}${columnLetters(c)}` : null;
}

function shiftWord(word: string, next: string, rows: number, columns: number): string {
  if (next === "(") return word; // a function name such as LOG10
  const cell = CELL.exec(word);
  if (cell && columnNumber(cell[2]) <= MAX_COLUMN && Number(cell[4]) <= MAX_ROW) {
    const column = shiftColumn(cell[1], cell[2], columns);
    const row = shiftRow(cell[3], Number(cell[4]), rows);
    return column && row ? `${column}${row}` : "#REF!";
  }
  return word;
}

export function shiftFormula(formula: string, rows: number, columns: number): string {
  if (rows === 0 && columns === 0) return formula;
  let out = "";
  let i = 0;
  // Words around a colon: whole columns (A:C) and whole rows (1:3) shift as a pair.
  const words: { start: number; text: string }[] = [];
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === c) {
          if (formula[j + 1] === c) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === "[") {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (isWord(c)) {
      let j = i;
      while (j < formula.length && isWord(formula[j])) j++;
      const word = formula.slice(i, j);
      const after = formula[j] ?? "";
      if (after === "!" || after === "[") out += word;
      else if (after === ":" || formula[i - 1] === ":") {
        words.push({ start: out.length, text: word });
        out += word;
      } else out += shiftWord(word, after, rows, columns);
      i = j;
      continue;
    }
    out += c;
    i++;
  }
  return shiftPairs(out, words, rows, columns);
}

/** The words on either side of a colon: A1:B2, A:C or 1:3, each shifted as what it is. */
function shiftPairs(
  text: string,
  words: { start: number; text: string }[],
  rows: number,
  columns: number
): string {
  let out = "";
  let at = 0;
  for (const w of words) {
    const column = COLUMN.exec(w.text);
    const row = ROW.exec(w.text);
    const shifted = column
      ? (shiftColumn(column[1], column[2], columns) ?? "#REF!")
      : row
        ? (shiftRow(row[1], Number(row[2]), rows) ?? "#REF!")
        : shiftWord(w.text, "", rows, columns);
    out += text.slice(at, w.start) + shifted;
    at = w.start + w.text.length;
  }
  return out + text.slice(at);
}
