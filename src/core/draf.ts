/**
 * The Draf BAB III (CONTRACT.md §8) as a plain document model: headings, paragraphs of plain
 * text, the tables of §7 (the same TableModel objects the Tabel LKjIP sheet renders) and the Lembar
 * Pengukuran as an appendix. An adapter (src/docx/) writes it as an editable Word document.
 *
 * Sentences follow the wording officers write in Bab III (the seed's), with the figures of the one
 * computation. A figure that is missing is never written about as if it were there: the sentence
 * says it is not yet available ("belum tersedia") and which name in the workbook gives it.
 */
import type { IndicatorResult } from "./indicators";
import type { CellRef } from "./columns";
import type { Result } from "./compute";
import { hasErrors } from "./findings";
import {
  excelSerialToDate,
  formatDigits,
  formatFixed,
  formatRupiah,
  formatTanggal,
} from "./format";
import { buildLembar } from "./lembar";
import { perbandinganOf, PerbandinganRow } from "./perbandingan";
import { isDateFormat } from "./read-cell";
import { cellText } from "./read-findings";
import { roundNumber, toBig } from "./rounding";
import { PERMENDAGRI_86_2017 } from "./settings";
import type { CellStyle, PlanValue, SheetPlan } from "./sheet-plan";
import { BELUM_TERSEDIA, TableCell, TableModel, tabelModels } from "./tabel-model";
import { TERBILANG_LIMIT, terbilangRupiah } from "./terbilang";

export type DrafBlock =
  /** Level 1: the chapter; 2: A, B, C; 3: the numbered or lettered parts inside them. */
  | { type: "heading"; level: 1 | 2 | 3; text: string }
  /** `note`: a remark for the officer (what is missing, what to fix), not report prose. */
  | { type: "paragraph"; text: string; note?: boolean }
  | { type: "table"; table: TableModel };

export interface DrafDocument {
  namaOPD: string;
  tahun: string;
  /** Decimals of a percentage (settings.decimals), for the tables' "persen" cells. */
  decimals: number;
  /** Bab III in order. */
  blocks: DrafBlock[];
  /** The Lembar Pengukuran Kinerja, printed landscape after Bab III. */
  appendix: { title: string; plan: SheetPlan };
}

export const DRAF_TITLE = "BAB III AKUNTABILITAS KINERJA";
export const APPENDIX_TITLE = "Lampiran: Lembar Pengukuran Kinerja";

// ---------------------------------------------------------------------------------------------
// Numbers as the sheet shows them

/** Excel's General in an Indonesian Excel: no thousands separator, comma decimals ("80,3", "2020"). */
function general(n: number): string {
  return formatDigits(Number(n.toPrecision(15)), 0, 10, false);
}

interface ParsedSection {
  prefix: string;
  suffix: string;
  integerZeros: number;
  minDecimals: number;
  maxDecimals: number;
  grouping: boolean;
  /** Powers of 100 (each % sign) and of 1/1000 (each trailing comma). */
  percent: number;
  scaling: number;
}

/** The sections of a format code (positive; negative; zero; text), split outside quotes. */
function sectionsOf(format: string): string[] {
  const sections: string[] = [];
  let current = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      current += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\") {
      current += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      sections.push(current);
      current = "";
    } else current += ch;
  }
  sections.push(current);
  return sections;
}

const PLACEHOLDER = /[0#?]/;

/** One section of a number format code; null for what this does not show (scientific, fractions). */
function parseSection(section: string): ParsedSection | null {
  const p: ParsedSection = {
    prefix: "",
    suffix: "",
    integerZeros: 0,
    minDecimals: 0,
    maxDecimals: 0,
    grouping: false,
    percent: 0,
    scaling: 0,
  };
  let state: "before" | "integer" | "decimal" | "after" = "before";
  const literal = (text: string) => {
    if (state === "before") p.prefix += text;
    else {
      if (state !== "after") state = "after";
      p.suffix += text;
    }
  };
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      literal(section.slice(i + 1, stop));
      i = stop;
    } else if (ch === "\\") {
      literal(section[i + 1] ?? "");
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i + 1);
      const stop = end < 0 ? section.length : end;
      const inside = section.slice(i + 1, stop);
      // [$Rp-421]: a currency symbol; [Red], [>=100]: colours and conditions, not shown.
      if (inside.startsWith("$")) literal(inside.slice(1).split("-")[0]);
      i = stop;
    } else if (ch === "_") {
      literal(" ");
      i++;
    } else if (ch === "*") {
      i++;
    } else if (PLACEHOLDER.test(ch)) {
      if (state === "before" || state === "integer") {
        state = "integer";
        if (ch === "0") p.integerZeros++;
      } else if (state === "decimal") {
        p.maxDecimals++;
        if (ch === "0") p.minDecimals = p.maxDecimals;
      } else return null; // digits after a literal: fractions and the like
    } else if (ch === "." && (state === "integer" || state === "before")) {
      state = "decimal";
    } else if (ch === "," && (state === "integer" || state === "decimal")) {
      if (PLACEHOLDER.test(section[i + 1] ?? "") && state === "integer") p.grouping = true;
      else p.scaling++;
    } else if ((ch === "E" || ch === "e") && /[+-]/.test(section[i + 1] ?? "")) {
      return null;
    } else if (ch === "/" && state !== "before") {
      return null;
    } else {
      if (ch === "%") p.percent++;
      literal(ch);
    }
  }
  return state === "before" ? null : p;
}

