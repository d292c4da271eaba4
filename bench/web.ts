/** The browser page in headless Chromium: first-load JavaScript, and the time from choosing the seed to its total shown. */
import { execSync } from "child_process";
import type { Server } from "http";
import path from "path";
import zlib from "zlib";
import { launchChromium } from "../scripts/chromium";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require("../scripts/serve-web.js");

export async function webFigures(
  root: string,
  runs = 5
): Promise<{ initialKb: number; seedMs: number[] }> {
  execSync("npx webpack --mode production --config-name web", { cwd: root, stdio: "ignore" });
  const server: Server = await startServer(0, path.join(root, "dist", "web"));
  const address = server.address();
  const origin = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await launchChromium();
  try {
    let initialKb = 0;
    const seedMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scripts: Buffer[] = [];
      page.on("response", (response) => {
        if (response.request().resourceType() === "script")
          void response.body().then((b) => scripts.push(b));
      });
      await page.goto(`${origin}/`, { waitUntil: "networkidle" });
      if (i === 0)
        initialKb =
          scripts.reduce((sum, b) => sum + zlib.gzipSync(b, { level: 9 }).length, 0) / 1024;
      // Timed in the page, from the file input's change to the moment the total is in the page:
      // waiting from outside polls, and its intervals (tens of milliseconds) showed in the figure.
      await page.evaluate(() => {
        const times: { start?: number; end?: number } = {};
        (window as unknown as { seedTimes: typeof times }).seedTimes = times;
        document.addEventListener("change", () => (times.start ??= performance.now()), true);
        new MutationObserver((_, observer) => {
          if (document.querySelector('[data-testid="total"]')?.textContent?.includes("101,56")) {
            times.end = performance.now();
            observer.disconnect();
          }
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });
      await page
        .getByLabel("Pilih buku kerja (.xlsx)")
        .setInputFiles(path.join(root, "assets", "contoh", "lkjip-2020-bkpp-semarang.xlsx"));
      await page.getByTestId("total").getByText("101,56").waitFor();
      const { start, end } = await page.evaluate(
        () => (window as unknown as { seedTimes: { start?: number; end?: number } }).seedTimes
      );
      if (start === undefined || end === undefined) throw new Error("seed timing not recorded");
      seedMs.push(end - start);
      await context.close();
    }
    return { initialKb, seedMs };
  } finally {
    await browser.close();
    server.close();
  }
}
