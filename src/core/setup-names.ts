import type { ContractName } from "./contract-names";

/** One column of the table the user selected, and the contract name proposed for it (null: none). */
export interface ColumnProposal {
  /** Offset of the column within the selection, from 0. */
  offset: number;
  header: string;
  name: ContractName | null;
}

type Rule = [ContractName, (h: string, lastYear: boolean) => boolean];

const has = (h: string, ...words: string[]) =>
  words.some((w) => new RegExp(`(^|[^a-z])${w}([^a-z]|$)`).test(h));

/** Tried in order: the first rule a header meets, and whose name is still free, gives its name. */
const RULES: Rule[] = [
  ["TargetRenstra", (h) => has(h, "renstra")],
  [
    "RealisasiAnggaran",
    (h) => has(h, "realisasi") && has(h, "anggaran", "belanja", "rp", "keuangan"),
  ],
  [
    "CapaianLalu",
    (h, lastYear) =>
      (has(h, "capaian", "realisasi", "%") && has(h, "lalu", "sebelumnya")) ||
      (has(h, "capaian") && lastYear),
  ],
  ["Target", (h) => has(h, "target") && !has(h, "pendapatan")],
  ["Realisasi", (h, lastYear) => has(h, "realisasi") && !lastYear],
  ["Serapan", (h) => has(h, "serapan")],
  ["SisaAnggaran", (h) => has(h, "sisa", "silpa")],
  ["Capaian", (h) => has(h, "capaian", "%", "persen", "persentase capaian")],
  ["Sasaran", (h) => has(h, "sasaran")],
  ["Indikator", (h) => has(h, "indikator", "iku")],
  ["Satuan", (h) => has(h, "satuan")],
  ["Arah", (h) => has(h, "arah", "polaritas", "polarisasi")],
  ["Anggaran", (h) => has(h, "anggaran", "pagu")],
  ["Kelompok", (h) => has(h, "kelompok", "jenis belanja")],
  ["Uraian", (h) => has(h, "uraian", "program", "kegiatan")],
];

function normalise(header: string): string {
  return header.toLowerCase().replace(/\s+/g, " ").trim();
}

/** Proposes contract names for the columns of a table from its header texts (Target, Realisasi, …). */
export function proposeNames(headers: readonly string[]): ColumnProposal[] {
  const years = headers.map((h) => Math.max(0, ...(h.match(/\b(19|20)\d\d\b/g) ?? []).map(Number)));
  const latest = Math.max(0, ...years);
  const taken = new Set<ContractName>();
  return headers.map((header, offset) => {
    const h = normalise(header);
    const lastYear = years[offset] > 0 && years[offset] < latest;
    const rule = RULES.find(([name, test]) => !taken.has(name) && test(h, lastYear));
    const name = rule ? rule[0] : null;
    if (name) taken.add(name);
    return { offset, header, name };
  });
}
