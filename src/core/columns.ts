import { formatAngka } from "./format";
import { CellValue } from "./cell";
import { cellAddress, rangeAddress, Rect } from "./address";
import { error, Finding, warning } from "./findings";
import type { ContractName } from "./settings";
import type { NameData, RangeData } from "./workbook-data";

/** One cell of a named range, with the address a finding will name (made only when asked for). */
export class CellRef {
  constructor(
    private readonly range: RangeData,
    private readonly row: number,
    private readonly column = 0
  ) {}
  get value(): CellValue {
    const value = this.range.values[this.row]?.[this.column];
    return value === undefined ? null : value;
  }
  get format(): string | undefined {
    return this.range.formats?.[this.row]?.[this.column];
  }
  get formula(): string | null {
    return this.range.formulas?.[this.row]?.[this.column] ?? null;
  }
  get address(): string {
    return cellAddress(this.range.sheet, this.range.top + this.row, this.range.left + this.column);
  }
}

/** The value of a cell of a one-column range, read once (a CellRef reads it anew on each access). */
export function valueAt(range: RangeData, row: number): CellValue {
  const value = range.values[row]?.[0];
  return value === undefined ? null : value;
}

export function formatAt(range: RangeData, row: number): string | undefined {
  return range.formats?.[row]?.[0];
}

/** Empty as the user sees it: nothing, or only spaces. */
export function isBlankValue(value: CellValue): boolean {
  return value === null || (typeof value === "string" && value.trim() === "");
}

/** A named range that passed the structural checks (a range, one column wide for per-row names). */
export interface Column {
  name: ContractName;
  range: RangeData;
  rect: Rect;
  rows: number;
}

export function rectOf(range: RangeData): Rect {
  const rows = range.values.length;
  let columns = 0;
  for (let r = 0; r < rows; r++) columns = Math.max(columns, range.values[r].length);
  return {
    sheet: range.sheet,
    top: range.top,
    left: range.left,
    bottom: range.top + Math.max(rows, 1) - 1,
    right: range.left + Math.max(columns, 1) - 1,
  };
}

export function rectAddress(rect: Rect): string {
  return rangeAddress(rect.sheet, rect.top, rect.left, rect.bottom, rect.right);
}

export function cellAt(range: RangeData, row: number, column = 0): CellRef {
  return new CellRef(range, row, column);
}

/** What a required column holds, in the user's words. */
const REQUIRED_COLUMN: Partial<Record<ContractName, string>> = {
  Target: "target tahun ini",
  Realisasi: "realisasi tahun ini",
  Anggaran: "pagu anggaran",
  RealisasiAnggaran: "realisasi anggaran",
};

export const SETUP_HINT =
  'Tentukan nama lewat Rumus › Manajer Nama, atau pakai tombol "Siapkan Nama Range".';

/** Checks that a name is a usable range; returns it, or null with a finding. */
export function usableRange(
  name: ContractName,
  entry: NameData,
  findings: Finding[]
): RangeData | null {
  if (entry.status === "ref-error") {
    findings.push(
      error(
        "NAMA_RUSAK_REF",
        null,
        () =>
          `Nama "${entry.name}" menunjuk ke sel yang sudah dihapus (${entry.refersTo}). Arahkan ulang nama "${name}" ke sel yang benar. ${SETUP_HINT}`
      )
    );
    return null;
  }
  if (entry.status === "too-large") {
    findings.push(
      error(
        "NAMA_BUKAN_RANGE",
        null,
        () =>
          `Nama "${entry.name}" menunjuk ke ${formatAngka(entry.cells, 0)} sel (${entry.refersTo}), jauh lebih banyak daripada tabel LKjIP mana pun, sehingga tidak dibaca. Arahkan nama "${name}" ke sel-sel tabel saja, misalnya E7:E20. ${SETUP_HINT}`
      )
    );
    return null;
  }
  if (entry.status === "not-range") {
    const whole = /!\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$|!\$?\d+:\$?\d+$/i.test(entry.refersTo);
    const why = whole
      ? `menunjuk ke seluruh kolom atau baris (${entry.refersTo}). Arahkan nama "${name}" ke sel-sel tabel saja, misalnya E7:E20.`
      : entry.refersTo.includes(",") && entry.refersTo.includes("!")
        ? `menunjuk ke beberapa area sekaligus (${entry.refersTo}). Arahkan nama "${name}" ke satu area sel yang bersambung.`
        : `tidak menunjuk ke satu range sel (isinya: ${entry.refersTo}). Arahkan nama "${name}" ke sel di lembar kerja.`;
    findings.push(error("NAMA_BUKAN_RANGE", null, `Nama "${entry.name}" ${why} ${SETUP_HINT}`));
    return null;
  }
  return entry.range;
}

