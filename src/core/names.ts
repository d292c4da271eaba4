import type { NameData } from "./workbook-data";
import {
  CONTRACT_NAMES,
  ContractName,
  DEFAULT_SETTINGS,
  Settings,
  SettingsSchema,
} from "./settings";

/** The workbook spelling each contract name is looked up by (a user may rename in settings). */
export function spellingOf(name: ContractName, settings: Pick<Settings, "rangeNames">): string {
  return settings.rangeNames[name] ?? name;
}

/**
 * Lower-cased spellings an adapter needs to load, given the settings stored in the workbook
 * (unvalidated: invalid settings fall back to the contract's own names); others it may skip.
 */
export function wantedNames(storedSettings: unknown): Set<string> {
  const parsed = SettingsSchema.safeParse(storedSettings ?? {});
  return spellings(parsed.success ? parsed.data : DEFAULT_SETTINGS);
}

/** Every contract name as the settings spell it, lower-cased. */
function spellings(settings: Pick<Settings, "rangeNames">): Set<string> {
  return new Set(CONTRACT_NAMES.map((n) => spellingOf(n, settings).toLowerCase()));
}

/**
 * The sheet whose sheet-scoped names count: the active sheet when it has any of the contract's,
 * else the sheet the last run read (remembered with the workbook), so that Hitung with the Lembar
 * or any other sheet active reads the same tables.
 */
export function namesSheet(
  names: readonly NameData[],
  activeSheet: string | null,
  dataSheet: string | null | undefined,
  settings: Pick<Settings, "rangeNames">
): string | null {
  const wanted = spellings(settings);
  const hasNames = (sheet: string | null | undefined) =>
    !!sheet &&
    names.some(
      (n) => n.scope?.toLowerCase() === sheet.toLowerCase() && wanted.has(n.name.toLowerCase())
    );
  if (hasNames(activeSheet)) return activeSheet;
  if (hasNames(dataSheet)) return dataSheet!;
  return activeSheet;
}

/**
 * Picks the definition of each contract name: matched case-insensitively, a name scoped to the
 * chosen sheet (see namesSheet) wins over a workbook-scoped one; names scoped to other sheets do
 * not count.
 */
export function resolveNames(
  names: readonly NameData[],
  sheet: string | null,
  settings: Pick<Settings, "rangeNames">
): Map<ContractName, NameData> {
  const bySpelling = new Map<string, NameData>();
  const active = sheet?.toLowerCase();
  for (const entry of names) {
    const key = entry.name.toLowerCase();
    if (entry.scope === null) {
      // The first workbook-scoped definition counts, unless a sheet-scoped one is already there.
      if (!bySpelling.has(key)) bySpelling.set(key, entry);
    } else if (entry.scope.toLowerCase() === active) {
      bySpelling.set(key, entry);
    }
  }
  const resolved = new Map<ContractName, NameData>();
  for (const name of CONTRACT_NAMES) {
    const found = bySpelling.get(spellingOf(name, settings).toLowerCase());
    if (found) resolved.set(name, found);
  }
  return resolved;
}

/**
 * One table, one sheet: when a table's lead name (Target, Anggaran) is scoped to the active sheet,
 * a workbook-scoped name of the same table that lies on another sheet belongs to another table
 * (last year's, say) and is left out, instead of mixing two tables.
 */
export function keepTableTogether(
  resolved: Map<ContractName, NameData>,
  table: readonly ContractName[],
  lead: ContractName
): void {
  const leadEntry = resolved.get(lead);
  if (!leadEntry || leadEntry.scope === null || leadEntry.status !== "range") return;
  for (const name of table) {
    const entry = resolved.get(name);
    if (
      entry &&
      entry.scope === null &&
      entry.status === "range" &&
      entry.range.sheet.toLowerCase() !== leadEntry.range.sheet.toLowerCase()
    ) {
      resolved.delete(name);
    }
  }
}
