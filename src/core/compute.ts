import { rectsOverlap, Rect } from "./address";
import { auditFigure } from "./audit";
import { averageBySasaran, SasaranResult, totalAverage } from "./averages";
import { BudgetResult, computeBudget } from "./budget";
import {
  BUDGET_NAMES,
  INDICATOR_NAMES,
  OUTPUT_NAMES,
  SIGN_OFF_NAMES,
  SINGLE_NAMES,
} from "./contract-names";
import { cellAt, CellRef, Column, loadSingle, loadTable, rectAddress } from "./columns";
import { error, Finding, hasErrors, warning } from "./findings";
import { computeIndicators, IndicatorResult } from "./indicators";
import { efisiensiOf, EfisiensiResult } from "./efisiensi";
import { keepTableTogether, namesSheet, resolveNames } from "./names";
import { checkPredicateBands, predicateOf } from "./predicate";
import { readNumber } from "./read-findings";
import { roundNumber, toBig } from "./rounding";
import { ContractName, DEFAULT_SETTINGS, Settings, SettingsSchema } from "./settings";
import { readSignOff, SignOff, SignOffCells, SignOffOverrides } from "./signoff";
import type { NameData, RangeData, WorkbookData } from "./workbook-data";
import { CellWrite, FigureStyle, outputCell } from "./writes";

export interface Pendapatan {
  target: number;
  realisasi: number;
  capaian: number | null;
}

export interface Result {
  settings: Settings;
  indicators: IndicatorResult[];
  sasaran: SasaranResult[];
  /** Total rata-rata capaian as printed; null when nothing could be averaged. */
  total: number | null;
  totalPredikat: string | null;
  budget: BudgetResult | null;
  pendapatan: Pendapatan | null;
  signOff: SignOff;
  findings: Finding[];
  /** What to write back; empty while any error stands (errors block writing). */
  writes: CellWrite[];
  /** True when the workbook defines none of the contract's names: show how to set up, not an error. */
  empty: boolean;
  /** The sheet the tables were read from (the indicators' Target, else the budget's), to show and remember. */
  sheet: string | null;
  /** Efisiensi per sasaran (CONTRACT.md §7.5) when the budget table has `SasaranAnggaran`. */
  efisiensi: EfisiensiResult | null;
}

/** Where the tables lie: the sheet of the Target range, else of the Anggaran range. */
function tableSheet(resolved: Map<ContractName, NameData>): string | null {
  for (const name of ["Target", "Anggaran"] as const) {
    const entry = resolved.get(name);
    if (entry?.status === "range") return entry.range.sheet;
  }
  return null;
}

/** Stored settings validated, then overrides (command-line flags) on top. */
export function settingsFor(
  stored: unknown,
  overrides: Partial<Settings>,
  findings: Finding[]
): Settings {
  let base = DEFAULT_SETTINGS;
  if (stored !== undefined && stored !== null) {
    const parsed = SettingsSchema.safeParse(stored);
    if (parsed.success) base = parsed.data;
    else {
      const where = parsed.error.issues.map((i) => i.path.join(".") || "(akar)").join(", ");
      findings.push(
        error(
          "PENGATURAN_TIDAK_SAH",
          null,
          () =>
            `Pengaturan yang tersimpan di buku kerja tidak sah (bagian: ${where}). Buka Pengaturan, periksa isinya, lalu simpan ulang.`
        )
      );
    }
  }
  const merged = SettingsSchema.safeParse({ ...base, ...overrides });
  if (!merged.success) {
    findings.push(
      error(
        "PENGATURAN_TIDAK_SAH",
        null,
        () =>
          `Pengaturan yang diberikan tidak sah: ${merged.error.issues.map((i) => i.path.join(".")).join(", ")}.`
      )
    );
    return base;
  }
  return merged.data;
}

/** One written name: where it is, and what each of its rows receives. */
interface Output {
  name: ContractName;
  rect: Rect;
  range: RangeData;
  rows: number;
  style: FigureStyle;
  label: (row: number) => string;
  /** The figure for a row; undefined leaves the row untouched (blank rows, a sasaran's later rows). */
  valueAt: (row: number) => number | null | undefined;
}

function perRowOutput(
  column: Column | undefined,
  style: FigureStyle,
  label: (row: number) => string,
  valueAt: Output["valueAt"]
): Output | null {
  return column
    ? {
        name: column.name,
        rect: column.rect,
        range: column.range,
        rows: column.rows,
        style,
        label,
        valueAt,
      }
    : null;
}

export interface ComputeOptions {
  /** Settings that win over the stored ones (command-line flags). */
  overrides?: Partial<Settings>;
  /** Sign-off details typed in the form, over the named cells. */
  signOff?: SignOffOverrides;
}

