/**
 * Benchmarks; each figure is printed as `BENCH <name> <value>`.
 * engine.ms.rows=N: N indicators plus N budget lines, validated at the boundary (zod) and computed.
 */
import { compute } from "../src/core/compute";
import { buildLembar } from "../src/core/lembar";
import { WorkbookDataSchema } from "../src/core/workbook-data";
import { execSync } from "child_process";
import path from "path";
import { generatedWorkbook } from "./generate";
import { officeSyncs } from "./office";
import { cliFigures } from "./cli";
import { webFigures } from "./web";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { measure } = require("../scripts/bundle-size");

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function timeEngine(
  rows: number,
  runs: number
): { ms: number; firstMs: number; lembarMs: number; findings: number } {
  const raw: unknown = JSON.parse(JSON.stringify(generatedWorkbook(rows)));
  const times: number[] = [];
  const lembarTimes: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const data = WorkbookDataSchema.parse(raw);
    const result = compute(data);
    times.push(performance.now() - start);
    const lembarStart = performance.now();
    buildLembar(result);
    lembarTimes.push(performance.now() - lembarStart);
    findings = result.findings.length;
    if (result.indicators.length !== rows || result.budget?.lines.length !== rows)
      throw new Error("bench workbook not fully computed");
  }
  return { ms: median(times), firstMs: times[0], lembarMs: median(lembarTimes), findings };
}

async function office(): Promise<void> {
  for (const rows of [10, 1000, 10000]) {
    const { syncs, maxRequestKb } = await officeSyncs(rows);
    console.log(`BENCH office.hitung.syncs.rows=${rows} ${syncs}`);
    console.log(`BENCH office.hitung.max_request_kb.rows=${rows} ${maxRequestKb.toFixed(0)}`);
  }
  const lembar = await officeSyncs(1000, { lembar: true });
  console.log(`BENCH office.lembar.syncs.rows=1000 ${lembar.syncs}`);
  console.log(`BENCH office.lembar.max_request_kb.rows=1000 ${lembar.maxRequestKb.toFixed(0)}`);
  for (const rows of [1000, 10000]) {
    const lembarAt = await officeSyncs(rows, { lembar: true });
    const tabel = await officeSyncs(rows, { tabel: true });
    if (rows > 1000) {
      console.log(`BENCH office.lembar.syncs.rows=${rows} ${lembarAt.syncs}`);
      console.log(`BENCH office.lembar.max_request_kb.rows=${rows} ${lembarAt.maxRequestKb.toFixed(0)}`);
    }
    console.log(`BENCH office.tabel.syncs.rows=${rows} ${tabel.syncs}`);
    console.log(`BENCH office.tabel.max_request_kb.rows=${rows} ${tabel.maxRequestKb.toFixed(0)}`);
  }
}

function bundle(): void {
  const root = path.join(__dirname, ".."); // the bench runs bundled from dist-bench/
  execSync("npx webpack --mode production", { cwd: root, stdio: "ignore" });
  const { gzipKb, xlsxCode } = measure(path.join(root, "dist"));
  console.log(`BENCH addin.taskpane.gzip.kb ${gzipKb.toFixed(1)}`);
  console.log(`BENCH addin.taskpane.xlsx_code ${xlsxCode ? 1 : 0}`);
}

function engine(): void {
  timeEngine(1000, 5); // warm up the JIT
  for (const rows of [1000, 10000, 100000]) {
    // The median of 5 at 100,000: the first run also grows the heap by some 300 MB (shown apart).
    const { ms, firstMs, lembarMs, findings } = timeEngine(rows, rows >= 100000 ? 5 : 7);
    console.log(`BENCH engine.ms.rows=${rows} ${ms.toFixed(1)}`);
    if (rows >= 100000) console.log(`BENCH engine.ms.first.rows=${rows} ${firstMs.toFixed(1)}`);
    console.log(`BENCH engine.lembar.ms.rows=${rows} ${lembarMs.toFixed(1)}`);
    console.log(`BENCH engine.findings.rows=${rows} ${findings}`);
  }
  engineHeap();
}

/** The heap limit the engine must fit in with 100,000 indicators and 100,000 budget lines. */
const HEAP_LIMIT_MB = 300;

