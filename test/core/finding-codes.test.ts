/**
 * Every finding code can be produced, and every finding that has a cell names it (issue #11, item 2).
 *
 * The table holds, for each code of CODES, a minimal workbook whose computation yields that code,
 * with the level CONTRACT.md §4 gives it and the cell it must point at. A code with more than one
 * message template gets a row per template, so that the message check sees each of them.
 */
import type { CellValue } from "../../src/core/cell";
import { compute, ComputeOptions, Result } from "../../src/core/compute";
import { Code, CODES, Finding, Level } from "../../src/core/findings";
import type { NameData, WorkbookData } from "../../src/core/workbook-data";
import { ColumnSpec, SheetSpec, workbookOf } from "../../src/sample/table";

/** CONTRACT.md §4; where the contract is silent, the level the engine gives (noted). */
const LEVEL: Record<Code, Level> = {
  NAMA_WAJIB_TIDAK_ADA: "error",
  NAMA_RUSAK_REF: "error",
  NAMA_BUKAN_RANGE: "error",
  RANGE_PANJANG_BERBEDA: "error",
  RANGE_LEBIH_SATU_KOLOM: "error",
  RANGE_KELUARAN_TUMPANG_TINDIH: "error",
  SEL_TUNGGAL_LEBIH_DARI_SATU: "warning", // contract silent: only the first cell is used
  NILAI_TIDAK_TERBACA: "error",
  NILAI_GALAT: "error",
  TARGET_KOSONG: "error",
  TARGET_NOL: "error",
  TARGET_NEGATIF: "error", // contract silent: no capaian follows, as with target 0
  REALISASI_KOSONG: "warning",
  REALISASI_RENTANG: "error", // a required cell that cannot be read as one number
  JENIS_TARGET_REALISASI_BEDA: "error", // text on no scale of the target
  KUALITATIF_TIDAK_DIKENAL: "error",
  KUALITATIF_DI_BAWAH_TARGET: "warning",
  CAPAIAN_NEGATIF: "warning",
  ARAH_TIDAK_DIKENAL: "error", // contract silent
  ARAH_BERTENTANGAN: "warning", // contract silent
  ARAH_TAMPAK_NEGATIF: "warning",
  ANGKA_SEBAGAI_TEKS: "warning",
  ANGKA_LAPORAN_BERBEDA: "warning",
  ANGGARAN_KOSONG: "error",
  ANGGARAN_NEGATIF: "error",
  REALISASI_ANGGARAN_KOSONG: "error",
  REALISASI_ANGGARAN_NEGATIF: "error",
  REALISASI_MELEBIHI_ANGGARAN: "error",
  ANGGARAN_NOL_ADA_BELANJA: "error",
  PENDAPATAN_TIDAK_LENGKAP: "warning", // contract silent: the rest is computed
  SKALA_PREDIKAT_TUMPANG_TINDIH: "error",
  SKALA_PREDIKAT_CELAH: "error",
  PENGATURAN_TIDAK_SAH: "error", // contract silent
  NIP_TIDAK_SAH: "warning",
  SASARAN_ANGGARAN_TIDAK_DIKENAL: "error", // CONTRACT.md §7.5
};

// Sheet names with a space on most rows, so that an address left unquoted in a message shows.
const PK = "PK 2020";
const BELANJA = "Anggaran 2020";
const TTD = "Tanda Tangan";

/** Columns of the indicator table on PK (from row 7): F Indikator, G Target, H Realisasi, I Arah, J Capaian. */
const INDIKATOR = 6;
const TARGET = 7;
const REALISASI = 8;
const ARAH = 9;
const CAPAIAN = 10;

function col(column: number, ...values: CellValue[]): ColumnSpec {
  return { column, values };
}

/** An indicator table from row 7 of `sheet`: Target in G, Realisasi in H, more columns as given. */
function indicators(
  target: CellValue[],
  realisasi: CellValue[],
  extra: SheetSpec["columns"] = {},
  sheet = PK
): WorkbookData {
  return workbookOf({
    sheet,
    top: 7,
    columns: { Target: col(TARGET, ...target), Realisasi: col(REALISASI, ...realisasi), ...extra },
  });
}

