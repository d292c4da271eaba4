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
} from "../../app/lazy-excel-actions";
import type { HitungOutcome } from "../../app/hitung";
import { describeError } from "../../app/office-errors";
import { onOutcome } from "../../app/pane-bus";
import { API, olderExcelNotes } from "../../workbook/office/api-support";
import type { Result } from "../../core/compute";
import { countFindings } from "../../core/findings";
import { DEFAULT_SETTINGS, Settings, SettingsSchema } from "../../core/settings";
import { Findings } from "./Findings";
import {
  Busy,
  LoadBoundary,
  RunButtons,
  RunKind,
  SectionNav,
  Status,
  StatusMessage,
} from "./PaneParts";
import { Summary } from "./Summary";

// The tabs the first screen does not show load on demand, in chunks of their own (the pane's budget).
const SettingsPanel = React.lazy(() =>
  import("./SettingsPanel").then((m) => ({ default: m.SettingsPanel }))
);
const SetupNames = React.lazy(() =>
  import("./SetupNames").then((m) => ({ default: m.SetupNames }))
);
const SignOffForm = React.lazy(() =>
  import("./SignOffForm").then((m) => ({ default: m.SignOffForm }))
);

const useStyles = makeStyles({
  pane: { padding: tokens.spacingHorizontalM, display: "grid", gap: tokens.spacingVerticalM },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
});

/** Office keeps document settings in memory until the workbook itself is saved. */
export const SAVED_WITH_WORKBOOK =
  "Disimpan bersama buku kerja ini; ikut tersimpan ke berkas saat Anda menyimpan buku kerja (Ctrl+S). Rekan yang membuka berkas itu mendapat pengaturan yang sama.";

const BUSY_LABEL: Record<RunKind, string> = {
  hitung: "Menghitung capaian…",
  lembar: "Menyusun Lembar Pengukuran…",
  tabel: "Menyusun Tabel LKjIP…",
};

/** The pane cannot hand the user a file on every Excel; the draft has other doors. */
export const DRAF_ELSEWHERE =
  "Draf BAB III (Word): unduh dari halaman peramban Capaian Kinerja, atau jalankan capaian hitung … --laporan DRAF.docx. Panel Excel tidak dapat menyimpan berkas di semua versi Excel.";

type TabName = "hasil" | "penandatangan" | "pengaturan" | "nama";
const TABS: [TabName, string][] = [
  ["hasil", "Hasil"],
  ["penandatangan", "Penandatangan"],
  ["pengaturan", "Pengaturan"],
  ["nama", "Siapkan Nama"],
];

function statusAfter(result: Result, written: boolean, kind: RunKind, notes: string[]): Status {
  const { errors, warnings } = countFindings(result.findings);
  if (!written) {
    return {
      intent: "error",
      title: "Belum ditulis",
      text: `Ada ${errors} galat. Perbaiki sel yang disebut di bawah, lalu tekan Hitung Capaian lagi. Buku kerja tidak diubah.`,
    };
  }
  const what = {
    hitung: "Capaian dihitung dan ditulis ke buku kerja.",
    lembar: "Capaian dihitung dan Lembar Pengukuran dibuat.",
    tabel: "Capaian dihitung dan lembar Tabel LKjIP dibuat.",
  }[kind];
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

  /**
   * Every action of the pane (Hitung, Lembar, a cell shown, a form saved, names set up) runs here:
   * one at a time with its busy label, and a failure is said in the user's words. Resolves to
   * the action's value, or undefined when it failed.
   */
  const attempt = async <T,>(label: string, work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(label);
    try {
      return await work();
    } catch (error) {
      setStatus({ intent: "error", title: "Gagal", text: describeError(error) });
      return undefined;
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

  const show = (outcome: HitungOutcome, kind: RunKind) => {
    setResult(outcome.result);
    setStatus(statusAfter(outcome.result, outcome.written, kind, outcome.notes));
  };
  const run = (kind: RunKind) =>
    attempt(BUSY_LABEL[kind], async () =>
      show(await hitungInExcel(env, { lembar: kind === "lembar", tabel: kind === "tabel" }), kind)
    );

  // The ribbon's Hitung Capaian (shared runtime) opens the pane on its findings.
  React.useEffect(
    () =>
      onOutcome((outcome) => {
        show(outcome, "hitung");
        setTab("hasil");
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    []
  );

  /** Settings and sign-off go into the workbook's document settings; true once stored. */
  const save = async (change: Partial<typeof stored>): Promise<boolean> => {
    const done = await attempt("Menyimpan…", async () => {
      await env.store.save({ ...env.store.load(), ...change });
      setStored(env.store.load());
      setStatus({ intent: "success", title: "Tersimpan", text: SAVED_WITH_WORKBOOK });
      return true;
    });
    return done ?? false;
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <SectionNav label="Bagian panel" sections={TABS} current={tab} onSelect={setTab} />
        <Busy label={busy} />
        <StatusMessage status={status} />
        {tab === "hasil" && (
          <>
            <div className={styles.actions}>
              <RunButtons disabled={!!busy} onRun={(kind) => void run(kind)} />
            </div>
            {result?.sheet && <Text size={200}>Tabel dibaca dari lembar {result.sheet}.</Text>}
            <Text size={200}>{DRAF_ELSEWHERE}</Text>
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
          <LoadBoundary>
            <React.Suspense fallback={<Text>Memuat…</Text>}>
              <SignOffForm
                fromCells={result?.signOff ?? null}
                saved={stored.signOff ?? {}}
                onSave={(signOff) => save({ signOff })}
              />
            </React.Suspense>
          </LoadBoundary>
        )}
        {tab === "pengaturan" && (
          <LoadBoundary>
            <React.Suspense fallback={<Text>Memuat…</Text>}>
              <SettingsPanel saved={savedSettings} onSave={(settings) => save({ settings })} />
            </React.Suspense>
          </LoadBoundary>
        )}
        {tab === "nama" && (
          <LoadBoundary>
            <React.Suspense fallback={<Text>Memuat…</Text>}>
              <SetupNames
                available={env.supports(API.sheetNames)}
                onRead={() => attempt("Membaca tabel terpilih…", () => readSelectionInExcel(env))}
                onDefine={async (table, chosen) => {
                  const count = await attempt("Menetapkan nama…", () =>
                    defineNamesInExcel(env, table.rect, chosen)
                  );
                  if (count !== undefined) await periksa();
                  return count;
                }}
              />
            </React.Suspense>
          </LoadBoundary>
        )}
      </main>
    </FluentProvider>
  );
}