/** The whole job on plain data: read by the contract, compute, check, and plan the writes. */
export function compute(data: WorkbookData, options: ComputeOptions = {}): Result {
  const findings: Finding[] = [];
  const settings = settingsFor(data.storedSettings, options.overrides ?? {}, findings);
  findings.push(...checkPredicateBands(settings.predicateBands));
  const resolved = resolveNames(
    data.names,
    namesSheet(data.names, data.activeSheet, data.dataSheet, settings),
    settings
  );
  const empty = resolved.size === 0;
  keepTableTogether(resolved, INDICATOR_NAMES, "Target");
  keepTableTogether(resolved, BUDGET_NAMES, "Anggaran");

  const indicatorTable = loadTable(resolved, INDICATOR_NAMES, ["Target", "Realisasi"], findings);
  const hasBudget = resolved.has("Anggaran") || resolved.has("RealisasiAnggaran");
  const budgetTable = hasBudget
    ? loadTable(resolved, BUDGET_NAMES, ["Anggaran", "RealisasiAnggaran"], findings)
    : null;

  const singles = new Map<ContractName, { cell: CellRef; rect: Rect; range: RangeData }>();
  for (const name of SINGLE_NAMES) {
    const single = loadSingle(resolved, name, findings);
    if (single) singles.set(name, single);
  }

  const indicators = indicatorTable ? computeIndicators(indicatorTable, settings, findings) : [];
  const sasaran = averageBySasaran(indicators, settings);
  const total = totalAverage(indicators, sasaran, settings);
  const budget = budgetTable ? computeBudget(budgetTable, settings, findings) : null;
  const efisiensi = efisiensiOf(budgetTable, budget, sasaran, total, settings, findings);
  const pendapatan = computePendapatan(
    singles.get("TargetPendapatan")?.cell,
    singles.get("RealisasiPendapatan")?.cell,
    settings,
    findings
  );
  const signOffCells: SignOffCells = {};
  for (const name of SIGN_OFF_NAMES) signOffCells[name] = singles.get(name)?.cell;
  const signOff = readSignOff(signOffCells, findings, options.signOff);

  // Outputs: what each written name receives.
  const outputs: Output[] = [];
  if (indicatorTable) {
    const byRow: (IndicatorResult | undefined)[] = [];
    for (const x of indicators) byRow[x.row] = x;
    const capaian = perRowOutput(
      indicatorTable.get("Capaian"),
      "persen",
      () => "capaian",
      (row) => byRow[row]?.capaian
    );
    if (capaian) outputs.push(capaian);
    const firstRows = new Map(sasaran.map((s) => [indicators[s.indicators[0]].row, s]));
    const rata = perRowOutput(
      indicatorTable.get("RataRataSasaran"),
      "persen",
      (row) => `rata-rata capaian sasaran ${firstRows.get(row)?.nomor ?? ""}`.trim(),
      (row) => (firstRows.has(row) ? firstRows.get(row)!.rataRata : undefined)
    );
    if (rata) outputs.push(rata);
  }
  if (budgetTable && budget) {
    const byRow: (BudgetResult["lines"][number] | undefined)[] = [];
    for (const line of budget.lines) byRow[line.row] = line;
    const valueAt = (pick: "serapan" | "sisa") => (row: number) => {
      const line = byRow[row];
      return line ? (line.ok ? (line[pick] ?? null) : null) : undefined;
    };
    const serapan = perRowOutput(
      budgetTable.get("Serapan"),
      "persen",
      () => "serapan",
      valueAt("serapan")
    );
    const sisa = perRowOutput(
      budgetTable.get("SisaAnggaran"),
      "rupiah",
      () => "sisa anggaran",
      valueAt("sisa")
    );
    for (const o of [serapan, sisa]) if (o) outputs.push(o);
  }
  const singleOutput = (
    name: ContractName,
    value: number | null,
    style: FigureStyle,
    label: string
  ) => {
    const single = singles.get(name);
    if (single)
      outputs.push({
        name,
        rect: single.rect,
        range: single.range,
        rows: 1,
        style,
        label: () => label,
        valueAt: () => value,
      });
  };
  singleOutput("RataRataCapaian", total, "persen", "total rata-rata capaian");
  if (budget) {
    singleOutput("TotalAnggaran", budget.total.anggaran, "rupiah", "jumlah anggaran");
    singleOutput(
      "TotalRealisasiAnggaran",
      budget.total.realisasi,
      "rupiah",
      "jumlah realisasi anggaran"
    );
    singleOutput("SerapanTotal", budget.total.serapan, "persen", "serapan anggaran");
    singleOutput("SiLPA", budget.silpa, "rupiah", "sisa anggaran (SiLPA)");
  }
  if (pendapatan)
    singleOutput("CapaianPendapatan", pendapatan.capaian, "persen", "capaian pendapatan");

  for (const output of outputs) {
    for (let row = 0; row < output.rows; row++) {
      const value = output.valueAt(row);
      if (
        value === undefined ||
        (output.range.values[row]?.[0] == null && !output.range.formulas?.[row]?.[0])
      )
        continue;
      auditFigure(
        cellAt(output.range, row),
        value,
        output.style,
        output.label(row),
        settings,
        findings
      );
    }
  }
  checkOverlaps(outputs, indicatorTable, budgetTable, singles, findings);

  const result: Result = {
    settings,
    indicators,
    sasaran,
    total,
    totalPredikat: predicateOf(total, settings.predicateBands),
    budget,
    pendapatan,
    signOff,
    findings,
    writes: [],
    empty,
    sheet: tableSheet(resolved),
    efisiensi,
  };
  if (!hasErrors(result.findings)) result.writes = outputs.map((o) => toWrite(o, settings));
  return result;
}

