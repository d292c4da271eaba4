import * as React from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import {
  defineNamesInExcel,
  ExcelEnv,
  hitungInExcel,
  periksaInExcel,
  readSelectionInExcel,
  showCellInExcel,
} from "../../app/excel-actions";
import { describeError } from "../../app/office-errors";
import { API, olderExcelNotes } from "../../workbook/office/api-support";
import type { Result } from "../../core/compute";
import { countFindings } from "../../core/findings";
import { DEFAULT_SETTINGS, Settings, SettingsSchema } from "../../core/settings";
import { Findings } from "./Findings";
import { Busy, RunButtons, SectionNav, Status, StatusMessage } from "./PaneParts";
import { SettingsPanel } from "./SettingsPanel";
import { SetupNames } from "./SetupNames";
import { SignOffForm } from "./SignOffForm";
import { Summary } from "./Summary";

const useStyles = makeStyles({
  pane: { padding: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalM },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
});

type TabName = "hasil" | "penandatangan" | "pengaturan" | "nama";
const TABS: [TabName, string][] = [
  ["hasil", "Hasil"],
  ["penandatangan", "Penandatangan"],
  ["pengaturan", "Pengaturan"],
  ["nama", "Siapkan Nama"],
];

function statusAfter(result: Result, written: boolean, lembar: boolean, notes: string[]): Status {
  const { errors, warnings } = countFindings(result.findings);
  if (!written) {
    return {
      intent: "error",
      title: "Belum ditulis",
      text: `Ada ${errors} galat. Perbaiki sel yang disebut di bawah, lalu tekan Hitung Capaian lagi. Buku kerja tidak diubah.`,
    };
  }
  const what = lembar
    ? "Capaian dihitung dan Lembar Pengukuran dibuat."
    : "Capaian dihitung dan ditulis ke buku kerja.";
  return {
    intent: warnings || notes.length ? "warning" : "success",
    title: "Selesai",
    text: [what, warnings ? `${warnings} peringatan perlu diperiksa.` : "", ...notes]
      .filter(Boolean)
      .join(" "),
  };
}

/** The task pane: Hitung Capaian, the summary and findings, the Lembar, sign-off, settings, and name set-up. */
export function App({ env }: { env: ExcelEnv }) {
  const styles = useStyles();
  const [tab, setTab] = React.useState<TabName>("hasil");
  const [busy, setBusy] = React.useState<string | null>("Membaca buku kerja…");
  const [result, setResult] = React.useState<Result | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const [stored, setStored] = React.useState(() => env.store.load());
  const oldExcel = React.useMemo(() => olderExcelNotes(env.supports), [env]);
  const savedSettings: Settings = React.useMemo(
    () => SettingsSchema.safeParse(stored.settings ?? {}).data ?? DEFAULT_SETTINGS,
    [stored]
  );

  const attempt = async (label: string, work: () => Promise<void>) => {
    setBusy(label);
    try {
      await work();
    } catch (error) {
      setStatus({ intent: "error", title: "Gagal", text: describeError(error) });
    } finally {
      setBusy(null);
    }
  };

  const periksa = () =>
    attempt("Membaca buku kerja…", async () => {
      setResult(await periksaInExcel(env));
    });
  React.useEffect(() => {
    void periksa();
    // Read once when the pane opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const run = (lembar: boolean) =>
    attempt(lembar ? "Menyusun Lembar Pengukuran…" : "Menghitung capaian…", async () => {
      const outcome = await hitungInExcel(env, lembar);
      setResult(outcome.result);
      setStatus(statusAfter(outcome.result, outcome.written, lembar, outcome.notes));
    });

  const save = async (change: Partial<typeof stored>) => {
    const next = { ...stored, ...change };
    await env.store.save(next);
    setStored(env.store.load());
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <SectionNav label="Bagian panel" sections={TABS} current={tab} onSelect={setTab} />
        {tab === "hasil" && (
          <>
            <div className={styles.actions}>
              <RunButtons disabled={!!busy} onRun={(lembar) => void run(lembar)} />
            </div>
            <Busy label={busy} />
            <StatusMessage status={status} />
            {oldExcel.length > 0 && (
              <MessageBar intent="info">
                <MessageBarBody>
                  <MessageBarTitle>Excel versi lama</MessageBarTitle>
                  {oldExcel.join(" ")}
                </MessageBarBody>
              </MessageBar>
            )}
            {result?.empty && (
              <MessageBar intent="info">
                <MessageBarBody>
                  <MessageBarTitle>Buku kerja belum disiapkan</MessageBarTitle>
                  Capaian Kinerja membaca tabel Anda lewat nama range (Target, Realisasi, Sasaran,
                  …). Pilih tabel Anda beserta baris judulnya, lalu buka tab Siapkan Nama:
                  nama-namanya diusulkan dari judul kolom.
                  <div>
                    <Button size="small" onClick={() => setTab("nama")}>
                      Siapkan nama range
                    </Button>
                  </div>
                </MessageBarBody>
              </MessageBar>
            )}
            {result && !result.empty && (
              <>
                <Summary result={result} />
                <Findings
                  findings={result.findings}
                  onShow={(cell) =>
                    void attempt(
                      "Menampilkan sel…",
                      async () => void (await showCellInExcel(env, cell))
                    )
                  }
                />
                {result.findings.length === 0 && (
                  <Text>Tidak ada temuan: semua sel terbaca dan sesuai.</Text>
                )}
              </>
            )}
          </>
        )}
        {tab === "penandatangan" && (
          <SignOffForm
            fromCells={result?.signOff ?? null}
            saved={stored.signOff ?? {}}
            onSave={(signOff) => save({ signOff })}
          />
        )}
        {tab === "pengaturan" && (
          <SettingsPanel saved={savedSettings} onSave={(settings) => save({ settings })} />
        )}
        {tab === "nama" && (
          <SetupNames
            available={env.supports(API.sheetNames)}
            onRead={() => readSelectionInExcel(env)}
            onDefine={async (table, chosen) => {
              const count = await defineNamesInExcel(env, table.rect, chosen);
              await periksa();
              return count;
            }}
          />
        )}
      </main>
    </FluentProvider>
  );
}
