import * as React from "react";
import { Button, Field, makeStyles, Select, Text, tokens } from "@fluentui/react-components";
import { rectAddress } from "../../core/columns";
import {
  CONTRACT_NAMES,
  ContractName,
  OUTPUT_NAMES,
  SINGLE_NAMES,
} from "../../core/contract-names";
import type { SelectedTable, SelectionProblem } from "../../workbook/office/setup-names";

const useStyles = makeStyles({ panel: { display: "grid", gap: tokens.spacingVerticalS } });

/** Per-row names a table column can take. */
const COLUMN_NAMES = CONTRACT_NAMES.filter((n) => !(SINGLE_NAMES as readonly string[]).includes(n));

/**
 * "Siapkan Nama Range": the user selects their table with its header row; the add-in proposes the
 * contract's names from the header texts and defines them over the rows below.
 */
export function SetupNames({
  available,
  onRead,
  onDefine,
}: {
  available: boolean;
  /** The selected table, or what to select instead; undefined when Excel failed (the pane has said why). */
  onRead: () => Promise<SelectedTable | SelectionProblem | undefined>;
  /** How many names were defined; undefined when Excel failed. */
  onDefine: (
    table: SelectedTable,
    chosen: { offset: number; name: ContractName }[]
  ) => Promise<number | undefined>;
}) {
  const styles = useStyles();
  const [table, setTable] = React.useState<SelectedTable | null>(null);
  const [choice, setChoice] = React.useState<(ContractName | "")[]>([]);
  const [message, setMessage] = React.useState("");
  const [working, setWorking] = React.useState(false);
  /** One action at a time; the buttons come back whatever happens. */
  const work = async (action: () => Promise<void>) => {
    setWorking(true);
    try {
      await action();
    } finally {
      setWorking(false);
    }
  };
  const chosen = choice.flatMap((name, offset) => (name ? [{ offset, name }] : []));
  const duplicate = chosen.find((c, i) => chosen.findIndex((d) => d.name === c.name) !== i);
  return (
    <section className={styles.panel} aria-label="Siapkan Nama Range">
      <Text>
        Pilih tabel Anda di lembar kerja, termasuk baris judul kolomnya (Target, Realisasi, …), lalu
        tekan tombol di bawah.
      </Text>
      {!available && (
        <Text role="note">
          Excel ini belum mendukung penetapan nama dari add-in. Tentukan nama lewat Rumus › Manajer
          Nama.
        </Text>
      )}
      <Button
        disabled={!available || working}
        onClick={() =>
          void work(async () => {
            const read = await onRead();
            if (read === undefined) return;
            const table = "problem" in read ? null : read;
            setTable(table);
            setChoice(table ? table.proposals.map((p) => p.name ?? "") : []);
            setMessage("problem" in read ? read.problem : "");
          })
        }
      >
        Baca tabel terpilih
      </Button>
      {table && (
        <>
          <Text>
            Tabel {rectAddress(table.rect)}: nama dipasang pada baris {table.rect.top + 1} sampai{" "}
            {table.rect.bottom}.
          </Text>
          {table.headers.map((header, offset) => (
            <Field key={offset} label={header || `(kolom ${offset + 1} tanpa judul)`}>
              <Select
                value={choice[offset] ?? ""}
                onChange={(_e, d) =>
                  setChoice(
                    choice.map((c, i) => (i === offset ? (d.value as ContractName | "") : c))
                  )
                }
              >
                <option value="">(tidak dipakai)</option>
                {COLUMN_NAMES.map((name) => (
                  <option key={name} value={name}>
                    {name}
                    {OUTPUT_NAMES.has(name) ? " (diisi add-in)" : ""}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
          {duplicate && (
            <Text role="alert">
              Nama {duplicate.name} dipilih lebih dari sekali; pilih sekali saja.
            </Text>
          )}
          <Button
            appearance="primary"
            disabled={
              working || chosen.length === 0 || !!duplicate || table.rect.bottom <= table.rect.top
            }
            onClick={() =>
              void work(async () => {
                const count = await onDefine(table, chosen);
                if (count !== undefined)
                  setMessage(`${count} nama range ditetapkan. Tekan Hitung Capaian.`);
              })
            }
          >
            Tetapkan nama
          </Button>
        </>
      )}
      {message && <Text role="status">{message}</Text>}
    </section>
  );
}