/**
 * A number as a cell with this Excel number format shows it in an Indonesian Excel: "0.00" → 80,30,
 * `"Rp "#,##0` → Rp 18.700.000, "0.00%" → 80,30%, General → 80,3 (no thousands separator), a date
 * format → 31 Desember 2020. Formats this does not show (scientific, fractions) fall back to General.
 */
export function formatNumberAs(n: number, format?: string | null): string {
  if (!Number.isFinite(n)) return String(n);
  const code = (format ?? "").trim();
  if (code === "" || /^general$/i.test(code) || code === "@") return general(n);
  if (isDateFormat(code)) return formatTanggal(excelSerialToDate(n));
  const sections = sectionsOf(code);
  let section = sections[0];
  let value = n;
  let sign = "";
  if (n < 0) {
    value = -n;
    if (sections.length > 1 && sections[1].trim() !== "") section = sections[1];
    else sign = "-";
  } else if (n === 0 && sections.length > 2 && sections[2].trim() !== "") section = sections[2];
  const p = parseSection(section);
  if (!p) return sign + general(value);
  const scaled = Number((value * 100 ** p.percent * 1000 ** -p.scaling).toPrecision(15));
  let digits = formatDigits(scaled, p.minDecimals, p.maxDecimals, p.grouping);
  if (p.integerZeros === 0 && digits.startsWith("0") && scaled < 1 && p.maxDecimals > 0)
    digits = digits.slice(1);
  return `${sign}${p.prefix}${digits}${p.suffix}`;
}

/** A value of a planned sheet (the Lembar) as the sheet shows it with its number format. */
export function shownPlanValue(value: PlanValue, numberFormat?: string): string {
  if (value === null) return "";
  if (typeof value === "number") return formatNumberAs(value, numberFormat);
  return value;
}

/**
 * A table cell as the Tabel LKjIP sheet shows it: a percentage with the set decimals (102,95),
 * rupiah as "Rp 18.700.000", a copy of a source cell with its own number format (80,30), a row
 * number as an integer, text as it is; an empty cell as "".
 */
export function shownTableCell(cell: TableCell, decimals: number): string {
  const v = cell.value;
  if (v === null) return "";
  if (typeof v === "string") return v;
  switch (cell.kind) {
    case "persen":
      return formatFixed(v, decimals);
    case "rupiah":
      return formatRupiah(v);
    case "salinan":
      return formatNumberAs(v, cell.format);
    case "nomor":
      return formatDigits(v, 0, 0, false);
    default:
      return general(v);
  }
}

// ---------------------------------------------------------------------------------------------
// Words

/** Words kept in lower case when a name typed in capitals is written in a sentence. */
const SMALL_WORDS = new Set([
  "dan",
  "di",
  "ke",
  "dari",
  "yang",
  "untuk",
  "pada",
  "serta",
  "atau",
  "dengan",
  "terhadap",
  "dalam",
]);

/**
 * An OPD name typed in capitals ("BADAN KEPEGAWAIAN, PENDIDIKAN DAN PELATIHAN"), as a sentence
 * writes it ("Badan Kepegawaian, Pendidikan dan Pelatihan"). Words without a vowel (BKPP) and
 * words in parentheses (an abbreviation: "(DPU)") stay in capitals; a name in mixed case is kept
 * as typed.
 */
