import * as React from "react";
import { Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { checkPredicateBands } from "../../core/predicate";
import { readTypedNumber } from "../../core/read-cell";
import { DEFAULT_SETTINGS, Settings, SettingsSchema } from "../../core/settings";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM },
  band: { display: "grid", gridTemplateColumns: "2fr 1fr 1fr", gap: tokens.spacingHorizontalXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

const NUMBER_HINT = "Tulis angka seperti 120 atau 90,5";
const DECIMALS_HINT = "Isi bilangan bulat 0 sampai 6";

/**
 * An optional number field's text, read as the core reads a cell ("90,5", "1.234,5", "120"):
 * blank is no value (null); anything else must read as one number, or it is `unreadable`.
 */
function optionalNumber(text: string): { value: number | null } | "unreadable" {
  if (text.trim() === "") return { value: null };
  const value = readTypedNumber(text);
  return value === null ? "unreadable" : { value };
}

/** The decimals field: a whole number 0..6, read as the core reads a cell ("2", "2,0"); else null. */
function decimalsOf(text: string): number | null {
  const value = readTypedNumber(text);
  return value !== null && Number.isInteger(value) && value >= 0 && value <= 6 ? value : null;
}

const numberProblem = (text: string) =>
  optionalNumber(text) === "unreadable" ? NUMBER_HINT : undefined;
const shown = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));

interface BandDraft {
  label: string;
  minText: string;
  maxText: string;
}

type Draft = Omit<Settings, "cap" | "decimals" | "predicateBands"> & {
  capText: string;
  decimalsText: string;
  bands: BandDraft[];
};

/** The form's texts for settings: what the fields show. */
function draftOf(settings: Settings): Draft {
  const { cap, decimals, predicateBands, ...rest } = settings;
  return {
    ...rest,
    capText: shown(cap),
    decimalsText: String(decimals),
    bands: predicateBands.map((b) => ({
      label: b.label,
      minText: shown(b.min),
      maxText: shown(b.max),
    })),
  };
}

/** Each field whose text cannot be read, with what to write instead (Bahasa Indonesia). */
function fieldProblems(draft: Draft): string[] {
  const problems: string[] = [];
  if (decimalsOf(draft.decimalsText) === null) problems.push(`Jumlah desimal: ${DECIMALS_HINT}`);
  if (numberProblem(draft.capText))
    problems.push(`Batas atas capaian dalam rata-rata: ${NUMBER_HINT}`);
  draft.bands.forEach((b, i) => {
    const label = b.label || `Predikat ${i + 1}`;
    if (numberProblem(b.minText)) problems.push(`Batas bawah ${label}: ${NUMBER_HINT}`);
    if (numberProblem(b.maxText)) problems.push(`Batas atas ${label}: ${NUMBER_HINT}`);
  });
  return problems;
}

/** The value of a field fieldProblems passed: blank is null. */
const valueOf = (text: string) => {
  const read = optionalNumber(text);
  return read === "unreadable" ? null : read.value;
};