/**
 * Heap of one 100,000 + 100,000 run in a fresh process, apart from the timings' leftovers: its input
 * as an adapter hands it over, then with the result held. The same run under a heap limit of
 * HEAP_LIMIT_MB shows that it completes there (V8 stops the process when it cannot).
 */
function engineHeap(): void {
  const script = path.join(__dirname, "run.js");
  const run = (limit?: number) =>
    execSync(
      `node --expose-gc ${limit ? `--max-old-space-size=${limit}` : ""} ${script} engine-heap-child`,
      { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }
    );
  const figures = JSON.parse(run()) as {
    baseMb: number;
    inputMb: number;
    totalMb: number;
    ms: number;
  };
  let fits = 1;
  try {
    // The bench program's own heap (its bundle, before any workbook) is not the engine's.
    run(HEAP_LIMIT_MB + Math.ceil(figures.baseMb));
  } catch {
    fits = 0;
  }
  console.log(`BENCH engine.heap.mb ${(figures.totalMb - figures.baseMb).toFixed(0)}`);
  console.log(`BENCH engine.heap.input.mb ${(figures.inputMb - figures.baseMb).toFixed(0)}`);
  console.log(`BENCH engine.heap.result.mb ${(figures.totalMb - figures.inputMb).toFixed(0)}`);
  console.log(`BENCH engine.heap.fits_${HEAP_LIMIT_MB}mb ${fits}`);
}

function engineHeapChild(): void {
  const gc = (globalThis as { gc?: () => void }).gc!;
  const heapMb = () => {
    gc();
    return process.memoryUsage().heapUsed / 1048576;
  };
  const baseMb = heapMb();
  const raw: unknown = JSON.parse(JSON.stringify(generatedWorkbook(100000)));
  const inputMb = heapMb();
  const start = performance.now();
  const result = compute(WorkbookDataSchema.parse(raw));
  const ms = performance.now() - start;
  const totalMb = heapMb();
  if (result.indicators.length !== 100000) throw new Error("bench workbook not fully computed");
  process.stdout.write(
    JSON.stringify({ baseMb, inputMb, totalMb, ms, held: [raw, result].length })
  );
}

async function cli(): Promise<void> {
  const root = path.join(__dirname, ".."); // the bench runs bundled from dist-bench/
  execSync("npm run build:cli --silent", { cwd: root, stdio: "ignore" });
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  await require("./build-baseline.js")();
  const r = await cliFigures(root);
  console.log(`BENCH cli.ms.indicators=3000 ${r.cliMs.toFixed(0)}`);
  console.log(`BENCH cli.exceljs_only.ms ${r.exceljsMs.toFixed(0)}`);
  console.log(`BENCH cli.ratio.scale ${r.ratio.toFixed(2)}`);
  console.log(`BENCH cli.peak_rss.mb ${r.cliRssMb.toFixed(0)}`);
  console.log(`BENCH cli.exceljs_only.peak_rss.mb ${r.exceljsRssMb.toFixed(0)}`);
  console.log(`BENCH cli.ms.hostile ${r.hostileMs.toFixed(0)}`);
  console.log(`BENCH cli.peak_rss.mb.hostile ${r.hostileRssMb.toFixed(0)}`);
}

async function web(): Promise<void> {
  const root = path.join(__dirname, ".."); // the bench runs bundled from dist-bench/
  const { initialKb, seedMs } = await webFigures(root);
  console.log(`BENCH web.initial.kb ${initialKb.toFixed(1)}`);
  console.log(`BENCH web.ms.seed ${median(seedMs).toFixed(0)}`);
  console.log(`BENCH web.ms.seed.first ${seedMs[0].toFixed(0)}`);
}

/** `npm run bench` runs every part; `npm run bench -- engine office` only those. */
async function main(): Promise<void> {
  const parts: Record<string, () => void | Promise<void>> = { engine, office, bundle, cli, web };
  const chosen = process.argv.slice(2);
  if (chosen[0] === "engine-heap-child") return engineHeapChild();
  for (const [name, part] of Object.entries(parts))
    if (chosen.length === 0 || chosen.includes(name)) await part();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