export function namaDalamKalimat(name: string): string {
  const trimmed = name.replace(/\s+/g, " ").trim();
  if (trimmed === "" || trimmed !== trimmed.toUpperCase() || !/[A-Z]/.test(trimmed)) return trimmed;
  let first = true;
  let depth = 0;
  return trimmed.replace(/[A-Za-z]+|[()]/g, (word) => {
    if (word === "(" || word === ")") {
      depth = Math.max(0, depth + (word === "(" ? 1 : -1));
      return word;
    }
    const wasFirst = first;
    first = false;
    if (depth > 0 || !/[aiueo]/i.test(word)) return word;
    const lower = word.toLowerCase();
    if (!wasFirst && SMALL_WORDS.has(lower)) return lower;
    return lower[0].toUpperCase() + lower.slice(1);
  });
}

/**
 * An amount as Bab III writes it: "Rp 37.740.651.000,- (Tiga Puluh Tujuh Miliar Tujuh Ratus
 * Empat Puluh Juta Enam Ratus Lima Puluh Satu Ribu Rupiah)".
 */
export function rupiahDenganTerbilang(n: number): string {
  const figure = Number.isInteger(n) ? `${formatRupiah(n)},-` : formatRupiah(n);
  let words: string | null = null;
  if (Math.abs(n) < TERBILANG_LIMIT) {
    try {
      words = terbilangRupiah(n);
    } catch {
      words = null; // finer than a sen: the figure alone
    }
  }
  return words ? `${figure} (${words})` : figure;
}

/** A sentence's first letter in capitals. */
const capitalized = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

// ---------------------------------------------------------------------------------------------
// The document

/** What every sentence builder needs: the result, and how figures and years are written. */
class Writer {
  readonly blocks: DrafBlock[] = [];
  readonly opd: string;
  readonly year: number | null;
  constructor(readonly result: Result) {
    this.opd = namaDalamKalimat(result.signOff.namaOPD) || "Perangkat Daerah";
    const year = Number.parseInt(result.signOff.tahun, 10);
    this.year = Number.isFinite(year) ? year : null;
  }
  /** "tahun 2020", or "tahun ini" without a year. */
  tahun(offset = 0): string {
    if (this.year === null) return offset === 0 ? "tahun ini" : "tahun lalu";
    return `tahun ${this.year + offset}`;
  }
  persen(n: number): string {
    return `${formatFixed(n, this.result.settings.decimals)} %`;
  }
  /** The difference of two percentages in points, as printed. */
  selisih(a: number, b: number): string {
    return formatFixed(
      Math.abs(roundNumber(toBig(a).minus(toBig(b)), this.result.settings)),
      this.result.settings.decimals
    );
  }
  /** 100 − serapan: the share left over, consistent with the printed serapan. */
  sisaPersen(serapan: number): string {
    return this.persen(roundNumber(toBig(100).minus(toBig(serapan)), this.result.settings));
  }
  predikat(label: string | null): string {
    return label
      ? `dengan predikat ${label}`
      : "dengan predikat yang belum dapat ditentukan (periksa skala predikat di Pengaturan)";
  }
  heading(level: 1 | 2 | 3, text: string): void {
    this.blocks.push({ type: "heading", level, text });
  }
  paragraph(text: string, note = false): void {
    if (text.trim())
      this.blocks.push(note ? { type: "paragraph", text, note } : { type: "paragraph", text });
  }
  table(table: TableModel): void {
    this.blocks.push({ type: "table", table });
  }
}

/** A source cell as the user sees it, for a sentence: "80,30", ">82", or null when empty. */
function shownRef(ref: CellRef | null): string | null {
  if (!ref) return null;
  const v = ref.value;
  if (typeof v === "number") return formatNumberAs(v, ref.format);
  const text = v === null ? "" : cellText(v).replace(/\s+/g, " ");
  return text === "" ? null : text;
}

function namaIndikator(x: IndicatorResult, index: number): string {
  return x.indikator ? `"${x.indikator}"` : `ke-${index + 1}`;
}

function namaSasaran(nama: string): string {
  return nama || `(nama sasaran ${BELUM_TERSEDIA}; isi kolom bernama Sasaran)`;
}

