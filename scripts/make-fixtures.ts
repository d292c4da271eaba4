/**
 * Rebuilds the fixture corpora: the bad-input corpus in test/fixtures/ (test/fixtures/corpus.ts) and
 * the package corpus (test/fixtures/features.ts) in test/fixtures/fitur/ and test/fixtures/bentuk/.
 * Run: npm run fixtures. The package corpus needs Debian's LibreOffice (soffice) and
 * python3-openpyxl (/usr/bin/python3).
 *
 * `npm run fixtures -- fitur bentuk` rebuilds only the named sets (corpus, fitur, bentuk);
 * `--check` also converts every package-corpus file to CSV with LibreOffice headless and fails if
 * LibreOffice refuses one.
 */
/* global __dirname, console, process */
import { promises as fs } from "fs";
import os from "os";
import path from "path";
import { CORPUS } from "../test/fixtures/corpus";
import { FEATURES, SHAPES, soffice } from "../test/fixtures/features";

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const check = args.includes("--check");
  const sets = args.filter((a) => !a.startsWith("--"));
  const wanted = (set: string) => sets.length === 0 || sets.includes(set);
  const dir = path.join(__dirname, "..", "test", "fixtures");
  for (const entry of wanted("corpus") ? CORPUS : []) {
    await fs.writeFile(path.join(dir, entry.file), await entry.build());
    console.log(`${entry.file.padEnd(34)} ${entry.what}`);
  }
  const csv = check ? await fs.mkdtemp(path.join(os.tmpdir(), "capaian-fixtures-csv-")) : "";
  for (const [folder, entries] of [
    ["fitur", FEATURES],
    ["bentuk", SHAPES],
  ] as const) {
    if (!wanted(folder)) continue;
    await fs.mkdir(path.join(dir, folder), { recursive: true });
    for (const entry of entries) {
      const file = path.join(dir, folder, entry.file);
      await fs.writeFile(file, await entry.build());
      if (check) {
        const out = path.join(csv, folder);
        soffice(
          ["--convert-to", "csv", "--outdir", out, file],
          path.join(out, entry.file.replace(/\.\w+$/, ".csv"))
        );
      }
      console.log(`${`${folder}/${entry.file}`.padEnd(34)} ${entry.what}`);
    }
  }
  if (check) await fs.rm(csv, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
