/**
 * Renders the task pane (scripts/pane-preview.tsx, on the Excel test double holding the seed) in
 * headless Chromium and saves docs/panel.png for the README. Run: npm run screenshot
 */
import { execSync } from "child_process";
import fs from "fs";
import path from "path";
import { launchChromium } from "./chromium";

async function main(): Promise<void> {
  const root = path.join(__dirname, "..");
  const out = path.join(root, "test-output", "preview");
  fs.mkdirSync(out, { recursive: true });
  execSync(
    `npx esbuild scripts/pane-preview.tsx --bundle --minify --jsx=automatic --define:process.env.NODE_ENV='"production"' --outfile=${out}/preview.js --log-level=warning`,
    { cwd: root, stdio: "inherit" }
  );
  fs.writeFileSync(
    path.join(out, "index.html"),
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Capaian Kinerja</title><style>body{margin:0;font-family:"Segoe UI",Arial,sans-serif}</style></head><body><div id="root"></div><script src="preview.js"></script></body></html>'
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 360, height: 1000 } });
    await page.goto(`file://${out}/index.html`);
    await page.getByRole("button", { name: "Hitung Capaian" }).click();
    await page.getByText("Selesai").waitFor();
    await page.screenshot({ path: path.join(root, "docs", "panel.png"), fullPage: true });
  } finally {
    await browser.close();
  }
  console.log("docs/panel.png");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
