/** Numbers and dates the Indonesian way: 102,95 · Rp 18.700.000 · 31 Desember 2020. */

/**
 * Digits with Indonesian marks: "." between thousands, "," before the decimals. Written here rather
 * than through Intl.NumberFormat("id-ID"): the first Intl formatter of a process loads ICU's locale
 * data (about 12 ms), which every run of the command would pay. Exactly what Intl gives (a test
 * compares them over random numbers): like ICU, it rounds the number's shortest decimal form
 * (String(n)) half away from zero, not its binary value (513945,805 → 513.945,81).
 */
function grouped(n: number, min: number, max: number, grouping = true): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return intlFormat(n, min, max, grouping);
  const { whole, fraction } = roundedDigits(Math.abs(n), max);
  let decimals = fraction;
  // Trailing zeros past the minimum go, and the mark with them when no decimal is left.
  while (decimals.length > min && decimals.endsWith("0")) decimals = decimals.slice(0, -1);
  let out = "";
  for (let i = 0; i < whole.length; i++) {
    if (grouping && i > 0 && (whole.length - i) % 3 === 0) out += ".";
    out += whole[i];
  }
  if (decimals) out += `,${decimals}`;
  // Intl keeps the sign of what rounds to zero ("-0"), and of -0 itself.
  return n < 0 || Object.is(n, -0) ? `-${out}` : out;
}

/** The shortest decimal form of a non-negative number, rounded half up to `places` decimals. */
function roundedDigits(n: number, places: number): { whole: string; fraction: string } {
  const text = String(n);
  const point = text.indexOf(".");
  // Most figures: plain digits with no more decimals than asked for, so nothing to round.
  if (text.indexOf("e") < 0 && (point < 0 || text.length - point - 1 <= places)) {
    const fraction = point < 0 ? "" : text.slice(point + 1);
    return {
      whole: point < 0 ? text : text.slice(0, point),
      fraction:
        fraction.length < places ? fraction + "0".repeat(places - fraction.length) : fraction,
    };
  }
  return roundedForm(text, places);
}

/** roundedDigits for what needs rounding or comes in exponent form. */
function roundedForm(text: string, places: number): { whole: string; fraction: string } {
  // Digits and where the decimal point goes, for forms like "123.45", "1e-7" or "1.5e+20".
  const [mantissa, exponent = "0"] = text.split("e");
  const [head, tail = ""] = mantissa.split(".");
  let digits = (head + tail).replace(/^0+(?=\d)/, "");
  let point = head.replace(/^0+(?=\d)/, "").length + Number(exponent);
  if (head === "0") point = Number(exponent) - (tail.length - tail.replace(/^0+/, "").length);
  digits = digits.replace(/^0+/, "") || "0";
  if (digits === "0") point = 1;
  // Pad so that the point lies within the digits and `places` decimals exist.
  if (point <= 0) {
    digits = "0".repeat(1 - point) + digits;
    point = 1;
  }
  const needed = point + places;
  if (digits.length < needed) digits += "0".repeat(needed - digits.length);
  let kept = digits.slice(0, needed);
  if (digits.length > needed && digits[needed] >= "5") {
    // Half up: carry through the kept digits.
    const carried = kept.split("");
    let i = carried.length - 1;
    while (i >= 0 && carried[i] === "9") carried[i--] = "0";
    if (i >= 0) carried[i] = String(Number(carried[i]) + 1);
    else {
      carried.unshift("1");
      point++;
    }
    kept = carried.join("");
  }
  const whole = kept.slice(0, point).replace(/^0+(?=\d)/, "") || "0";
  return { whole, fraction: kept.slice(point) };
}

/** Intl for what the digits above do not cover (NaN, infinities, 1e21 and beyond). */
function intlFormat(n: number, min: number, max: number, grouping: boolean): string {
  return new Intl.NumberFormat("id-ID", {
    minimumFractionDigits: min,
    maximumFractionDigits: max,
    useGrouping: grouping,
  }).format(n);
}

/** Digits with `min` to `max` decimals, Indonesian marks; without thousands marks when `grouping` is false. */
export function formatDigits(n: number, min: number, max: number, grouping = true): string {
  return grouped(n, min, max, grouping);
}

/** A figure with at most `maxDecimals` decimals, as many as it has ("78", "80,3", "102,95"). */
export function formatAngka(n: number, maxDecimals = 2): string {
  return grouped(n, 0, maxDecimals);
}

/** A figure with exactly `decimals` decimals ("80,30"). */
export function formatFixed(n: number, decimals = 2): string {
  return grouped(n, decimals, decimals);
}

/** Rupiah without sen unless it has some: "Rp 18.700.000", "Rp 1.234,50". */
export function formatRupiah(n: number): string {
  const whole = Number.isInteger(n);
  return `Rp ${whole ? grouped(n, 0, 0) : grouped(n, 2, 2)}`;
}

let tanggalFormat: Intl.DateTimeFormat | undefined;

/** Made when first asked for: few runs show a date, and the formatter loads locale data. */
export function formatTanggal(date: Date): string {
  tanggalFormat ??= new Intl.DateTimeFormat("id-ID", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  return tanggalFormat.format(date);
}

/** Excel's serial day number (1900 date system) as a UTC date. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}
