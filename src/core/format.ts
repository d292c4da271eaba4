/** Numbers and dates the Indonesian way: 102,95 · Rp 18.700.000 · 31 Desember 2020. */

const angkaCache = new Map<string, Intl.NumberFormat>();

function numberFormat(min: number, max: number): Intl.NumberFormat {
  const key = `${min}/${max}`;
  let f = angkaCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat("id-ID", { minimumFractionDigits: min, maximumFractionDigits: max });
    angkaCache.set(key, f);
  }
  return f;
}

/** A figure with at most `maxDecimals` decimals, as many as it has ("78", "80,3", "102,95"). */
export function formatAngka(n: number, maxDecimals = 2): string {
  return numberFormat(0, maxDecimals).format(n);
}

/** A figure with exactly `decimals` decimals ("80,30"). */
export function formatFixed(n: number, decimals = 2): string {
  return numberFormat(decimals, decimals).format(n);
}

/** Rupiah without sen unless it has some: "Rp 18.700.000", "Rp 1.234,50". */
export function formatRupiah(n: number): string {
  const whole = Number.isInteger(n);
  return `Rp ${(whole ? numberFormat(0, 0) : numberFormat(2, 2)).format(n)}`;
}

const tanggalFormat = new Intl.DateTimeFormat("id-ID", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function formatTanggal(date: Date): string {
  return tanggalFormat.format(date);
}

/** Excel's serial day number (1900 date system) as a UTC date. */
export function excelSerialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86400000));
}