/** A budget table from row 5 of `sheet`: Anggaran in D, RealisasiAnggaran in E. */
function budget(anggaran: CellValue[], realisasi: CellValue[], sheet = BELANJA): WorkbookData {
  return workbookOf({
    sheet,
    top: 5,
    columns: { Anggaran: col(4, ...anggaran), RealisasiAnggaran: col(5, ...realisasi) },
  });
}

/** Single-cell names only. */
function singles(sheet: string, cells: SheetSpec["singles"]): WorkbookData {
  return workbookOf({ sheet, top: 1, columns: {}, singles: cells });
}

/** A workbook-scoped name over a block of cells. */
function named(
  name: string,
  sheet: string,
  top: number,
  left: number,
  values: CellValue[][]
): NameData {
  return { name, scope: null, status: "range", range: { sheet, top, left, values } };
}

/** The workbook with `entries` added, each replacing a name of the same spelling. */
function withNames(book: WorkbookData, ...entries: NameData[]): WorkbookData {
  const replaced = new Set(entries.map((e) => e.name.toLowerCase()));
  return {
    ...book,
    names: [...book.names.filter((n) => !replaced.has(n.name.toLowerCase())), ...entries],
  };
}

function withoutName(book: WorkbookData, name: string): WorkbookData {
  return { ...book, names: book.names.filter((n) => n.name !== name) };
}

interface Row {
  code: Code;
  /** What sets this row apart, when a code has more than one. */
  variant?: string;
  /** The cell the finding must name; null for a finding about no one cell. */
  cell: string | null;
  /** null: no workbook produces this code today. */
  data: WorkbookData | null;
  options?: ComputeOptions;
}

const NIP_SERIAL_000 = "19800101 200501 1 000";