function computePendapatan(
  targetRef: CellRef | undefined,
  realisasiRef: CellRef | undefined,
  settings: Settings,
  findings: Finding[]
): Pendapatan | null {
  if (!targetRef && !realisasiRef) return null;
  if (!targetRef || !realisasiRef) {
    const missing = targetRef ? "RealisasiPendapatan" : "TargetPendapatan";
    const present = (targetRef ?? realisasiRef)!;
    findings.push(
      warning(
        "PENDAPATAN_TIDAK_LENGKAP",
        present.address,
        () =>
          `Sel ${present.address} bernama "${targetRef ? "TargetPendapatan" : "RealisasiPendapatan"}", tetapi nama "${missing}" belum ada, sehingga capaian pendapatan tidak dihitung. Beri nama sel ${missing === "TargetPendapatan" ? "target" : "realisasi"} pendapatan "${missing}".`
      )
    );
    return null;
  }
  const t = readNumber(targetRef, "target pendapatan", findings, { money: true });
  const r = readNumber(realisasiRef, "realisasi pendapatan", findings, { money: true });
  if (t === "missing" || r === "missing") {
    const ref = t === "missing" ? targetRef : realisasiRef;
    findings.push(
      warning(
        "PENDAPATAN_TIDAK_LENGKAP",
        ref.address,
        () =>
          `Sel ${ref.address} kosong, sehingga capaian pendapatan tidak dihitung. Isi angkanya (0 bila memang tidak ada).`
      )
    );
    return null;
  }
  if (t === null || r === null) return null;
  if (t === 0) {
    if (r > 0)
      findings.push(
        error(
          "TARGET_NOL",
          targetRef.address,
          () =>
            `Target pendapatan di sel ${targetRef.address} 0, padahal ada realisasi pendapatan. Isi target pendapatannya.`
        )
      );
    return { target: t, realisasi: r, capaian: null };
  }
  return {
    target: t,
    realisasi: r,
    capaian: roundNumber(toBig(r).times(100).div(toBig(t)), settings),
  };
}

function checkOverlaps(
  outputs: readonly Output[],
  indicatorTable: Map<ContractName, Column> | null,
  budgetTable: Map<ContractName, Column> | null,
  singles: Map<ContractName, { rect: Rect }>,
  findings: Finding[]
): void {
  const inputs: { name: ContractName; rect: Rect }[] = [];
  for (const table of [indicatorTable, budgetTable]) {
    if (table)
      for (const c of table.values())
        if (!OUTPUT_NAMES.has(c.name)) inputs.push({ name: c.name, rect: c.rect });
  }
  for (const [name, s] of singles) if (!OUTPUT_NAMES.has(name)) inputs.push({ name, rect: s.rect });
  const all = [...inputs, ...outputs.map((o) => ({ name: o.name, rect: o.rect }))];
  for (const output of outputs) {
    for (const other of all) {
      if (other.name === output.name || !rectsOverlap(output.rect, other.rect)) continue;
      if (OUTPUT_NAMES.has(other.name) && other.name < output.name) continue; // each pair of outputs once
      findings.push(
        error(
          "RANGE_KELUARAN_TUMPANG_TINDIH",
          rectAddress(output.rect),
          () =>
            `Range keluaran "${output.name}" (${rectAddress(output.rect)}) bertumpang tindih dengan "${other.name}" (${rectAddress(other.rect)}). Hasil hitung akan menimpa isian Anda: arahkan "${output.name}" ke kolom atau sel yang kosong.`
        )
      );
    }
  }
}

function toWrite(output: Output, settings: Settings): CellWrite {
  const values: CellWrite["values"] = [];
  const formats: CellWrite["formats"] = [];
  for (let row = 0; row < output.rows; row++) {
    const value = output.valueAt(row);
    if (value === undefined) {
      values.push(null);
      formats.push(null);
      continue;
    }
    const written = outputCell(
      output.range.formats?.[row]?.[0],
      value,
      output.style,
      settings.decimals
    );
    values.push(written.value);
    formats.push(written.format);
  }
  return {
    name: output.name,
    sheet: output.rect.sheet,
    top: output.rect.top,
    left: output.rect.left,
    values,
    formats,
  };
}
