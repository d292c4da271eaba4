import { z } from "zod";

import { CONTRACT_NAMES } from "./contract-names";

export { CONTRACT_NAMES };
export type { ContractName } from "./contract-names";

export const PredicateBandSchema = z.object({
  label: z.string().min(1),
  /** Inclusive lower bound; null: no lower bound. */
  min: z.number().nullable(),
  /** Exclusive upper bound; null: no upper bound. */
  max: z.number().nullable(),
});
export type PredicateBand = z.infer<typeof PredicateBandSchema>;

/** Permendagri 86/2017: the default scale of capaian predicates. */
export const PERMENDAGRI_86_2017: PredicateBand[] = [
  { label: "Sangat Tinggi", min: 91, max: null },
  { label: "Tinggi", min: 76, max: 91 },
  { label: "Sedang", min: 66, max: 76 },
  { label: "Rendah", min: 51, max: 66 },
  { label: "Sangat Rendah", min: null, max: 51 },
];

export const SettingsSchema = z.object({
  /** Capaian of a smaller-is-better indicator. */
  negativeFormula: z.enum(["(2T-R)/T", "T/R"]).default("(2T-R)/T"),
  decimals: z.number().int().min(0).max(6).default(2),
  rounding: z.enum(["half-up", "truncate"]).default("half-up"),
  /** Upper limit of each capaian inside averages only; null: none. */
  cap: z.number().positive().nullable().default(null),
  /** Total = mean of sasaran averages, or mean over all indicators. */
  averaging: z.enum(["sasaran", "indikator"]).default("sasaran"),
  predicateBands: z.array(PredicateBandSchema).min(1).default(PERMENDAGRI_86_2017),
  /** The workbook's own spelling of a contract name, where it differs. */
  rangeNames: z.partialRecord(z.enum(CONTRACT_NAMES), z.string().min(1)).default({}),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