/** The sentences of one indicator: capaian, change from last year, the end-of-Renstra target. */
function indicatorSentences(
  w: Writer,
  x: IndicatorResult,
  index: number,
  compare: PerbandinganRow
): string {
  const sentences: string[] = [];
  const name = namaIndikator(x, index);
  const target = shownRef(x.target);
  const realisasi = shownRef(x.realisasi);
  const unit = (shown: string, ref: CellRef) =>
    x.satuan && typeof ref.value === "number" ? `${shown} ${x.satuan}` : shown;
  if (x.capaian !== null) {
    const achieved =
      x.capaian >= 100
        ? "target yang ditetapkan telah tercapai"
        : "target yang ditetapkan belum tercapai";
    sentences.push(
      `Indikator ${name} pada ${w.tahun()} terealisasi sebesar ${unit(realisasi!, x.realisasi)} dari target ${unit(target!, x.target)}, sehingga capaian kinerjanya sebesar ${w.persen(x.capaian)} ${w.predikat(x.predikat)}; ${achieved}.`
    );
  } else if (x.status === "belum-ada-realisasi" || realisasi === null) {
    sentences.push(
      `Realisasi indikator ${name} pada ${w.tahun()} ${BELUM_TERSEDIA}; isi sel ${x.realisasi.address} pada kolom bernama Realisasi, sehingga capaiannya dapat dihitung.`
    );
  } else {
    sentences.push(
      `Capaian indikator ${name} ${BELUM_TERSEDIA} karena data target atau realisasinya (sel ${x.target.address} dan ${x.realisasi.address}) belum dapat dibaca; perbaiki sesuai daftar temuan.`
    );
  }

  // Last year, where the workbook has the column (its absence is said once for the whole part).
  if (x.capaianLalu) {
    const lalu = compare.capaianLalu;
    if (lalu === null)
      sentences.push(
        `Capaian ${w.tahun(-1)} untuk indikator ini ${BELUM_TERSEDIA}; isi sel ${x.capaianLalu.address} pada kolom bernama CapaianLalu.`
      );
    else if (x.capaian !== null) {
      const kini = x.capaian;
      if (compare.perubahan === "tetap")
        sentences.push(
          `Capaian tersebut tetap dibandingkan ${w.tahun(-1)}, yaitu sama-sama ${w.persen(kini)}.`
        );
      else
        sentences.push(
          `Dibandingkan ${w.tahun(-1)} yang capaiannya sebesar ${w.persen(lalu)}, capaian ${w.tahun()} ${compare.perubahan} ${w.selisih(kini, lalu)} poin persen menjadi ${w.persen(kini)}.`
        );
    }
  }
  if (x.realisasiLalu) {
    const shown = shownRef(x.realisasiLalu);
    if (shown === null)
      sentences.push(
        `Realisasi ${w.tahun(-1)} untuk indikator ini ${BELUM_TERSEDIA}; isi sel ${x.realisasiLalu.address} pada kolom bernama RealisasiLalu.`
      );
    else sentences.push(`Realisasi ${w.tahun(-1)} tercatat sebesar ${shown}.`);
  }
  if (x.targetAkhirRenstra) {
    const end = shownRef(x.targetAkhirRenstra);
    if (end === null)
      sentences.push(
        `Target akhir Renstra indikator ini ${BELUM_TERSEDIA}; isi sel ${x.targetAkhirRenstra.address} pada kolom bernama TargetAkhirRenstra.`
      );
    else if (compare.capaianRenstra !== null)
      sentences.push(
        `Terhadap target akhir periode Renstra sebesar ${end}, realisasi ${w.tahun()} telah mencapai ${w.persen(compare.capaianRenstra)}${compare.capaianRenstra >= 100 ? ", sehingga target akhir Renstra telah terlampaui" : ""}.`
      );
    else
      sentences.push(
        `Capaian terhadap target akhir Renstra (${end}) ${BELUM_TERSEDIA} karena realisasi ${w.tahun()} belum dapat dibandingkan dengan target tersebut.`
      );
  }
  return sentences.join(" ");
}

