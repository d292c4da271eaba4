/* global process */
import { promises as fs } from "fs";
import path from "path";
import { drafBabIIIDocx } from "../app/draf";
import { hitung } from "../app/hitung";
import type { Result } from "../core/compute";
import { countFindings } from "../core/findings";
import { formatFixed } from "../core/format";
import { toReport } from "../core/report";
import { UnreadableWorkbook } from "../workbook/xlsx/file-check";
import { XlsxSession } from "../workbook/xlsx/xlsx-session";
import { CliOptions, HELP, parseCli, UsageError } from "./args";
import { fileErrorMessage, writeFileAtomic } from "./files";
import { NODE_CODEC } from "./node-codec";
import { progressBar } from "./progress";
import { findingCount, findingLines, notSetUpText, pad, summaryText } from "./summary";

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** A progress bar is drawn only on a terminal. */
  stderrIsTTY: boolean;
}

export const EXIT = { written: 0, blocked: 1, unusable: 2 } as const;
type Exit = (typeof EXIT)[keyof typeof EXIT];

interface FileOutcome {
  input: string;
  exit: Exit;
  result?: Result;
  /** Why the file could not be used, in the user's words. */
  problem?: string;
  /** What the user should know about how it was read or written. */
  notes?: string[];
  written?: string;
  /** Where the Draf BAB III went. */
  draf?: string;
}

class CliFailure extends Error {}

/** A file that turns out unreadable while it is read or written: its sentence, for this file. */
async function unreadableAsFailure<T>(input: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof UnreadableWorkbook) throw new CliFailure(`${input}: ${error.message}`);
    throw error;
  }
}

async function openSession(input: string, sheet: string | undefined): Promise<XlsxSession> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(input);
  } catch (error) {
    throw new CliFailure(fileErrorMessage(input, error));
  }
  const session = await unreadableAsFailure(input, () => XlsxSession.open(bytes, NODE_CODEC));
  if (sheet) {
    const names = session.sheetNames;
    const match = names.find((n) => n.toLowerCase() === sheet.toLowerCase());
    if (!match)
      throw new CliFailure(
        `${input}: lembar kerja "${sheet}" tidak ada. Yang ada: ${names.join(", ")}.`
      );
    session.useSheet(match);
  }
  return session;
}

/** One workbook: read, compute, write OUT (only without errors) and the JSON report. */
/** What a kind of workbook is called, by the extension it keeps. */
const KIND: Record<string, string> = {
  ".xlsm": "buku kerja bermakro",
  ".xltx": "templat Excel",
  ".xltm": "templat Excel bermakro",
};

async function runFile(
  input: string,
  options: CliOptions,
  /** OUT, or how to name it from the extension the workbook keeps (a batch). */
  outFor: string | ((extension: string) => string) | undefined,
  json: string | undefined,
  io: CliIO
): Promise<FileOutcome> {
  const session = await openSession(input, options.sheet);
  const extension = session.extension;
  const out = typeof outFor === "function" ? outFor(extension) : outFor;
  if (out && !out.toLowerCase().endsWith(extension))
    throw new CliFailure(
      `${input} adalah ${KIND[extension] ?? "buku kerja"} (${extension}): simpan hasilnya dengan akhiran ${extension} (misalnya --out ${out.replace(/\.\w+$/, "")}${extension}), karena Excel tidak mau membuka berkas yang akhirannya menyebut jenis lain.`
    );
  const outcome = await unreadableAsFailure(input, () =>
    hitung(session, {
      lembar: options.lembar,
      tabel: options.tabel,
      overrides: options.overrides,
      signOff: { ...session.stored.signOff, ...options.signOff },
    })
  );
  const result = outcome.result;
  let written: string | undefined;
  if (outcome.written && out) {
    const bytes = await unreadableAsFailure(input, () => session.save());
    try {
      await writeFileAtomic(out, bytes);
    } catch (error) {
      throw new CliFailure(fileErrorMessage(out, error));
    }
    written = out;
  }
  let draf: string | undefined;
  if (options.laporan && outcome.written) {
    const bytes = await drafBabIIIDocx(result);
    try {
      await writeFileAtomic(options.laporan, bytes);
    } catch (error) {
      throw new CliFailure(fileErrorMessage(options.laporan, error));
    }
    draf = options.laporan;
  }
  if (json) {
    const text = `${JSON.stringify(toReport(result), null, 2)}\n`;
    if (json === "-") io.stdout(text);
    else {
      try {
        await writeFileAtomic(json, text);
      } catch (error) {
        throw new CliFailure(fileErrorMessage(json, error));
      }
    }
  }
  return {
    input,
    exit: outcome.written ? EXIT.written : EXIT.blocked,
    result,
    written,
    draf,
    notes: written ? session.notes : [],
  };
}

