/**
 * The tables of the LKjIP's Bab III (CONTRACT.md §7) as plain models: numbered, titled, with
 * header rows and body rows of typed cells. The Tabel LKjIP sheet (tabel.ts) and the Word draft
 * render the same models, so a figure cannot differ between them.
 */
import type { CellRef } from "./columns";
import type { Result } from "./compute";
import { perbandinganOf } from "./perbandingan";
import { shownIn } from "./read-findings";

/** How a cell's value is shown: a percentage or rupiah as set, or a copy of what the user typed. */
export type CellKind = "text" | "nomor" | "persen" | "rupiah" | "salinan";

export interface TableCell {
  value: string | number | null;
  kind: CellKind;
  /** For a copy ("salinan"): the source cell's number format, to show it as the user sees it. */
  format?: string;
  /**
   * Columns this cell spans (1 when absent); rows it spans downward, for a sasaran over its
   * indicators. As in HTML, the rows below leave out the cells it covers.
   */
  span?: number;
  rowSpan?: number;
  bold?: boolean;
  italic?: boolean;
}

export type TableId = "iku" | "pk" | "sasaran" | "perbandingan" | "efisiensi" | "keuangan";

export interface TableModel {
  id: TableId;
  /** "3.1", "3.2", …: the report's numbering. */
  number: string;
  title: string;
  /** Columns of the grid the rows fill (spans included). */
  columns: number;
  header: TableCell[][];
  rows: TableCell[][];
  /** Said under the table: what is not available and which name gives it. */
  notes: string[];
}

/** The sheet's and the draft's words for a figure that is missing. */
export const BELUM_TERSEDIA = "belum tersedia";

const text = (value: string | null, more: Partial<TableCell> = {}): TableCell => ({
  value,
  kind: "text",
  ...more,
});
const persen = (value: number | null, more: Partial<TableCell> = {}): TableCell => ({
  value,
  kind: "persen",
  ...more,
});
const rupiah = (value: number | null, more: Partial<TableCell> = {}): TableCell => ({
  value,
  kind: "rupiah",
  ...more,
});
const nomor = (value: number): TableCell => ({ value, kind: "nomor" });

/** A source cell as the user sees it: its number with its format, or its text. */
function salinan(ref: CellRef | null): TableCell {
  const shown = shownIn(ref);
  return typeof shown === "number"
    ? { value: shown, kind: "salinan", format: ref!.format }
    : text(shown);
}

/** A capaian cell: the figure, or why there is none. */
function capaianCell(x: Result["indicators"][number]): TableCell {
  if (x.capaian !== null) return persen(x.capaian);
  return text(x.status === "belum-ada-realisasi" ? "belum ada realisasi" : "—", { italic: true });
}

function yearOf(result: Result): number | null {
  const year = Number.parseInt(result.signOff.tahun, 10);
  return Number.isFinite(year) ? year : null;
}

const tahun = (year: number | null, offset = 0) => (year ? ` ${year + offset}` : "");

/** The CAPAIAN KINERJA block's two header rows, from column `at` (TARGET · REALISASI · %). */
function capaianHeader(year: number | null): [TableCell, TableCell[]] {
  return [
    text(`CAPAIAN KINERJA TAHUN${tahun(year)}`.trim(), { span: 3 }),
    [text("TARGET"), text("REALISASI"), text("%")],
  ];
}

