/** The names of CONTRACT.md §1, by the table they belong to; the key is the contract's spelling. */

/** Per-row names of the indicator table (`RataRataSasaran` is ours: see the README). */
export const INDICATOR_NAMES = [
  "Target",
  "Realisasi",
  "Sasaran",
  "Indikator",
  "Satuan",
  "Arah",
  "TargetRenstra",
  "CapaianLalu",
  "RealisasiLalu",
  "TargetAkhirRenstra",
  "Capaian",
  "RataRataSasaran",
] as const;

/** Per-row names of the budget table. */
export const BUDGET_NAMES = [
  "Anggaran",
  "RealisasiAnggaran",
  "Uraian",
  "Kelompok",
  "Serapan",
  "SisaAnggaran",
  "SasaranAnggaran",
] as const;

export const SIGN_OFF_NAMES = [
  "NamaOPD",
  "TahunAnggaran",
  "NamaKepala",
  "JabatanKepala",
  "PangkatKepala",
  "NIPKepala",
  "KotaTTD",
  "TanggalTTD",
] as const;

/** Single-cell names: sign-off details, pendapatan, and the totals written back. */
export const SINGLE_NAMES = [
  ...SIGN_OFF_NAMES,
  "TargetPendapatan",
  "RealisasiPendapatan",
  "RataRataCapaian",
  "TotalAnggaran",
  "TotalRealisasiAnggaran",
  "SerapanTotal",
  "SiLPA",
  "CapaianPendapatan",
] as const;

export const CONTRACT_NAMES = [...INDICATOR_NAMES, ...BUDGET_NAMES, ...SINGLE_NAMES] as const;
export type ContractName = (typeof CONTRACT_NAMES)[number];

/** Names the add-in writes to; every other name is an input. */
export const OUTPUT_NAMES: ReadonlySet<ContractName> = new Set<ContractName>([
  "Capaian",
  "RataRataSasaran",
  "RataRataCapaian",
  "Serapan",
  "SisaAnggaran",
  "TotalAnggaran",
  "TotalRealisasiAnggaran",
  "SerapanTotal",
  "SiLPA",
  "CapaianPendapatan",
]);
