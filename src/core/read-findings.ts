import type { CellValue } from "./cell";
import type { CellRef } from "./columns";
import { error, Finding } from "./findings";
import { formatAngka } from "./format";
import { ReadContext, readCell, Reading } from "./read-cell";

/** A cell's content as text, for names and labels. */
export function cellText(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value.trim();
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if ("error" in value) return value.error;
  return value.date;
}

/** A number read from a cell (a percent-formatted cell as its percent), or null. */
export function numberIn(ref: CellRef | null): number | null {
  if (!ref) return null;
  const reading = readCell(ref.value, ref.format);
  return reading.kind === "number" ? reading.value : null;
}

/** What a cell shows, for a table or the report: its number, else its text; null when empty. */
export function shownIn(ref: CellRef | null): number | string | null {
  if (!ref) return null;
  const v = ref.value;
  return typeof v === "number" ? v : cellText(v) || null;
}

function quoted(value: CellValue): string {
  const text = cellText(value);
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/** The finding for a reading that is not a usable number, in the words of what the cell should hold. */
export function unreadableFinding(reading: Reading, ref: CellRef, what: string): Finding {
  const at = `Sel ${ref.address}`;
  if (reading.kind === "invalid") {
    switch (reading.problem) {
      case "error-value":
        return error(
          "NILAI_GALAT",
          ref.address,
          () =>
            `${at} berisi galat ${reading.shown}, bukan ${what}. Perbaiki rumusnya atau isi sel itu dengan angka.`
        );
      case "boolean":
        return error(
          "NILAI_TIDAK_TERBACA",
          ref.address,
          () =>
            `${at} berisi nilai logika ${reading.shown}, bukan ${what}. Isi sel itu dengan angka.`
        );
      case "date":
        return error(
          "NILAI_TIDAK_TERBACA",
          ref.address,
          () =>
            `${at} berisi tanggal, bukan ${what}. Ubah format selnya ke Umum atau Angka, lalu ketik ulang angkanya.`
        );
      case "malformed-number":
        return error(
          "NILAI_TIDAK_TERBACA",
          ref.address,
          () =>
            `${at} berisi ${quoted(ref.value)} yang tidak dapat dibaca sebagai satu angka. Tulis ${what} sebagai satu angka seperti 1.234,5 atau 80,30; sesudah angka hanya boleh satuan (orang, %, dokumen) atau catatan dalam kurung.`
        );
      case "abbreviation":
        return error(
          "NILAI_TIDAK_TERBACA",
          ref.address,
          () =>
            `${at} berisi ${quoted(ref.value)}: singkatan "${reading.abbreviation}" hanya dibaca di sel anggaran dan pendapatan. Tulis ${what} dengan angka lengkap, atau dengan kata ribu, juta, miliar atau triliun.`
        );
    }
  }
  if (reading.kind === "range") {
    return error(
      "NILAI_TIDAK_TERBACA",
      ref.address,
      () =>
        `${at} berisi rentang ${quoted(ref.value)}, padahal ${what} harus satu angka. Isi dengan satu angka.`
    );
  }
  return error(
    "NILAI_TIDAK_TERBACA",
    ref.address,
    () =>
      `${at} berisi teks ${quoted(ref.value)} yang tidak dapat dibaca sebagai ${what}. Isi dengan angka.`
  );
}

/**
 * The warning for a number stored as text. The commonest finding by far (a pasted table can have one
 * per row), so it is one small object holding the cell and the number, with no closure.
 */
class NumberAsText implements Finding {
  readonly level = "warning";
  readonly code = "ANGKA_SEBAGAI_TEKS";
  constructor(
    private readonly ref: CellRef,
    private readonly value: number
  ) {}
  get cell(): string {
    return this.ref.address;
  }
  get message(): string {
    return `Sel ${this.ref.address} berisi angka yang tersimpan sebagai teks (${quoted(this.ref.value)}). Dibaca sebagai ${formatAngka(this.value, 6)}, tetapi Excel tidak ikut menjumlahkannya. Ubah menjadi angka: ketik ulang, atau Data › Teks ke Kolom.`;
  }
}

export function numberAsTextWarning(ref: CellRef, value: number): Finding {
  return new NumberAsText(ref, value);
}

/**
 * Reads a cell that must hold a number (money, a reported figure): the number, or null with a finding
 * when it cannot be read. Missing gives null without a finding: the caller knows whether that matters.
 */
export function readNumber(
  ref: CellRef,
  what: string,
  findings: Finding[],
  context: ReadContext = {}
): number | null | "missing" {
  const reading = readCell(ref.value, ref.format, context);
  if (reading.kind === "missing") return "missing";
  if (reading.kind === "number" && !reading.impliedPolarity) {
    if (reading.numberAsText) findings.push(numberAsTextWarning(ref, reading.value));
    return reading.value;
  }
  findings.push(unreadableFinding(reading, ref, what));
  return null;
}