/** Negative formula, decimals and rounding, cap, averaging and the predicate scale; validated with zod before saving. */
export function SettingsPanel({
  saved,
  onSave,
}: {
  saved: Settings;
  /** Resolves true once stored; false when it failed (the pane has said why). */
  onSave: (settings: Settings) => Promise<boolean>;
}) {
  const styles = useStyles();
  const [draft, setDraft] = React.useState(() => draftOf(saved));
  const [problems, setProblems] = React.useState<string[]>([]);
  const [state, setState] = React.useState<"idle" | "saving" | "saved">("idle");
  const update = (change: Partial<Draft>) => {
    setDraft({ ...draft, ...change });
    setState("idle");
  };
  const setBand = (i: number, change: Partial<BandDraft>) =>
    update({ bands: draft.bands.map((b, j) => (j === i ? { ...b, ...change } : b)) });

  const save = async () => {
    // A typed text that does not read as a number is not saved as "no value": it is asked again.
    const unreadable = fieldProblems(draft);
    setProblems(unreadable);
    if (unreadable.length > 0) return;
    const { capText, decimalsText, bands, ...rest } = draft;
    const parsed = SettingsSchema.safeParse({
      ...rest,
      cap: valueOf(capText),
      decimals: decimalsOf(decimalsText),
      predicateBands: bands.map((b) => ({
        label: b.label,
        min: valueOf(b.minText),
        max: valueOf(b.maxText),
      })),
    });
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${i.path.join(".")}: isian tidak sah`));
      return;
    }
    const bandProblems = checkPredicateBands(parsed.data.predicateBands).map((f) => f.message);
    setProblems(bandProblems);
    if (bandProblems.length > 0) return;
    setState("saving");
    setState((await onSave(parsed.data)) ? "saved" : "idle");
  };

  return (
    <form
      className={styles.form}
      aria-label="Pengaturan"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label="Rumus indikator negatif (makin kecil makin baik)">
        <Select
          value={draft.negativeFormula}
          onChange={(_e, d) => update({ negativeFormula: d.value as Settings["negativeFormula"] })}
        >
          <option value="(2T-R)/T">(2 × target − realisasi) ÷ target × 100</option>
          <option value="T/R">target ÷ realisasi × 100</option>
        </Select>
      </Field>
      <Field
        label="Jumlah desimal"
        validationMessage={decimalsOf(draft.decimalsText) === null ? DECIMALS_HINT : undefined}
      >
        <Input
          inputMode="numeric"
          value={draft.decimalsText}
          onChange={(_e, d) => update({ decimalsText: d.value })}
        />
      </Field>
      <Field label="Pembulatan">
        <Select
          value={draft.rounding}
          onChange={(_e, d) => update({ rounding: d.value as Settings["rounding"] })}
        >
          <option value="half-up">Setengah ke atas (102,945 → 102,95)</option>
          <option value="truncate">Potong (102,949 → 102,94)</option>
        </Select>
      </Field>
      <Field
        label="Batas atas capaian dalam rata-rata"
        hint="Kosongkan bila tanpa batas; misalnya 120"
        validationMessage={numberProblem(draft.capText)}
      >
        <Input value={draft.capText} onChange={(_e, d) => update({ capText: d.value })} />
      </Field>
      <Field label="Total rata-rata dihitung dari">
        <Select
          value={draft.averaging}
          onChange={(_e, d) => update({ averaging: d.value as Settings["averaging"] })}
        >
          <option value="sasaran">Rata-rata tiap sasaran (seperti LKjIP)</option>
          <option value="indikator">Seluruh indikator</option>
        </Select>
      </Field>
      <fieldset>
        <legend>
          Skala predikat (batas bawah termasuk, batas atas tidak; kosong = tanpa batas)
        </legend>
        {draft.bands.map((band, i) => (
          <div className={styles.band} key={i}>
            <Input
              aria-label={`Predikat ${i + 1}`}
              value={band.label}
              onChange={(_e, d) => setBand(i, { label: d.value })}
            />
            <Field validationMessage={numberProblem(band.minText)}>
              <Input
                aria-label={`Batas bawah ${band.label}`}
                value={band.minText}
                onChange={(_e, d) => setBand(i, { minText: d.value })}
              />
            </Field>
            <Field validationMessage={numberProblem(band.maxText)}>
              <Input
                aria-label={`Batas atas ${band.label}`}
                value={band.maxText}
                onChange={(_e, d) => setBand(i, { maxText: d.value })}
              />
            </Field>
          </div>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <div role="alert">
          {problems.map((p, i) => (
            <Text block key={i} style={{ color: tokens.colorPaletteRedForeground1 }}>
              {p}
            </Text>
          ))}
        </div>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          {state === "saved"
            ? "Tersimpan"
            : state === "saving"
              ? "Menyimpan…"
              : "Simpan pengaturan"}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setDraft(draftOf({ ...DEFAULT_SETTINGS, rangeNames: draft.rangeNames }));
            setProblems([]);
          }}
        >
          Kembalikan bawaan
        </Button>
      </div>
    </form>
  );
}
