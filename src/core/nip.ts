/** NIP of a civil servant: 18 digits = birth date YYYYMMDD · CPNS start YYYYMM · sex 1|2 · serial 3 digits. */

export type NipCheck = { ok: true; formatted: string } | { ok: false; problem: string };

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function formatNip(digits: string): string {
  return `${digits.slice(0, 8)} ${digits.slice(8, 14)} ${digits.slice(14, 15)} ${digits.slice(15)}`;
}

export function checkNip(text: string): NipCheck {
  const digits = text.replace(/^NIP\.?\s*:?\s*/i, "").replace(/\s+/g, "");
  if (!/^\d+$/.test(digits))
    return { ok: false, problem: "berisi karakter selain angka dan spasi" };
  if (digits.length !== 18)
    return { ok: false, problem: `terdiri dari ${digits.length} digit, seharusnya 18` };
  const by = Number(digits.slice(0, 4));
  const bm = Number(digits.slice(4, 6));
  const bd = Number(digits.slice(6, 8));
  if (by < 1900 || !validDate(by, bm, bd))
    return {
      ok: false,
      problem: `8 digit pertama (${digits.slice(0, 8)}) bukan tanggal lahir yang sah`,
    };
  const cy = Number(digits.slice(8, 12));
  const cm = Number(digits.slice(12, 14));
  if (cm < 1 || cm > 12 || cy < by + 15) {
    return {
      ok: false,
      problem: `digit ke-9 sampai ke-14 (${digits.slice(8, 14)}) bukan bulan dan tahun pengangkatan CPNS yang sah`,
    };
  }
  const sex = digits[14];
  if (sex !== "1" && sex !== "2")
    return { ok: false, problem: `digit ke-15 (${sex}) harus 1 (pria) atau 2 (wanita)` };
  if (digits.slice(15) === "000")
    return { ok: false, problem: "nomor urut (3 digit terakhir) tidak boleh 000" };
  return { ok: true, formatted: formatNip(digits) };
}