function partA(w: Writer, tables: TableModel[]): void {
  const { result } = w;
  w.heading(2, "A. CAPAIAN KINERJA ORGANISASI");
  w.paragraph(
    `Capaian kinerja ${w.opd} pada ${w.tahun()}, yang diuraikan dalam capaian indikator kinerja utama dan capaian sasaran pada Perjanjian Kinerja, dapat dilihat sebagai berikut:`
  );
  w.heading(3, "1. Ringkasan Capaian Kinerja pada Indikator Kinerja Utama");
  w.table(tables.find((t) => t.id === "iku")!);
  w.heading(3, `2. Ringkasan Capaian Kinerja pada Perjanjian Kinerja ${capitalized(w.tahun())}`);
  w.table(tables.find((t) => t.id === "pk")!);

  const n = result.indicators.length;
  if (n === 0) {
    w.paragraph(
      `Indikator kinerja ${BELUM_TERSEDIA}; isi kolom bernama Target dan Realisasi pada tabel indikator (serta Sasaran dan Indikator untuk namanya).`
    );
    return;
  }
  const met = result.indicators.filter((x) => x.capaian !== null && x.capaian >= 100).length;
  const below = result.indicators.filter((x) => x.capaian !== null && x.capaian < 100).length;
  const waiting = result.indicators.filter((x) => x.status === "belum-ada-realisasi").length;
  const unreadable = n - met - below - waiting;
  let count = `Pada ${w.tahun()}, dari ${n} indikator kinerja yang diukur, ${w.opd} telah berhasil mencapai atau melampaui target pada ${met} indikator (capaian 100 % atau lebih)`;
  const rest: string[] = [];
  if (below > 0) rest.push(`${below} indikator belum mencapai target`);
  if (waiting > 0)
    rest.push(
      `${waiting} indikator belum dapat diukur karena realisasinya ${BELUM_TERSEDIA} (isi kolom bernama Realisasi)`
    );
  if (unreadable > 0)
    rest.push(
      `${unreadable} indikator belum dapat diukur karena datanya belum dapat dibaca (lihat daftar temuan)`
    );
  if (rest.length > 0)
    count += `, sedangkan ${rest.length > 1 ? `${rest.slice(0, -1).join(", ")} dan ${rest[rest.length - 1]}` : rest[0]}`;
  count += ".";
  if (met === n)
    count += " Dengan demikian seluruh indikator kinerja telah mencapai target yang ditetapkan.";
  w.paragraph(count);

  const scale =
    JSON.stringify(result.settings.predicateBands) === JSON.stringify(PERMENDAGRI_86_2017)
      ? " menurut skala Permendagri Nomor 86 Tahun 2017"
      : "";
  const label =
    result.settings.averaging === "sasaran"
      ? `Total rata-rata capaian sasaran (${result.sasaran.map((s) => s.nomor).join("+")})`
      : "Rata-rata capaian seluruh indikator";
  if (result.total !== null)
    w.paragraph(
      `${label} ${w.opd} pada ${w.tahun()} sebesar ${w.persen(result.total)} ${w.predikat(result.totalPredikat)}${result.totalPredikat ? scale : ""}.`
    );
  else
    w.paragraph(
      `${label} ${BELUM_TERSEDIA} karena belum ada indikator yang capaiannya dapat dihitung; isi kolom bernama Target dan Realisasi.`
    );
}