/**
 * Loads the per-row names of one table. Every one must be a range one column wide with as many
 * rows as the first required name. Returns null when the table cannot be computed.
 */
export function loadTable(
  resolved: Map<ContractName, NameData>,
  names: readonly ContractName[],
  required: readonly ContractName[],
  findings: Finding[]
): Map<ContractName, Column> | null {
  let broken = false;
  for (const name of required) {
    if (!resolved.has(name)) {
      findings.push(
        error(
          "NAMA_WAJIB_TIDAK_ADA",
          null,
          () =>
            `Nama range "${name}" belum ada di buku kerja ini. Pilih sel-sel ${REQUIRED_COLUMN[name] ?? name} di tabel Anda (satu kolom) dan beri nama "${name}". ${SETUP_HINT}`
        )
      );
      broken = true;
    }
  }
  const columns = new Map<ContractName, Column>();
  for (const name of names) {
    const entry = resolved.get(name);
    if (!entry) continue;
    const range = usableRange(name, entry, findings);
    if (!range) {
      broken = true;
      continue;
    }
    const rect = rectOf(range);
    if (rect.right > rect.left) {
      findings.push(
        error(
          "RANGE_LEBIH_SATU_KOLOM",
          rectAddress(rect),
          () =>
            `Nama "${name}" mencakup ${rect.right - rect.left + 1} kolom (${rectAddress(rect)}). Nama per baris harus selebar satu kolom: arahkan ke satu kolom saja.`
        )
      );
      broken = true;
      continue;
    }
    columns.set(name, { name, range, rect, rows: range.values.length });
  }
  const lead = required.map((n) => columns.get(n)).find((c) => c !== undefined);
  if (lead) {
    for (const column of columns.values()) {
      if (column.rows !== lead.rows) {
        findings.push(
          error(
            "RANGE_PANJANG_BERBEDA",
            rectAddress(column.rect),
            () =>
              `Nama "${column.name}" (${rectAddress(column.rect)}) mencakup ${column.rows} baris, sedangkan "${lead.name}" (${rectAddress(lead.rect)}) ${lead.rows} baris. Samakan jumlah baris semua nama di tabel ini.`
          )
        );
        broken = true;
      }
    }
  }
  return broken ? null : columns;
}

/** A single-cell name: its top-left cell, with a warning if it spans more. */
export function loadSingle(
  resolved: Map<ContractName, NameData>,
  name: ContractName,
  findings: Finding[]
): { cell: CellRef; rect: Rect; range: RangeData } | undefined {
  const entry = resolved.get(name);
  if (!entry) return undefined;
  const range = usableRange(name, entry, findings);
  if (!range) return undefined;
  const rect = rectOf(range);
  if (rect.bottom > rect.top || rect.right > rect.left) {
    findings.push(
      warning(
        "SEL_TUNGGAL_LEBIH_DARI_SATU",
        rectAddress(rect),
        () =>
          `Nama "${name}" seharusnya satu sel, tetapi mencakup ${rectAddress(rect)}. Hanya sel pertamanya yang dipakai; arahkan nama ke satu sel saja.`
      )
    );
  }
  return { cell: cellAt(range, 0), rect: { ...rect, bottom: rect.top, right: rect.left }, range };
}
