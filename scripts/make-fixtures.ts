/** Rebuilds the bad-input corpus in test/fixtures/ from test/fixtures/corpus.ts. Run: npm run fixtures */
import { promises as fs } from "fs";
import path from "path";
import { CORPUS } from "../test/fixtures/corpus";

async function main(): Promise<void> {
  const dir = path.join(__dirname, "..", "test", "fixtures");
  for (const entry of CORPUS) {
    await fs.writeFile(path.join(dir, entry.file), await entry.build());
    console.log(`${entry.file.padEnd(34)} ${entry.what}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