function partB(w: Writer, tables: TableModel[]): void {
  const { result } = w;
  w.heading(2, "B. EVALUASI DAN ANALISIS CAPAIAN KINERJA");
  w.paragraph(
    `Hasil capaian kinerja pada ${w.tahun()}, masing-masing sasaran dapat dijelaskan sebagai berikut:`
  );
  const compare = perbandinganOf(result.indicators, result.settings);
  const missing: string[] = [];
  if (result.indicators.length > 0) {
    if (result.indicators.every((x) => x.capaianLalu === null))
      missing.push(
        `Capaian ${w.tahun(-1)} ${BELUM_TERSEDIA}, sehingga perubahan capaian dari tahun lalu belum dapat diuraikan; isi kolom bernama CapaianLalu.`
      );
    if (result.indicators.every((x) => x.realisasiLalu === null))
      missing.push(`Realisasi ${w.tahun(-1)} ${BELUM_TERSEDIA}; isi kolom bernama RealisasiLalu.`);
    if (result.indicators.every((x) => x.targetAkhirRenstra === null))
      missing.push(
        `Target akhir periode Renstra ${BELUM_TERSEDIA}, sehingga capaian terhadap target akhir Renstra belum dapat diuraikan; isi kolom bernama TargetAkhirRenstra.`
      );
  }
  if (missing.length > 0) w.paragraph(missing.join(" "), true);

  const perSasaran = tables.filter((t) => t.id === "sasaran");
  result.sasaran.forEach((s, k) => {
    w.heading(3, `${k + 1}. SASARAN NOMOR ${s.nomor} : ${namaSasaran(s.nama)}`);
    if (perSasaran[k]) w.table(perSasaran[k]);
    for (const index of s.indicators)
      w.paragraph(indicatorSentences(w, result.indicators[index], index, compare[index]));
    const name = s.nama ? ` ${s.nama.toLowerCase()}` : "";
    if (s.rataRata === null) {
      w.paragraph(
        `Rata-rata capaian Sasaran ${s.nomor} ${BELUM_TERSEDIA} karena belum ada indikatornya yang capaiannya dapat dihitung; isi kolom bernama Realisasi.`
      );
      return;
    }
    const xs = s.indicators.map((i) => result.indicators[i]);
    const allMet = xs.every((x) => x.capaian !== null && x.capaian >= 100);
    const below = xs.filter((x) => x.capaian !== null && x.capaian < 100).length;
    let text = `Rata-rata capaian Sasaran ${s.nomor} pada ${w.tahun()} sebesar ${w.persen(s.rataRata)} ${w.predikat(s.predikat)}.`;
    if (s.jumlahDihitung < xs.length)
      text += ` Rata-rata ini dihitung dari ${s.jumlahDihitung} dari ${xs.length} indikator; capaian indikator lainnya ${BELUM_TERSEDIA}.`;
    if (allMet)
      text += ` Dengan demikian ${w.opd} berhasil mencapai target indikator kinerja yang telah ditetapkan pada sasaran${name} di ${w.tahun()}.`;
    else if (below > 0)
      text += ` Sebanyak ${below} dari ${xs.length} indikator pada sasaran ini belum mencapai target.`;
    w.paragraph(text);
  });

  // Perbandingan and efisiensi, numbered after the sasaran.
  let part = result.sasaran.length;
  const perbandingan = tables.find((t) => t.id === "perbandingan")!;
  w.heading(
    3,
    `${++part}. Perbandingan Capaian Kinerja dengan Tahun Lalu dan Target Akhir Renstra`
  );
  w.table(perbandingan);
  const changes = compare.filter((r) => r.perubahan !== null);
  if (changes.length > 0) {
    const parts = (["naik", "turun", "tetap"] as const)
      .map((p) => [p, changes.filter((r) => r.perubahan === p).length] as const)
      .filter(([, count]) => count > 0)
      .map(([p, count]) => `${count} indikator ${p}`);
    const listed =
      parts.length > 1
        ? `${parts.slice(0, -1).join(", ")} dan ${parts[parts.length - 1]}`
        : parts[0];
    w.paragraph(
      `Dibandingkan ${w.tahun(-1)}, dari ${changes.length} indikator yang capaian kedua tahunnya tersedia, capaian ${listed}.`
    );
  } else if (result.indicators.length > 0)
    w.paragraph(
      `Perbandingan capaian dengan ${w.tahun(-1)} ${BELUM_TERSEDIA}; isi kolom bernama CapaianLalu.`,
      true
    );

  w.heading(3, `${++part}. Efisiensi Penggunaan Sumber Daya`);
  w.table(tables.find((t) => t.id === "efisiensi")!);
  const e = result.efisiensi;
  if (!e) {
    // The table's note says which name gives efisiensi; without a budget, say that it comes first.
    if (!result.budget)
      w.paragraph(
        `Anggaran dan realisasi belanja ${BELUM_TERSEDIA}; isi kolom bernama Anggaran dan RealisasiAnggaran, lalu SasaranAnggaran, pada tabel anggaran.`,
        true
      );
    return;
  }
  for (const r of e.rows) {
    const head = `Sasaran ${r.nomor} (${namaSasaran(r.sasaran)})`;
    if (r.capaian === null)
      w.paragraph(
        `Efisiensi ${head} ${BELUM_TERSEDIA} karena rata-rata capaiannya ${BELUM_TERSEDIA}; isi kolom bernama Realisasi pada tabel indikator.`
      );
    else if (r.serapan === null)
      w.paragraph(
        `Efisiensi ${head} ${BELUM_TERSEDIA} karena serapan anggarannya ${BELUM_TERSEDIA}: belum ada baris anggaran dengan pagu yang menyebut sasaran ini pada kolom bernama SasaranAnggaran.`
      );
    else {
      const gap = w.selisih(r.capaian, r.serapan);
      const against =
        r.capaian > r.serapan
          ? `capaian melampaui serapan sebesar ${gap} poin persen`
          : r.capaian === r.serapan
            ? "capaian sama dengan serapan"
            : `capaian lebih rendah ${gap} poin persen dari serapan`;
      w.paragraph(
        `${head} mencapai rata-rata capaian ${w.persen(r.capaian)} dengan serapan anggaran ${w.persen(r.serapan)}; ${against}, sehingga penggunaan sumber dayanya dinilai ${r.status === "Efisien" ? "efisien" : "kurang efisien"}.`
      );
    }
  }
  const t = e.total;
  if (t.capaian !== null && t.serapan !== null)
    w.paragraph(
      `Secara keseluruhan, total rata-rata capaian ${w.persen(t.capaian)} dengan serapan anggaran ${w.persen(t.serapan)}, sehingga penggunaan sumber daya ${w.opd} pada ${w.tahun()} dinilai ${t.status === "Efisien" ? "efisien" : "kurang efisien"}.`
    );
  if (e.tanpaSasaran > 0)
    w.paragraph(
      `${e.tanpaSasaran} baris anggaran belum menyebut sasaran dan tidak dihitung dalam efisiensi; isi kolom bernama SasaranAnggaran pada baris tersebut.`,
      true
    );
}

