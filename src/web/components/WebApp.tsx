/* global document, fetch, Blob, URL, File */
import * as React from "react";
import {
  Button,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  shorthands,
  Text,
  tokens,
  webLightTheme,
} from "@fluentui/react-components";
import type { CellPreview } from "../../app/cell-preview";
import type { ResultView } from "../../app/result-view";
import { countFindings } from "../../core/findings";
import { DEFAULT_SETTINGS, Settings, SettingsSchema } from "../../core/settings";
import type { SignOffOverrides } from "../../core/signoff";
import { Findings } from "../../taskpane/components/Findings";
import { SettingsPanel } from "../../taskpane/components/SettingsPanel";
import { SignOffForm } from "../../taskpane/components/SignOffForm";
import { Summary } from "../../taskpane/components/Summary";
import type { EngineClient } from "../client";
import {
  Busy,
  RunButtons,
  RunKind,
  SectionNav,
  Status,
  StatusMessage,
} from "../../taskpane/components/PaneParts";
import { Preview } from "./Preview";

const SAMPLE_URL = "contoh/lkjip-2020-bkpp-semarang.xlsx";

/** The media type of a result file, by the extension its workbook's kind keeps. */
const MIME: Record<string, string> = {
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".xlsm": "application/vnd.ms-excel.sheet.macroEnabled.12",
  ".xltx": "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
  ".xltm": "application/vnd.ms-excel.template.macroEnabled.12",
};

const useStyles = makeStyles({
  page: {
    maxWidth: "760px",
    margin: "0 auto",
    padding: tokens.spacingHorizontalL,
    display: "grid",
    gap: tokens.spacingVerticalL,
  },
  drop: {
    ...shorthands.border("2px", "dashed", tokens.colorNeutralStroke1),
    borderRadius: tokens.borderRadiusLarge,
    padding: tokens.spacingHorizontalL,
    display: "grid",
    gap: tokens.spacingVerticalS,
  },
  dragging: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
  },
  actions: {
    display: "flex",
    gap: tokens.spacingHorizontalS,
    flexWrap: "wrap",
    alignItems: "center",
  },
  label: { fontWeight: tokens.fontWeightSemibold },
});

type Tab = "hasil" | "penandatangan" | "pengaturan";
const SECTIONS: [Tab, string][] = [
  ["hasil", "Hasil"],
  ["penandatangan", "Penandatangan"],
  ["pengaturan", "Pengaturan"],
];

/** The same work as the Excel pane, on a workbook chosen from disk; nothing leaves the browser. */
const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const BUSY_LABEL: Record<RunKind, string> = {
  hitung: "Menghitung capaian…",
  lembar: "Menyusun Lembar Pengukuran…",
  tabel: "Menyusun Lembar Pengukuran dan Tabel LKjIP…",
};

