import * as z from "zod/mini";

import { CONTRACT_NAMES } from "./contract-names";

export { CONTRACT_NAMES };
export type { ContractName } from "./contract-names";

export const PredicateBandSchema = z.object({
  label: z.string().check(z.minLength(1)),
  /** Inclusive lower bound; null: no lower bound. */
  min: z.nullable(z.number()),
  /** Exclusive upper bound; null: no upper bound. */
  max: z.nullable(z.number()),
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
  negativeFormula: z._default(z.enum(["(2T-R)/T", "T/R"]), "(2T-R)/T"),
  decimals: z._default(z.int().check(z.minimum(0), z.maximum(6)), 2),
  rounding: z._default(z.enum(["half-up", "truncate"]), "half-up"),
  /** Upper limit of each capaian inside averages only; null: none. */
  cap: z._default(z.nullable(z.number().check(z.positive())), null),
  /** Total = mean of sasaran averages, or mean over all indicators. */
  averaging: z._default(z.enum(["sasaran", "indikator"]), "sasaran"),
  predicateBands: z._default(
    z.array(PredicateBandSchema).check(z.minLength(1)),
    PERMENDAGRI_86_2017
  ),
  /** The workbook's own spelling of a contract name, where it differs. */
  rangeNames: z._default(
    z.partialRecord(z.enum(CONTRACT_NAMES), z.string().check(z.minLength(1))),
    {}
  ),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});