function partC(w: Writer, tables: TableModel[]): void {
  const { result } = w;
  const keuangan = tables.find((t) => t.id === "keuangan")!;
  w.heading(2, "C. AKUNTABILITAS KEUANGAN");
  w.paragraph(
    `Dalam rangka mendukung pelaksanaan tugas pokok dan fungsi ${w.opd}, pada ${w.tahun()} ${w.opd} didukung dengan pendanaan yang bersumber dari Anggaran Pendapatan dan Belanja Daerah (APBD). Adapun akuntabilitas keuangan adalah sebagai berikut:`
  );

  w.heading(3, "a. Target dan Realisasi Pendapatan");
  const p = result.pendapatan;
  if (p) {
    const share =
      p.capaian !== null
        ? ` atau ${w.persen(p.capaian)} dari target`
        : "; persentase realisasinya tidak dapat dihitung karena targetnya nol";
    w.paragraph(
      `Pada ${w.tahun()} ${w.opd} menargetkan pendapatan sebesar ${rupiahDenganTerbilang(p.target)} dan terealisasi sebesar ${rupiahDenganTerbilang(p.realisasi)}${share}.`
    );
  } else
    w.paragraph(
      `Target dan realisasi pendapatan ${BELUM_TERSEDIA}; isi sel bernama TargetPendapatan dan RealisasiPendapatan (hapus bagian ini bila ${w.opd} tidak memiliki target pendapatan).`,
      true
    );

  w.heading(3, "b. Alokasi Anggaran dan Realisasi Belanja");
  const b = result.budget;
  if (!b) {
    w.paragraph(
      `Anggaran dan realisasi belanja ${BELUM_TERSEDIA}; isi kolom bernama Anggaran dan RealisasiAnggaran pada tabel anggaran.`,
      true
    );
  } else {
    const t = b.total;
    let text = `Secara keseluruhan pada ${w.tahun()} ${w.opd} mendapatkan anggaran sebesar ${rupiahDenganTerbilang(t.anggaran)}.`;
    if (t.serapan !== null)
      text += ` Anggaran tersebut telah terserap sebesar ${rupiahDenganTerbilang(t.realisasi)} atau ${w.persen(t.serapan)}, sedangkan sisa anggaran sebesar ${rupiahDenganTerbilang(t.sisa)} atau ${w.sisaPersen(t.serapan)}.`;
    else
      text += ` Realisasi belanja sebesar ${rupiahDenganTerbilang(t.realisasi)}; persentase serapannya tidak dapat dihitung karena jumlah anggarannya nol.`;
    w.paragraph(text);
    if (b.groups.length > 0) {
      const sentences = b.groups.map((g, i) => {
        const lead = i === 0 ? "Apabila dilihat per kelompok belanja, anggaran" : "Anggaran";
        const share =
          g.serapan !== null
            ? ` atau ${w.persen(g.serapan)}, dengan sisa anggaran sebesar ${rupiahDenganTerbilang(g.sisa)} atau ${w.sisaPersen(g.serapan)}`
            : `, dengan sisa anggaran sebesar ${rupiahDenganTerbilang(g.sisa)}`;
        return `${lead} ${g.nama} sebesar ${rupiahDenganTerbilang(g.anggaran)} direalisasikan sebesar ${rupiahDenganTerbilang(g.realisasi)}${share}.`;
      });
      w.paragraph(`${sentences.join(" ")} Rincian disajikan pada Tabel ${keuangan.number}.`);
    } else
      w.paragraph(
        `Rincian anggaran per kelompok belanja ${BELUM_TERSEDIA}; isi kolom bernama Kelompok pada tabel anggaran (misalnya Belanja Tidak Langsung dan Belanja Langsung).`,
        true
      );
  }

  w.heading(3, "c. Sisa Lebih Penghitungan Anggaran");
  if (b)
    w.paragraph(
      `Sisa anggaran yang tidak terserap dan dikembalikan ke Kas Daerah merupakan efisiensi dari pelaksanaan kegiatan-kegiatan. Jumlah sisa anggaran (SiLPA) ${w.opd} pada ${w.tahun()} sebesar ${rupiahDenganTerbilang(b.silpa)}.`
    );
  else
    w.paragraph(
      `Sisa anggaran (SiLPA) ${BELUM_TERSEDIA}; isi kolom bernama Anggaran dan RealisasiAnggaran pada tabel anggaran.`,
      true
    );
  w.table(keuangan);
}