async function single(options: CliOptions, io: CliIO): Promise<Exit> {
  const [input] = options.inputs;
  if (options.out && path.resolve(options.out) === path.resolve(input)) {
    throw new UsageError(
      "--out tidak boleh sama dengan berkas masukan: berkas masukan tidak pernah diubah. Pilih nama lain."
    );
  }
  const outcome = await runFile(input, options, options.out, options.json, io);
  const result = outcome.result!;
  const say = options.json === "-" ? io.stderr : io.stdout;
  if (result.empty) {
    io.stderr(notSetUpText(result));
    return outcome.exit;
  }
  say(summaryText(result));
  io.stderr(findingCount(result.findings));
  if (result.findings.length > 0) io.stderr(findingLines(result.findings).join("\n")); // one write, however many
  if (outcome.exit === EXIT.blocked) {
    io.stderr(
      `Tidak ada yang ditulis: perbaiki ${countFindings(result.findings).errors} galat di atas, lalu jalankan lagi.`
    );
    if (options.laporan) io.stderr("Draf BAB III juga tidak ditulis selama ada galat.");
    return outcome.exit;
  }
  if (outcome.written) {
    const sheets = [options.lembar && "Lembar Pengukuran", options.tabel && "Tabel LKjIP"].filter(
      Boolean
    );
    say(
      `Hasil ditulis ke ${outcome.written}${sheets.length ? `, dengan ${sheets.join(" dan ")}` : ""}.`
    );
    for (const note of outcome.notes ?? []) say(note);
  }
  if (outcome.draf) say(`Draf BAB III ditulis ke ${outcome.draf}.`);
  if (!outcome.written && !outcome.draf && !options.json)
    say("Tidak ada galat. Tambahkan --out HASIL.xlsx untuk menulis hasilnya.");
  return outcome.exit;
}

async function batch(options: CliOptions, io: CliIO): Promise<Exit> {
  const outDir = options.outDir;
  if (outDir) {
    try {
      await fs.mkdir(outDir, { recursive: true });
    } catch (error) {
      throw new CliFailure(fileErrorMessage(outDir, error));
    }
  }
  const bar = io.stderrIsTTY ? progressBar(options.inputs.length, io.stderr) : null;
  const outcomes: FileOutcome[] = [];
  for (const input of options.inputs) {
    const base = path.basename(input).replace(/\.xl[st][xm]$/i, "");
    const out = outDir
      ? (extension: string) => path.join(outDir, `${base}-hasil${extension}`)
      : undefined;
    const json = outDir ? path.join(outDir, `${base}-laporan.json`) : undefined;
    try {
      outcomes.push(await runFile(input, options, out, json, io));
    } catch (error) {
      // One bad file must not stop the other fifty-nine.
      const problem =
        error instanceof CliFailure ? error.message : `${input}: ${unexpected(error)}`;
      outcomes.push({ input, exit: EXIT.unusable, problem });
    }
    bar?.tick(path.basename(input));
  }
  bar?.done();
  io.stdout(
    `${pad("Berkas", 36)} ${pad("Indikator", 9, true)} ${pad("Rata-rata", 10, true)} ${pad("Galat", 6, true)} ${pad("Peringatan", 10, true)}  Status`
  );
  for (const o of outcomes) {
    const r = o.result;
    const { errors, warnings } = r ? countFindings(r.findings) : { errors: 0, warnings: 0 };
    const status =
      o.exit === EXIT.unusable
        ? "tidak terbaca"
        : r?.empty
          ? "belum disiapkan"
          : o.exit === EXIT.blocked
            ? "tidak ditulis (ada galat)"
            : o.written
              ? "ditulis"
              : "diperiksa";
    const counts = (n: number) => (r && !r.empty ? String(n) : "-");
    io.stdout(
      `${pad(path.basename(o.input), 36)} ${pad(r ? String(r.indicators.length) : "-", 9, true)} ${pad(r?.total != null ? formatFixed(r.total, r.settings.decimals) : "-", 10, true)} ${pad(counts(errors), 6, true)} ${pad(r ? counts(warnings) : "-", 10, true)}  ${status}`
    );
  }
  for (const o of outcomes) {
    for (const note of o.notes ?? []) io.stderr(`${path.basename(o.input)}: ${note}`);
    if (o.problem) io.stderr(o.problem);
    else if (o.result?.empty)
      io.stderr(
        `${path.basename(o.input)}: belum disiapkan (belum ada nama range Target, Realisasi, Anggaran, …). Jalankan capaian hitung pada berkas itu saja untuk petunjuk menyiapkannya.`
      );
    else if (o.result && o.exit === EXIT.blocked)
      for (const line of findingLines(o.result.findings.filter((f) => f.level === "error")))
        io.stderr(`${path.basename(o.input)}: ${line}`);
  }
  if (outDir) io.stdout(`Hasil dan laporan JSON per berkas ada di ${outDir}.`);
  return outcomes.reduce<Exit>((worst, o) => (o.exit > worst ? o.exit : worst), EXIT.written);
}

function unexpected(error: unknown): string {
  return `Terjadi kesalahan yang tidak terduga: ${(error as Error)?.message ?? error}. Berkas masukan tidak diubah. Laporkan ke tim Capaian Kinerja beserta berkasnya.`;
}

/** The `capaian` command: returns the exit code; never throws at the user. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  try {
    const options = parseCli(argv);
    if (options.help) {
      io.stdout(HELP);
      return EXIT.written;
    }
    return options.inputs.length > 1 || options.outDir
      ? await batch(options, io)
      : await single(options, io);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CliFailure) {
      io.stderr(error.message);
      return EXIT.unusable;
    }
    io.stderr(unexpected(error));
    if (process.env.CAPAIAN_DEBUG) io.stderr(String((error as Error)?.stack));
    return EXIT.unusable;
  }
}
