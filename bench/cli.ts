/**
 * The command on files, each run a fresh process:
 * - scale: the CLI (`--out --lembar`) on a generated workbook (3,000 indicators in 60 sasaran,
 *   6,000 budget lines) against exceljs's Workbook loading and saving the same file, bundled the
 *   same way as the command (bench/build-baseline.js), alternated seven times (medians);
 * - hostile: the CLI on a workbook with whole-sheet validation on every column, 50,000 merges and a
 *   1,048,576-row dimension (test/fixtures/bentuk/hostil.xlsx, made by scripts/make-fixtures.ts).
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { workbookFromSpecs } from "../src/sample/build-xlsx";
import { generatedSpecs } from "./generate";

/**
 * Both children start with the same plain environment: without NODE_OPTIONS (which could load
 * anything into one of them) and without NODE_EXTRA_CA_CERTS, which makes Node read and parse a
 * certificate bundle at every start (some 35 ms on the bench machine) that neither program uses.
 */
const childEnv: NodeJS.ProcessEnv = { ...process.env };
delete childEnv.NODE_OPTIONS;
delete childEnv.NODE_EXTRA_CA_CERTS;

interface Run {
  ms: number;
  rssKb: number;
}

function timed(args: string[], cwd: string, expectExit = 0): Run {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--require", path.join(cwd, "bench", "peak-rss.js"), ...args],
    { cwd, encoding: "utf8", env: childEnv }
  );
  const ms = performance.now() - start;
  if (run.status !== expectExit) throw new Error(`bench run failed (${run.status}): ${run.stderr}`);
  return { ms, rssKb: Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1] ?? 0) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const peakMb = (runs: Run[]) => Math.max(...runs.map((r) => r.rssKb)) / 1024;

export async function cliFigures(
  root: string,
  runs = 7
): Promise<{
  ratio: number;
  cliMs: number;
  exceljsMs: number;
  cliRssMb: number;
  exceljsRssMb: number;
  hostileMs: number;
  hostileRssMb: number;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-bench-"));
  try {
    const input = path.join(dir, "besar.xlsx");
    fs.writeFileSync(input, await workbookFromSpecs(generatedSpecs(3000, 6000, 50)));
    const cli = path.join(root, "dist-cli", "capaian.js");
    const baseline = path.join(root, "dist-bench", "exceljs-only.js");
    const cliRuns: Run[] = [];
    const baseRuns: Run[] = [];
    for (let i = 0; i < runs; i++) {
      baseRuns.push(timed([baseline, input, path.join(dir, "salin.xlsx")], root));
      cliRuns.push(
        timed([cli, "hitung", input, "--out", path.join(dir, "hasil.xlsx"), "--lembar"], root)
      );
    }
    const hostile = path.join(root, "test", "fixtures", "bentuk", "hostil.xlsx");
    const hostileRuns: Run[] = [];
    for (let i = 0; i < runs; i++)
      hostileRuns.push(
        timed(
          [cli, "hitung", hostile, "--out", path.join(dir, "hostil-hasil.xlsx"), "--lembar"],
          root
        )
      );
    const cliMs = median(cliRuns.map((r) => r.ms));
    const exceljsMs = median(baseRuns.map((r) => r.ms));
    return {
      ratio: cliMs / exceljsMs,
      cliMs,
      exceljsMs,
      cliRssMb: peakMb(cliRuns),
      exceljsRssMb: peakMb(baseRuns),
      hostileMs: median(hostileRuns.map((r) => r.ms)),
      hostileRssMb: peakMb(hostileRuns),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