/** The Draf BAB III of a computed workbook. */
export function drafBabIII(result: Result): DrafDocument {
  const w = new Writer(result);
  const tables = tabelModels(result);
  w.heading(1, DRAF_TITLE);
  const missingNames = [
    ...(result.signOff.namaOPD ? [] : ["NamaOPD"]),
    ...(w.year === null ? ["TahunAnggaran"] : []),
  ];
  if (missingNames.length > 0)
    w.paragraph(
      `${missingNames.length > 1 ? "Nama OPD dan tahun anggaran" : missingNames[0] === "NamaOPD" ? "Nama OPD" : "Tahun anggaran"} ${BELUM_TERSEDIA}; isi sel bernama ${missingNames.join(" dan ")}.`,
      true
    );
  const errors = result.findings.filter((f) => f.level === "error").length;
  if (hasErrors(result.findings))
    w.paragraph(
      `Catatan: buku kerja masih memiliki ${errors} galat, sehingga sebagian angka pada draf ini belum final. Perbaiki galat pada daftar temuan, lalu buat draf ini kembali.`,
      true
    );
  w.paragraph(
    "Akuntabilitas kinerja dapat diartikan sebagai kewajiban untuk mempertanggungjawabkan secara transparan mengenai keberhasilan atau kegagalan dalam melaksanakan misi organisasi kepada pihak-pihak yang berwenang menerima pelaporan akuntabilitas."
  );
  w.paragraph(
    `Pengukuran kinerja digunakan sebagai dasar untuk menilai keberhasilan dan kegagalan pelaksanaan kegiatan sesuai dengan tujuan dan sasaran yang telah ditetapkan dalam Visi dan Misi ${w.opd}. Penjelasan lebih lanjut adalah sebagai berikut:`
  );
  partA(w, tables);
  partB(w, tables);
  partC(w, tables);
  return {
    namaOPD: result.signOff.namaOPD,
    tahun: result.signOff.tahun,
    decimals: result.settings.decimals,
    blocks: w.blocks,
    appendix: { title: APPENDIX_TITLE, plan: buildLembar(result).plan },
  };
}

/**
 * The whole draft as plain text, one block per line, table cells as the document shows them
 * (separated by " | "): for tests, previews and search.
 */
export function drafPlainText(doc: DrafDocument): string {
  const lines: string[] = [];
  const tableLines = (t: TableModel) => {
    lines.push(`Tabel ${t.number}`, t.title);
    for (const row of [...t.header, ...t.rows])
      lines.push(row.map((c) => shownTableCell(c, doc.decimals)).join(" | "));
    lines.push(...t.notes);
  };
  for (const b of doc.blocks) {
    if (b.type === "table") tableLines(b.table);
    else lines.push(b.text);
  }
  lines.push(doc.appendix.title);
  const plan = doc.appendix.plan;
  const styles = planStyleGrid(plan);
  plan.values.forEach((row, r) =>
    lines.push(
      row
        .map((v, c) => shownPlanValue(v, styles[r][c]?.numberFormat))
        .filter((s) => s !== "")
        .join(" | ")
    )
  );
  return lines.join("\n");
}

/**
 * Every cell's style on a planned sheet, the plan's styles applied in order (a later one adds to an
 * earlier one): styles[row - 1][column - 1]. Cells past the grid's rows or columns are left out.
 */
export function planStyleGrid(plan: SheetPlan): CellStyle[][] {
  const rows = plan.values.length;
  const columns = plan.values.reduce((m, r) => Math.max(m, r.length), plan.columnWidths.length);
  const grid: CellStyle[][] = Array.from({ length: rows }, () =>
    Array.from({ length: columns }, (): CellStyle => ({}))
  );
  for (const { area, style } of plan.styles)
    for (let r = area.top; r <= Math.min(area.bottom, rows); r++)
      for (let c = area.left; c <= Math.min(area.right, columns); c++)
        grid[r - 1][c - 1] = { ...grid[r - 1][c - 1], ...style };
  return grid;
}