/** Tables 1–3: per indicator, with its sasaran (3.2) or without (3.1, 3.3…). */
function indicatorTables(result: Result, year: number | null, hasLalu: boolean): TableModel[] {
  const lalu = `REALISASI TAHUN${tahun(year, -1)}`;
  const laluNote = hasLalu
    ? []
    : [
        `Realisasi tahun lalu ${BELUM_TERSEDIA}: beri nama RealisasiLalu pada kolomnya di tabel indikator.`,
      ];
  const [capaianTop, capaianSub] = capaianHeader(year);
  const renstra = `TARGET RENSTRA TAHUN${tahun(year)}`.trim();
  /** Two header rows: the leading columns, CAPAIAN KINERJA over its three, last year's realisation. */
  const header = (lead: string[]): TableCell[][] => [
    [
      ...lead.map((h) => text(h, { rowSpan: 2 })),
      capaianTop,
      ...(hasLalu ? [text(lalu, { rowSpan: 2 })] : []),
    ],
    capaianSub,
  ];
  /** An indicator's target, realisasi, capaian and, with the name, last year's realisation. */
  const figures = (x: Result["indicators"][number]): TableCell[] => [
    salinan(x.target),
    salinan(x.realisasi),
    capaianCell(x),
    ...(hasLalu ? [salinan(x.realisasiLalu)] : []),
  ];

  const iku: TableModel = {
    id: "iku",
    number: "3.1",
    title: `Ringkasan Capaian Kinerja IKU Tahun${tahun(year)}`,
    columns: hasLalu ? 6 : 5,
    header: header(["NO", "INDIKATOR KINERJA UTAMA"]),
    rows: result.indicators.map((x, i) => [nomor(i + 1), text(x.indikator), ...figures(x)]),
    notes: laluNote,
  };

  const pkRows: TableCell[][] = [];
  for (const s of result.sasaran) {
    s.indicators.forEach((index, k) => {
      const x = result.indicators[index];
      pkRows.push([
        // As in HTML: a cell that a cell above spans down into is left out of the row.
        ...(k === 0
          ? [
              { ...nomor(s.nomor), rowSpan: s.indicators.length },
              text(s.nama, { rowSpan: s.indicators.length }),
            ]
          : []),
        text(x.indikator),
        salinan(x.targetRenstra),
        ...figures(x),
      ]);
    });
  }
  const pk: TableModel = {
    id: "pk",
    number: "3.2",
    title: `Ringkasan Capaian Kinerja pada Perjanjian Kinerja Tahun${tahun(year)}`,
    columns: hasLalu ? 8 : 7,
    header: header(["NO", "SASARAN STRATEGIS", "INDIKATOR KINERJA", renstra]),
    rows: pkRows,
    notes: laluNote,
  };

  const perSasaran: TableModel[] = result.sasaran.map((s, k) => ({
    id: "sasaran",
    number: `3.${3 + k}`,
    title: `Ringkasan Target dan Capaian Kinerja Sasaran Ke-${s.nomor} Tahun${tahun(year)}`,
    columns: hasLalu ? 7 : 6,
    header: header(["NO", "INDIKATOR KINERJA", renstra]),
    rows: [
      ...s.indicators.map((index, i) => {
        const x = result.indicators[index];
        return [nomor(i + 1), text(x.indikator), salinan(x.targetRenstra), ...figures(x)];
      }),
      [
        text(`Rata-rata Capaian Sasaran Ke-${s.nomor}`, { span: 5, bold: true }),
        persen(s.rataRata, { bold: true }),
        ...(hasLalu ? [text(null)] : []),
      ],
    ],
    notes: [],
  }));
  return [iku, pk, ...perSasaran];
}

function perbandinganTable(result: Result, number: string, year: number | null): TableModel {
  const rows = perbandinganOf(result.indicators, result.settings);
  const hasEnd = result.indicators.some((x) => x.targetAkhirRenstra !== null);
  const hasLalu = result.indicators.some((x) => x.capaianLalu !== null);
  const notes: string[] = [];
  if (!hasLalu)
    notes.push(
      `Capaian tahun lalu ${BELUM_TERSEDIA}: beri nama CapaianLalu pada kolomnya di tabel indikator.`
    );
  if (!hasEnd)
    notes.push(
      `Capaian terhadap target akhir Renstra ${BELUM_TERSEDIA}: beri nama TargetAkhirRenstra pada kolom target akhir periode Renstra.`
    );
  return {
    id: "perbandingan",
    number,
    title: `Perbandingan Capaian Kinerja Tahun${tahun(year)} dengan Tahun Lalu dan Target Akhir Renstra`,
    columns: hasEnd ? 7 : 5,
    header: [
      [
        text("NO"),
        text("INDIKATOR KINERJA"),
        text(`CAPAIAN TAHUN${tahun(year, -1)} (%)`),
        text(`CAPAIAN TAHUN${tahun(year)} (%)`),
        text("PERUBAHAN"),
        ...(hasEnd
          ? [text("TARGET AKHIR RENSTRA"), text("CAPAIAN THD TARGET AKHIR RENSTRA (%)")]
          : []),
      ],
    ],
    rows: rows.map((r, i) => [
      nomor(r.nomor),
      text(r.indikator),
      persen(r.capaianLalu),
      persen(r.capaian),
      text(r.perubahan),
      // The end target as the user sees it (its own number format), as the other tables copy targets.
      ...(hasEnd
        ? [salinan(result.indicators[i].targetAkhirRenstra), persen(r.capaianRenstra)]
        : []),
    ]),
    notes,
  };
}

