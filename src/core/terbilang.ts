/**
 * Amounts in Indonesian words, as Bab III writes them next to the figure: 37.740.651.000 is
 * "Tiga Puluh Tujuh Miliar Tujuh Ratus Empat Puluh Juta Enam Ratus Lima Puluh Satu Ribu".
 * Seratus and seribu, never "satu ratus" or "satu ribu"; but satu juta, satu miliar, satu triliun.
 */

/** Title Case as the report writes it ("Seratus Ribu"), or lower case for inside a sentence. */
export type LetterCase = "title" | "lower";

/** Exclusive upper bound: the largest scale word is triliun. */
export const TERBILANG_LIMIT = 1e15;

const DIGITS = [
  "nol",
  "satu",
  "dua",
  "tiga",
  "empat",
  "lima",
  "enam",
  "tujuh",
  "delapan",
  "sembilan",
];
const SCALES = ["", "ribu", "juta", "miliar", "triliun"];

/** 1–999. */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  if (hundreds === 1) words.push("seratus");
  else if (hundreds > 1) words.push(DIGITS[hundreds], "ratus");
  if (tens === 1) {
    if (ones === 0) words.push("sepuluh");
    else if (ones === 1) words.push("sebelas");
    else words.push(DIGITS[ones], "belas");
  } else {
    if (tens > 1) words.push(DIGITS[tens], "puluh");
    if (ones > 0) words.push(DIGITS[ones]);
  }
  return words;
}

function wordsOf(n: number): string[] {
  if (n === 0) return ["nol"];
  const words: string[] = [];
  // Most significant group first; every integer below 10^15 is exact, so % and / are exact too.
  for (let scale = SCALES.length - 1; scale >= 0; scale--) {
    const group = Math.floor(n / 1000 ** scale) % 1000;
    if (group === 0) continue;
    if (scale === 1 && group === 1) words.push("seribu");
    else words.push(...belowThousand(group), ...(scale > 0 ? [SCALES[scale]] : []));
  }
  return words;
}

function written(words: string[], letterCase: LetterCase): string {
  const cased = letterCase === "title" ? words.map((w) => w[0].toUpperCase() + w.slice(1)) : words;
  return cased.join(" ");
}

function checkWhole(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n >= TERBILANG_LIMIT) {
    throw new RangeError(`terbilang: expected an integer from 0 to 10^15 - 1, got ${n}`);
  }
}

/** A whole number 0 ≤ n < 10^15 in words: 1000 → "Seribu", 0 → "Nol". Throws RangeError otherwise. */
export function terbilang(n: number, letterCase: LetterCase = "title"): string {
  checkWhole(n);
  return written(wordsOf(n), letterCase);
}

/**
 * A rupiah amount in words, |n| < 10^15 with at most two decimals (whole sen):
 * 18700000 → "Delapan Belas Juta Tujuh Ratus Ribu Rupiah"; 1234.5 → "Seribu Dua Ratus Tiga Puluh
 * Empat Rupiah Lima Puluh Sen"; 0.05 → "Lima Sen" (no "Nol Rupiah" before the sen); 0 → "Nol Rupiah";
 * a negative amount (a deficit, a sisa below zero) starts with "Minus". Throws RangeError otherwise.
 */
export function terbilangRupiah(n: number, letterCase: LetterCase = "title"): string {
  const [rupiah, sen] = splitSen(n);
  const words: string[] = [];
  if (n < 0) words.push("minus");
  if (rupiah > 0 || sen === 0) words.push(...wordsOf(rupiah), "rupiah");
  if (sen > 0) words.push(...wordsOf(sen), "sen");
  return written(words, letterCase);
}

/**
 * |n| as whole rupiah and sen. The shortest decimal that reads back as the double (what toString
 * gives) has at most two decimals exactly when the amount is a whole number of sen, so the digits
 * are read from it rather than from n * 100, which is inexact (0.29 * 100 is 28.999999999999996).
 * Exact below 2^46 (about 70 triliun); above that doubles are further apart than a sen, and the
 * nearest two-decimal reading of the double is taken.
 */
function splitSen(n: number): [number, number] {
  const abs = Math.abs(n);
  const match =
    Number.isFinite(abs) && abs < TERBILANG_LIMIT
      ? /^(\d+)(?:\.(\d{1,2}))?$/.exec(String(abs))
      : null;
  if (!match) {
    throw new RangeError(
      `terbilangRupiah: expected rupiah with at most two decimals below 10^15, got ${n}`
    );
  }
  return [Number(match[1]), Number((match[2] ?? "0").padEnd(2, "0"))];
}
