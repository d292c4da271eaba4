/**
 * The CLI against exceljs alone on a generated workbook (3,000 indicators in 60 sasaran, 6,000 budget
 * lines), both as fresh processes, alternated: the ratio says what the engine and the Lembar add to the
 * unavoidable file I/O.
 */
import { spawnSync } from "child_process";
import fs from "fs";
import os from "os";
import path from "path";
import { workbookFromSpecs } from "../src/sample/build-xlsx";
import { generatedSpecs } from "./generate";

function timed(args: string[], cwd: string): { ms: number; rssKb: number } {
  const start = performance.now();
  const run = spawnSync(
    process.execPath,
    ["--require", path.join(cwd, "bench", "peak-rss.js"), ...args],
    { cwd, encoding: "utf8" }
  );
  const ms = performance.now() - start;
  if (run.status !== 0) throw new Error(`bench run failed (${run.status}): ${run.stderr}`);
  return { ms, rssKb: Number(/PEAK_RSS_KB (\d+)/.exec(run.stderr)?.[1] ?? 0) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function cliRatio(
  root: string,
  runs = 5
): Promise<{
  ratio: number;
  cliMs: number;
  exceljsMs: number;
  cliRssMb: number;
  exceljsRssMb: number;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-bench-"));
  try {
    const input = path.join(dir, "besar.xlsx");
    fs.writeFileSync(input, await workbookFromSpecs(generatedSpecs(3000, 6000, 50)));
    const cli = path.join(root, "dist-cli", "capaian.js");
    const cliRuns: { ms: number; rssKb: number }[] = [];
    const baseRuns: { ms: number; rssKb: number }[] = [];
    for (let i = 0; i < runs; i++) {
      baseRuns.push(
        timed(
          [path.join(root, "bench", "exceljs-only.js"), input, path.join(dir, "salin.xlsx")],
          root
        )
      );
      cliRuns.push(
        timed([cli, "hitung", input, "--out", path.join(dir, "hasil.xlsx"), "--lembar"], root)
      );
    }
    const cliMs = median(cliRuns.map((r) => r.ms));
    const exceljsMs = median(baseRuns.map((r) => r.ms));
    return {
      ratio: cliMs / exceljsMs,
      cliMs,
      exceljsMs,
      cliRssMb: Math.max(...cliRuns.map((r) => r.rssKb)) / 1024,
      exceljsRssMb: Math.max(...baseRuns.map((r) => r.rssKb)) / 1024,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
