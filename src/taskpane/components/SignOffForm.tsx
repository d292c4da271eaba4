import * as React from "react";
import { Button, Field, Input, makeStyles, tokens } from "@fluentui/react-components";
import type { SignOff, SignOffOverrides } from "../../core/signoff";

const FIELDS: [keyof SignOff, string, string?][] = [
  ["namaOPD", "Nama OPD"],
  ["tahun", "Tahun anggaran"],
  ["namaKepala", "Nama kepala OPD"],
  ["jabatan", "Jabatan", "Kosongkan untuk KEPALA + nama OPD"],
  ["pangkat", "Pangkat/golongan"],
  ["nip", "NIP", "18 digit, boleh dengan spasi"],
  ["kota", "Kota penandatanganan"],
  ["tanggal", "Tanggal penandatanganan", "Misalnya 31 Desember 2020"],
];

const useStyles = makeStyles({ form: { display: "grid", gap: tokens.spacingVerticalS } });

/**
 * The sign-off details printed on the Lembar. Prefilled from the named cells; what the user types
 * here is kept with the workbook and wins over the cells.
 */
export function SignOffForm({
  fromCells,
  saved,
  onSave,
}: {
  fromCells: SignOff | null;
  saved: SignOffOverrides;
  /** Resolves true once stored; false when it failed (the pane has said why). */
  onSave: (signOff: SignOffOverrides) => Promise<boolean>;
}) {
  const styles = useStyles();
  const [values, setValues] = React.useState<SignOffOverrides>(() => ({ ...fromCells, ...saved }));
  const [state, setState] = React.useState<"idle" | "saving" | "saved">("idle");
  React.useEffect(() => setValues({ ...fromCells, ...saved }), [fromCells, saved]);
  return (
    <form
      className={styles.form}
      aria-label="Penandatangan"
      onSubmit={(e) => {
        e.preventDefault();
        setState("saving");
        void onSave(values).then((ok) => setState(ok ? "saved" : "idle"));
      }}
    >
      {FIELDS.map(([key, label, hint]) => (
        <Field key={key} label={label} hint={hint}>
          <Input
            value={values[key] ?? ""}
            onChange={(_e, data) => {
              setValues({ ...values, [key]: data.value });
              setState("idle");
            }}
          />
        </Field>
      ))}
      <Button type="submit" appearance="primary" disabled={state === "saving"}>
        {state === "saved"
          ? "Tersimpan"
          : state === "saving"
            ? "Menyimpan…"
            : "Simpan penandatangan"}
      </Button>
    </form>
  );
}