function efisiensiTable(result: Result, number: string, year: number | null): TableModel {
  const e = result.efisiensi;
  const header = [
    [
      text("NO"),
      text("SASARAN STRATEGIS"),
      text("CAPAIAN (%)"),
      text("ANGGARAN (Rp)"),
      text("REALISASI (Rp)"),
      text("SERAPAN (%)"),
      text("CAPAIAN − SERAPAN"),
      text("KETERANGAN"),
    ],
  ];
  const line = (r: NonNullable<typeof e>["total"], bold = false) => [
    persen(r.capaian, { bold }),
    rupiah(r.anggaran, { bold }),
    rupiah(r.realisasi, { bold }),
    persen(r.serapan, { bold }),
    persen(r.selisih, { bold }),
    text(r.status, { bold }),
  ];
  return {
    id: "efisiensi",
    number,
    title: `Efisiensi Penggunaan Sumber Daya per Sasaran Tahun${tahun(year)}`,
    columns: 8,
    header,
    rows: e
      ? [
          ...e.rows.map((r) => [nomor(r.nomor), text(r.sasaran), ...line(r)]),
          [text("Total", { span: 2, bold: true }), ...line(e.total, true)],
        ]
      : [],
    notes: !e
      ? [
          `Efisiensi per sasaran ${BELUM_TERSEDIA}: beri nama SasaranAnggaran pada kolom di tabel anggaran yang menyebut sasaran tiap baris (nama atau nomornya).`,
        ]
      : e.tanpaSasaran > 0
        ? [`${e.tanpaSasaran} baris anggaran tanpa sasaran tidak masuk tabel ini.`]
        : [],
  };
}

function keuanganTable(result: Result, number: string, year: number | null): TableModel {
  const header = [
    [
      text("NO"),
      text("URAIAN"),
      text("ANGGARAN (Rp)"),
      text("REALISASI (Rp)"),
      text("SISA (Rp)"),
      text("SERAPAN (%)"),
    ],
  ];
  const rows: TableCell[][] = [];
  const notes: string[] = [];
  const budget = result.budget;
  if (budget) {
    const groups = budget.groups.length > 0 ? budget.groups : [];
    groups.forEach((g, i) =>
      rows.push([
        nomor(i + 1),
        text(g.nama),
        rupiah(g.anggaran),
        rupiah(g.realisasi),
        rupiah(g.sisa),
        persen(g.serapan),
      ])
    );
    const t = budget.total;
    rows.push([
      text("Jumlah Belanja", { span: 2, bold: true }),
      rupiah(t.anggaran, { bold: true }),
      rupiah(t.realisasi, { bold: true }),
      rupiah(budget.silpa, { bold: true }),
      persen(t.serapan, { bold: true }),
    ]);
  } else
    notes.push(
      `Anggaran dan realisasi belanja ${BELUM_TERSEDIA}: beri nama Anggaran dan RealisasiAnggaran pada tabel anggaran.`
    );
  const p = result.pendapatan;
  if (p)
    rows.push([
      text("Pendapatan (target, realisasi, capaian)", { span: 2 }),
      rupiah(p.target),
      rupiah(p.realisasi),
      text(null),
      persen(p.capaian),
    ]);
  return {
    id: "keuangan",
    number,
    title: `Akuntabilitas Keuangan Tahun${tahun(year)}`,
    columns: 6,
    header,
    rows,
    notes,
  };
}

/** Every table of §7, numbered as the report numbers them. */
export function tabelModels(result: Result): TableModel[] {
  const year = yearOf(result);
  const hasLalu = result.indicators.some((x) => x.realisasiLalu !== null);
  const first = indicatorTables(result, year, hasLalu);
  const next = (k: number) => `3.${first.length + 1 + k}`;
  return [
    ...first,
    perbandinganTable(result, next(0), year),
    efisiensiTable(result, next(1), year),
    keuanganTable(result, next(2), year),
  ];
}