const ROWS: Row[] = [
  // Names (columns.ts)
  {
    code: "NAMA_WAJIB_TIDAK_ADA",
    cell: null,
    data: withoutName(indicators([10], [5]), "Realisasi"),
  },
  {
    code: "NAMA_RUSAK_REF",
    cell: null,
    data: withNames(indicators([10], [5]), {
      name: "Target",
      scope: null,
      status: "ref-error",
      refersTo: "=#REF!",
    }),
  },
  {
    code: "NAMA_BUKAN_RANGE",
    cell: null,
    data: withNames(indicators([10], [5]), {
      name: "NamaOPD",
      scope: null,
      status: "not-range",
      refersTo: '="BKPP"',
    }),
  },
  {
    code: "RANGE_PANJANG_BERBEDA",
    cell: "'PK 2020'!H7:H9",
    data: withNames(indicators([10], [5]), named("Realisasi", PK, 7, REALISASI, [[5], [6], [7]])),
  },
  {
    code: "RANGE_LEBIH_SATU_KOLOM",
    cell: "'PK 2020'!H7:I7",
    data: withNames(indicators([10], [5]), named("Realisasi", PK, 7, REALISASI, [[5, 6]])),
  },
  {
    code: "RANGE_KELUARAN_TUMPANG_TINDIH",
    cell: "'PK 2020'!H7:H8",
    data: indicators([10, 20], [5, 10], { Capaian: col(REALISASI, null, null) }),
  },
  {
    code: "SEL_TUNGGAL_LEBIH_DARI_SATU",
    cell: "'Tanda Tangan'!B2:B3",
    data: withNames(indicators([10], [5]), named("NamaOPD", TTD, 2, 2, [["BKPP"], ["Semarang"]])),
  },

  // Reading cells (read-findings.ts, indicators.ts)
  { code: "NILAI_TIDAK_TERBACA", cell: "'PK 2020'!H7", data: indicators([10], ["80, 30"]) },
  {
    code: "NILAI_TIDAK_TERBACA",
    variant: "realisasi 0 under the T/R formula",
    cell: "'PK 2020'!H7",
    data: indicators([10], [0], { Arah: col(ARAH, "negatif") }),
    options: { overrides: { negativeFormula: "T/R" } },
  },
  { code: "NILAI_GALAT", cell: "PK!H7", data: indicators([10], [{ error: "#N/A" }], {}, "PK") },
  { code: "ANGKA_SEBAGAI_TEKS", cell: "'PK 2020'!H7", data: indicators([10], ["80"]) },

  // Indicators (indicators.ts)
  { code: "TARGET_KOSONG", cell: "'PK 2020'!G7", data: indicators([null], [5]) },
  { code: "TARGET_NOL", cell: "'PK 2020'!G7", data: indicators([0], [5]) },
  {
    code: "TARGET_NOL",
    variant: "target pendapatan 0",
    cell: "Pendapatan!C4",
    data: singles("Pendapatan", { TargetPendapatan: [4, 3, 0], RealisasiPendapatan: [5, 3, 500] }),
  },
  { code: "TARGET_NEGATIF", cell: "'PK 2020'!G7", data: indicators([-5], [5]) },
  { code: "REALISASI_KOSONG", cell: "'PK 2020'!H7", data: indicators([10], [null]) },
  { code: "REALISASI_RENTANG", cell: "'PK 2020'!H7", data: indicators(["7-8"], ["7-8"]) },
  { code: "JENIS_TARGET_REALISASI_BEDA", cell: "'PK 2020'!H7", data: indicators(["WTP"], [80]) },
  {
    code: "KUALITATIF_TIDAK_DIKENAL",
    cell: "'PK 2020'!G7",
    data: indicators(["Sertifikasi Mutu"], ["Sertifikasi Mutu"]),
  },
  { code: "KUALITATIF_DI_BAWAH_TARGET", cell: "'PK 2020'!H7", data: indicators(["WTP"], ["WDP"]) },
  {
    code: "CAPAIAN_NEGATIF",
    cell: "'PK 2020'!H7",
    data: indicators([10], [25], { Arah: col(ARAH, "negatif") }),
  },
  {
    code: "ARAH_TIDAK_DIKENAL",
    cell: "'PK 2020'!I7",
    data: indicators([10], [5], { Arah: col(ARAH, "ke atas") }),
  },
  {
    code: "ARAH_BERTENTANGAN",
    cell: "'PK 2020'!I7",
    data: indicators(["< 5"], [4], { Arah: col(ARAH, "positif") }),
  },
  {
    code: "ARAH_TAMPAK_NEGATIF",
    variant: "no Arah column",
    cell: "'PK 2020'!G7",
    data: indicators([10], [5], { Indikator: col(INDIKATOR, "Jumlah pelanggaran disiplin") }),
  },
  {
    code: "ARAH_TAMPAK_NEGATIF",
    variant: "a blank Arah cell",
    cell: "'PK 2020'!I7",
    data: indicators([10], [5], {
      Indikator: col(INDIKATOR, "Jumlah pelanggaran disiplin"),
      Arah: col(ARAH, null),
    }),
  },

  // Figures already in output cells (audit.ts)
  {
    code: "ANGKA_LAPORAN_BERBEDA",
    cell: "'PK 2020'!J7",
    data: indicators([10], [5], { Capaian: col(CAPAIAN, 99) }),
  },
  {
    code: "ANGKA_LAPORAN_BERBEDA",
    variant: "text in the output cell",
    cell: "'PK 2020'!J7",
    data: indicators([10], [5], { Capaian: col(CAPAIAN, "lihat catatan") }),
  },
  {
    code: "ANGKA_LAPORAN_BERBEDA",
    variant: "the same figure by a formula",
    cell: "'PK 2020'!J7",
    data: indicators([10], [5], {
      Capaian: { column: CAPAIAN, values: [50], formulas: ["=H7/G7*100"] },
    }),
  },

  // Budget (budget.ts)
  { code: "ANGGARAN_KOSONG", cell: "'Anggaran 2020'!D5", data: budget([null], [100]) },
  { code: "ANGGARAN_NEGATIF", cell: "'Anggaran 2020'!D5", data: budget([-100], [50]) },
  { code: "REALISASI_ANGGARAN_KOSONG", cell: "'Anggaran 2020'!E5", data: budget([100], [null]) },
  { code: "REALISASI_ANGGARAN_NEGATIF", cell: "'Anggaran 2020'!E5", data: budget([100], [-5]) },
  { code: "REALISASI_MELEBIHI_ANGGARAN", cell: "'Anggaran 2020'!E5", data: budget([100], [150]) },
  { code: "ANGGARAN_NOL_ADA_BELANJA", cell: "'Anggaran 2020'!E5", data: budget([0], [50]) },
  {
    code: "SASARAN_ANGGARAN_TIDAK_DIKENAL",
    cell: "'Anggaran 2020'!F6",
    data: workbookOf(
      {
        sheet: PK,
        top: 7,
        columns: {
          Sasaran: col(5, "Meningkatnya kualitas ASN"),
          Target: col(TARGET, 10),
          Realisasi: col(REALISASI, 5),
        },
      },
      {
        sheet: BELANJA,
        top: 5,
        columns: {
          Anggaran: col(4, 100, 100),
          RealisasiAnggaran: col(5, 50, 50),
          SasaranAnggaran: col(6, 1, "Sasaran yang tidak ada"),
        },
      }
    ),
  },

  // Pendapatan (compute.ts)
  {
    code: "PENDAPATAN_TIDAK_LENGKAP",
    variant: "RealisasiPendapatan not named",
    cell: "Pendapatan!C4",
    data: singles("Pendapatan", { TargetPendapatan: [4, 3, 1000000] }),
  },
  {
    code: "PENDAPATAN_TIDAK_LENGKAP",
    variant: "RealisasiPendapatan blank",
    cell: "Pendapatan!C5",
    data: singles("Pendapatan", {
      TargetPendapatan: [4, 3, 1000000],
      RealisasiPendapatan: [5, 3, null],
    }),
  },

  // Settings (compute.ts settingsFor, predicate.ts)
  {
    code: "SKALA_PREDIKAT_TUMPANG_TINDIH",
    cell: null,
    data: {
      ...indicators([10], [5]),
      storedSettings: {
        predicateBands: [
          { label: "Baik", min: 50, max: null },
          { label: "Kurang", min: null, max: 60 },
        ],
      },
    },
  },
  {
    code: "SKALA_PREDIKAT_CELAH",
    cell: null,
    data: indicators([10], [5]),
    options: {
      overrides: {
        predicateBands: [
          { label: "Baik", min: 60, max: null },
          { label: "Kurang", min: null, max: 50 },
        ],
      },
    },
  },
  {
    code: "PENGATURAN_TIDAK_SAH",
    variant: "stored settings",
    cell: null,
    data: { ...indicators([10], [5]), storedSettings: { decimals: "dua" } },
  },
  {
    code: "PENGATURAN_TIDAK_SAH",
    variant: "overrides",
    cell: null,
    data: indicators([10], [5]),
    options: { overrides: { decimals: 9 } },
  },

  // Sign-off (signoff.ts)
  {
    code: "NIP_TIDAK_SAH",
    cell: "'Tanda Tangan'!C12",
    data: singles(TTD, { NIPKepala: [12, 3, NIP_SERIAL_000] }),
  },
  {
    code: "NIP_TIDAK_SAH",
    variant: "stored as a number",
    cell: "'Tanda Tangan'!C12",
    data: singles(TTD, { NIPKepala: [12, 3, 198001012005011001] }),
  },
  {
    code: "NIP_TIDAK_SAH",
    variant: "typed in the sign-off form",
    cell: null,
    data: indicators([10], [5]),
    options: { signOff: { nip: NIP_SERIAL_000 } },
  },
];

