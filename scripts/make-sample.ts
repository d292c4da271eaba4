/**
 * Builds the bundled sample, assets/contoh/lkjip-2020-bkpp-semarang.xlsx, from the seed's tables
 * (with the figures the printed report carried, so that its mistakes show). Run: npm run sample
 */
import { promises as fs } from "fs";
import path from "path";
import { workbookFromSpecs } from "../src/sample/build-xlsx";
import { sampleSheets } from "../src/sample/sample-workbook";

async function main(): Promise<void> {
  const target = path.join(__dirname, "..", "assets", "contoh", "lkjip-2020-bkpp-semarang.xlsx");
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, await workbookFromSpecs(sampleSheets(), "PK 2020"));
  console.log(path.relative(process.cwd(), target));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