export function WebApp({ engine }: { engine: EngineClient }) {
  const styles = useStyles();
  const [file, setFile] = React.useState<string | null>(null);
  const [view, setView] = React.useState<ResultView | null>(null);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [status, setStatus] = React.useState<Status>(null);
  const [download, setDownload] = React.useState<{ url: string; name: string } | null>(null);
  const [preview, setPreview] = React.useState<CellPreview | null>(null);
  const [tab, setTab] = React.useState<Tab>("hasil");
  const [settings, setSettings] = React.useState<Settings | undefined>(undefined);
  const [signOff, setSignOff] = React.useState<SignOffOverrides | undefined>(undefined);
  const [dragging, setDragging] = React.useState(false);

  const forgetDownload = () =>
    setDownload((old) => {
      if (old) URL.revokeObjectURL(old.url);
      return null;
    });

  /** Runs one action with its busy label; true when it succeeded (a failure is shown). */
  const attempt = async (
    label: string,
    work: (progress: (stage: string) => void) => Promise<void>
  ): Promise<boolean> => {
    setBusy(label);
    try {
      await work((stage) => setBusy(stage));
      return true;
    } catch (error) {
      setStatus({
        intent: "error",
        title: "Berkas tidak dapat diolah",
        text: (error as Error).message,
      });
      return false;
    } finally {
      setBusy(null);
    }
  };

  const open = (name: string, bytes: Uint8Array) =>
    attempt("Membuka berkas…", async (progress) => {
      forgetDownload();
      setPreview(null);
      setStatus(null);
      setView(null);
      setFile(null);
      const reply = await engine.request<"opened">({ type: "open", name, bytes }, progress);
      setFile(name);
      setView(reply.view);
      setSettings(SettingsSchema.safeParse(reply.stored.settings ?? {}).data);
      setSignOff(reply.stored.signOff);
      setTab("hasil");
    });

  const chooseFile = async (chosen: File | undefined) => {
    if (chosen) await open(chosen.name, new Uint8Array(await chosen.arrayBuffer()));
  };

  const trySample = () =>
    attempt("Mengambil contoh…", async () => {
      const response = await fetch(SAMPLE_URL);
      if (!response.ok) throw new Error("Contoh tidak dapat diambil dari server halaman ini.");
      await open("lkjip-2020-bkpp-semarang.xlsx", new Uint8Array(await response.arrayBuffer()));
    });

  /** On this page "Buat Tabel LKjIP" gives the Lembar too: each download starts from the chosen file. */
  const run = (kind: RunKind) =>
    attempt(BUSY_LABEL[kind], async (progress) => {
      forgetDownload();
      const lembar = kind !== "hitung";
      const tabel = kind === "tabel";
      const reply = await engine.request<"computed">(
        { type: "hitung", lembar, tabel, settings, signOff },
        progress
      );
      setView(reply.view);
      const { errors, warnings } = countFindings(reply.view.findings);
      if (!reply.written || !reply.bytes) {
        setStatus({
          intent: "error",
          title: "Belum dapat diunduh",
          text: `Ada ${errors} galat. Perbaiki sel yang disebut di bawah di Excel, lalu pilih berkasnya lagi.`,
        });
        return;
      }
      // The result keeps its workbook's kind: Excel opens no macro workbook named .xlsx.
      const name = `${(file ?? "hasil").replace(/\.xl[st][xm]$/i, "")}-hasil${reply.extension}`;
      const blob = new Blob([reply.bytes as BlobPart], {
        type: MIME[reply.extension] ?? MIME[".xlsx"],
      });
      setDownload({ url: URL.createObjectURL(blob), name });
      const what = {
        hitung: "Capaian dihitung.",
        lembar: "Capaian dihitung dan Lembar Pengukuran disusun.",
        tabel: "Capaian dihitung; Lembar Pengukuran dan Tabel LKjIP (dengan grafiknya) disusun.",
      }[kind];
      setStatus({
        intent: warnings ? "warning" : "success",
        title: "Selesai",
        text: [
          `${what} Tekan Unduh hasil untuk menyimpan berkasnya.`,
          warnings ? `${warnings} peringatan perlu diperiksa.` : "",
          ...reply.notes,
        ]
          .filter(Boolean)
          .join(" "),
      });
    });

  /** The Draf BAB III, downloaded at once: nothing of the chosen file changes. */
  const downloadDraf = () =>
    attempt("Menyusun Draf BAB III…", async (progress) => {
      const reply = await engine.request<"draf">({ type: "draf", settings, signOff }, progress);
      setView(reply.view);
      if (!reply.bytes) {
        const { errors } = countFindings(reply.view.findings);
        setStatus({
          intent: "error",
          title: "Draf belum dapat dibuat",
          text: `Ada ${errors} galat: angkanya belum final. Perbaiki sel yang disebut di bawah di Excel, lalu pilih berkasnya lagi.`,
        });
        return;
      }
      const url = URL.createObjectURL(new Blob([reply.bytes as BlobPart], { type: DOCX_MIME }));
      const link = document.createElement("a");
      link.href = url;
      link.download = `${(file ?? "lkjip").replace(/\.xl[st][xm]$/i, "")}-draf-bab-iii.docx`;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setStatus({
        intent: "success",
        title: "Draf BAB III diunduh",
        text: "Buka berkas .docx itu di Word atau LibreOffice, periksa kalimatnya, lalu salin ke LKjIP Anda.",
      });
    });

  const recheck = (nextSettings: Settings | undefined, nextSignOff: SignOffOverrides | undefined) =>
    attempt("Menghitung ulang…", async () => {
      forgetDownload();
      const reply = await engine.request<"checked">({
        type: "check",
        settings: nextSettings,
        signOff: nextSignOff,
      });
      setView(reply.view);
    });

  const showCell = (address: string) =>
    attempt("Menampilkan sel…", async () => {
      const reply = await engine.request<"preview">({ type: "preview", address });
      setPreview(reply.preview);
    });

  const saveDownload = () => {
    if (!download) return;
    const link = document.createElement("a");
    link.href = download.url;
    link.download = download.name;
    document.body.appendChild(link);
    link.click();
    link.remove();
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.page}>
        <header>
          <h1 style={{ margin: 0 }}>Capaian Kinerja</h1>
          <Text>
            Hitung capaian kinerja LKjIP langsung di peramban: capaian tiap indikator, rata-rata per
            sasaran, serapan anggaran, Lembar Pengukuran siap cetak, Tabel LKjIP dengan grafiknya, dan
            draf BAB III (Word). Berkas Anda tidak dikirim
            ke mana pun; semuanya dihitung di komputer ini.
          </Text>
        </header>

        <section
          aria-label="Buku kerja"
          className={mergeClasses(styles.drop, dragging && styles.dragging)}
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            void chooseFile(e.dataTransfer.files[0]);
          }}
        >
          <label htmlFor="berkas" className={styles.label}>
            Pilih buku kerja (.xlsx)
          </label>
          <input
            id="berkas"
            type="file"
            accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel.sheet.macroEnabled.12"
            onChange={(e) => {
              void chooseFile(e.target.files?.[0]);
              e.target.value = "";
            }}
          />
          <Text size={200}>
            atau seret berkas .xlsx ke kotak ini. Buku kerja dibaca lewat nama range (Target,
            Realisasi, Sasaran, …).
          </Text>
          <div className={styles.actions}>
            <Button onClick={() => void trySample()} disabled={!!busy}>
              Coba dengan contoh
            </Button>
          </div>
        </section>

        <Busy label={busy} />
        <StatusMessage status={status} />

        {file && view && (
          <>
            <Text weight="semibold">Berkas: {file}</Text>
            <SectionNav label="Bagian" sections={SECTIONS} current={tab} onSelect={setTab} />
            {tab === "hasil" && (
              <>
                <div className={styles.actions}>
                  <RunButtons disabled={!!busy} onRun={(kind) => void run(kind)}>
                    <Button disabled={!download || !!busy} onClick={saveDownload}>
                      Unduh hasil
                    </Button>
                    <Button disabled={!!busy} onClick={() => void downloadDraf()}>
                      Unduh draf BAB III
                    </Button>
                  </RunButtons>
                </div>
                {view.empty ? (
                  <MessageBar intent="info">
                    <MessageBarBody>
                      <MessageBarTitle>Buku kerja ini belum punya nama range</MessageBarTitle>
                      Beri nama kolom tabel Anda di Excel (Rumus › Manajer Nama): Target, Realisasi,
                      dan bila ada Sasaran, Indikator, Anggaran, RealisasiAnggaran. Add-in Capaian
                      Kinerja di Excel dapat mengusulkannya dari judul kolom.
                    </MessageBarBody>
                  </MessageBar>
                ) : (
                  <Summary result={view} />
                )}
                <Findings findings={view.findings} onShow={(cell) => void showCell(cell)} />
                {preview && <Preview preview={preview} />}
              </>
            )}
            {tab === "penandatangan" && (
              <SignOffForm
                fromCells={view.signOff}
                saved={signOff ?? {}}
                onSave={(next) => {
                  setSignOff(next);
                  return recheck(settings, next);
                }}
              />
            )}
            {tab === "pengaturan" && (
              <SettingsPanel
                saved={settings ?? DEFAULT_SETTINGS}
                onSave={(next) => {
                  setSettings(next);
                  return recheck(next, signOff);
                }}
              />
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
