import * as React from "react";
import { Button, Field, Input, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { checkPredicateBands } from "../../core/predicate";
import { DEFAULT_SETTINGS, PredicateBand, Settings, SettingsSchema } from "../../core/settings";

const useStyles = makeStyles({
  form: { display: "grid", gap: tokens.spacingVerticalM },
  band: { display: "grid", gridTemplateColumns: "2fr 1fr 1fr", gap: tokens.spacingHorizontalXS },
  actions: { display: "flex", gap: tokens.spacingHorizontalS },
});

/** A number field's text: "" is no value. Indonesian decimal commas are accepted. */
const parseOptionalNumber = (text: string): number | null =>
  text.trim() === "" ? null : Number(text.replace(",", "."));
const shown = (n: number | null) => (n === null ? "" : String(n).replace(".", ","));

/** Negative formula, decimals and rounding, cap, averaging and the predicate scale; validated with zod before saving. */
export function SettingsPanel({
  saved,
  onSave,
}: {
  saved: Settings;
  onSave: (settings: Settings) => Promise<void>;
}) {
  const styles = useStyles();
  const [draft, setDraft] = React.useState(() => ({
    ...saved,
    capText: shown(saved.cap),
    decimalsText: String(saved.decimals),
  }));
  const [problems, setProblems] = React.useState<string[]>([]);
  const [state, setState] = React.useState<"idle" | "saved">("idle");
  const update = (change: Partial<typeof draft>) => {
    setDraft({ ...draft, ...change });
    setState("idle");
  };
  const setBand = (i: number, change: Partial<PredicateBand>) =>
    update({
      predicateBands: draft.predicateBands.map((b, j) => (j === i ? { ...b, ...change } : b)),
    });

  const save = async () => {
    const { capText, decimalsText, ...rest } = draft;
    const parsed = SettingsSchema.safeParse({
      ...rest,
      cap: parseOptionalNumber(capText),
      decimals: Number(decimalsText),
    });
    if (!parsed.success) {
      setProblems(parsed.error.issues.map((i) => `${i.path.join(".")}: isian tidak sah`));
      return;
    }
    const bandProblems = checkPredicateBands(parsed.data.predicateBands).map((f) => f.message);
    setProblems(bandProblems);
    if (bandProblems.length > 0) return;
    await onSave(parsed.data);
    setState("saved");
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
        validationMessage={
          Number.isInteger(Number(draft.decimalsText)) ? undefined : "Isi bilangan bulat 0 sampai 6"
        }
      >
        <Input
          type="number"
          min={0}
          max={6}
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
        {draft.predicateBands.map((band, i) => (
          <div className={styles.band} key={i}>
            <Input
              aria-label={`Predikat ${i + 1}`}
              value={band.label}
              onChange={(_e, d) => setBand(i, { label: d.value })}
            />
            <Input
              aria-label={`Batas bawah ${band.label}`}
              value={shown(band.min)}
              onChange={(_e, d) => setBand(i, { min: parseOptionalNumber(d.value) })}
            />
            <Input
              aria-label={`Batas atas ${band.label}`}
              value={shown(band.max)}
              onChange={(_e, d) => setBand(i, { max: parseOptionalNumber(d.value) })}
            />
          </div>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <div role="alert">
          {problems.map((p) => (
            <Text block key={p} style={{ color: tokens.colorPaletteRedForeground1 }}>
              {p}
            </Text>
          ))}
        </div>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary">
          {state === "saved" ? "Tersimpan" : "Simpan pengaturan"}
        </Button>
        <Button
          type="button"
          onClick={() => {
            setDraft({
              ...DEFAULT_SETTINGS,
              rangeNames: draft.rangeNames,
              capText: "",
              decimalsText: String(DEFAULT_SETTINGS.decimals),
            });
            setProblems([]);
          }}
        >
          Kembalikan bawaan
        </Button>
      </div>
    </form>
  );
}