const titleOf = (row: Row) => (row.variant ? `${row.code} (${row.variant})` : row.code);

/** Each row computed once; null where the row has no workbook. */
const RESULTS: (Result | null)[] = ROWS.map((row) =>
  row.data ? compute(row.data, row.options) : null
);

describe("finding codes (issue #11)", () => {
  test("the table has a row for every code of CODES", () => {
    const covered = new Set(ROWS.map((r) => r.code));
    expect(CODES.filter((code) => !covered.has(code))).toEqual([]);
  });

  test.each(ROWS.map((row, i) => [titleOf(row), row, RESULTS[i]] as const))(
    "%s is produced, at its level and cell",
    (_title, row, result) => {
      if (!result)
        throw new Error(`No workbook produces ${row.code}: produce it, or take the code out.`);
      expect(result.findings).toContainEqual(
        expect.objectContaining({ code: row.code, level: LEVEL[row.code], cell: row.cell })
      );
    }
  );

  /** The findings of one code across the whole table. */
  const producedOf = (code: Code): Finding[] =>
    RESULTS.flatMap((result) => result?.findings.filter((f) => f.code === code) ?? []);

  test.each([...CODES])("%s: a finding with a cell names it in its message", (code) => {
    const produced = producedOf(code);
    if (produced.length === 0) throw new Error(`No row of the table produces ${code}.`);
    const silent = produced
      .filter((f) => f.cell !== null && !f.message.includes(f.cell))
      .map(({ cell, message }) => ({ cell, message }));
    expect(silent).toEqual([]);
  });
});
