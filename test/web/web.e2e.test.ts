/**
 * The browser page end to end in Debian's Chromium (playwright-core, no browser download): built with
 * webpack, served on localhost, used as a person would: mouse, keyboard, a file, a download.
 */
import { execSync } from "child_process";
import fs from "fs";
import type { Server } from "http";
import os from "os";
import path from "path";
import { strFromU8, unzipSync } from "fflate";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../scripts/chromium";
import { excelRead, partsOf, partText } from "../xlsx/read-back";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startServer } = require("../../scripts/serve-web.js");

const ROOT = path.join(__dirname, "..", "..");
const FIXTURES = path.join(ROOT, "test", "fixtures");
const OUTPUT = path.join(ROOT, "test-output");

let server: Server;
let origin: string;
let browser: Browser;
const foreign: string[] = [];

jest.setTimeout(180_000);

beforeAll(async () => {
  execSync("npx webpack --mode production --config-name web", { cwd: ROOT, stdio: "ignore" });
  server = await startServer(0);
  const address = server.address();
  origin = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
  browser = await launchChromium();
  fs.mkdirSync(OUTPUT, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

async function openPage(): Promise<Page> {
  const context = await browser.newContext({
    acceptDownloads: true,
    viewport: { width: 900, height: 1100 },
  });
  const page = await context.newPage();
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"))
      foreign.push(url);
  });
  await page.goto(`${origin}/`, { waitUntil: "networkidle" });
  await page.getByRole("button", { name: "Coba dengan contoh" }).waitFor();
  return page;
}

async function axeViolations(page: Page) {
  // Evaluated through the debugging protocol: the page's own CSP (no inline scripts) stays on.
  await page.evaluate(fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
  const results = await page.evaluate(async () =>
    (
      window as unknown as {
        axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe.run()
  );
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`);
}

describe("the browser page", () => {
  test("the sample: its total shown as 101,56, and the result downloaded and checked with exceljs", async () => {
    const page = await openPage();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Coba dengan contoh" }).click();
    await page.getByTestId("total").getByText("101,56").waitFor();
    expect(await page.getByRole("list", { name: "Rata-rata per sasaran" }).innerText()).toContain(
      "100,17"
    );

    await page.getByRole("button", { name: "Buat Lembar Pengukuran" }).click();
    await page.getByText("Selesai").waitFor();
    // docs/web-hasil.png, the README's picture, is a copy of this one taken when the page changes.
    await page.screenshot({ path: path.join(OUTPUT, "web-hasil.png"), fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh hasil" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("lkjip-2020-bkpp-semarang-hasil.xlsx");
    const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "capaian-web-")), "hasil.xlsx");
    await download.saveAs(saved);

    const result = await excelRead(fs.readFileSync(saved));
    const pk = result.getWorksheet("PK 2020")!;
    expect([7, 8, 9].map((r) => pk.getCell(r, 8).value)).toEqual([102.95, 100.34, 100]);
    expect(pk.getCell(8, 9).value).toBe(100.17);
    expect(pk.getCell(7, 5).value).toBe(78); // the user's own cells as they were
    expect(pk.getCell(8, 5).value).toBe(">82");
    const lembar = result.getWorksheet("Lembar Pengukuran")!;
    expect(lembar.getCell(13, 8).value).toBe(101.56);
    expect(result.getWorksheet("Program")).toBeTruthy();
  });

  test("Buat Tabel LKjIP and Unduh draf BAB III: the sheet with its charts, and the Word draft", async () => {
    const page = await openPage();
    await page.getByRole("button", { name: "Coba dengan contoh" }).click();
    await page.getByTestId("total").getByText("101,56").waitFor();
    await page.getByRole("button", { name: "Buat Tabel LKjIP" }).click();
    await page.getByText("Selesai").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh hasil" }).click(),
    ]);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-web-"));
    const saved = path.join(folder, "hasil.xlsx");
    await download.saveAs(saved);
    const parts = Object.keys(unzipSync(fs.readFileSync(saved)));
    expect(parts.filter((p) => p.startsWith("xl/charts/chart"))).toHaveLength(3);
    const result = await excelRead(fs.readFileSync(saved));
    expect(result.getWorksheet("Tabel LKjIP")!.getCell(4, 1).value).toBe("Tabel 3.1");
    expect(result.getWorksheet("Lembar Pengukuran")!.getCell(13, 8).value).toBe(101.56);

    const [draf] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Unduh draf BAB III" }).click(),
    ]);
    expect(draf.suggestedFilename()).toBe("lkjip-2020-bkpp-semarang-draf-bab-iii.docx");
    const docx = path.join(folder, "draf.docx");
    await draf.saveAs(docx);
    const document = strFromU8(unzipSync(fs.readFileSync(docx))["word/document.xml"]);
    expect(document).toContain("BAB III AKUNTABILITAS KINERJA");
    expect(document).toContain("101,56");
  });

  test("a workbook with a chart, and one with macros: their parts come back as they were, .xlsm stays .xlsm", async () => {
    const page = await openPage();
    // One file each: the chart's parts come back as they were; the macro workbook stays .xlsm.
    for (const [file, name] of [
      ["grafik.xlsx", "grafik-hasil.xlsx"],
      ["makro.xlsm", "makro-hasil.xlsm"],
    ]) {
      const input = path.join(FIXTURES, "fitur", file);
      await page.getByLabel("Pilih buku kerja (.xlsx)").setInputFiles(input);
      await page.getByTestId("total").getByText("101,56").waitFor();
      await page.getByRole("button", { name: "Hitung Capaian" }).click();
      await page.getByText("Selesai").waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Unduh hasil" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe(name);
      const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "capaian-web-")), name);
      await download.saveAs(saved);
      const before = partsOf(new Uint8Array(fs.readFileSync(input)));
      const after = partsOf(new Uint8Array(fs.readFileSync(saved)));
      for (const part of ["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/vbaProject.bin"])
        if (before.has(part))
          expect([
            part,
            Buffer.from(after.get(part)!).equals(Buffer.from(before.get(part)!)),
          ]).toEqual([part, true]);
      expect(partText(new Uint8Array(fs.readFileSync(saved)), "xl/worksheets/sheet1.xml")).toMatch(
        /<c r="H7" s="\d+"><v>102.95<\/v><\/c>/
      );
    }
  });

  test("a bad workbook shows the error with its cell, and a finding opens a preview of that cell", async () => {
    const page = await openPage();
    await page
      .getByLabel("Pilih buku kerja (.xlsx)")
      .setInputFiles(path.join(FIXTURES, "nilai-galat.xlsx"));
    const errors = page.getByRole("region", { name: "Galat" });
    await errors.waitFor();
    const finding = errors.getByRole("button", { name: /'PK 2020'!F8/ });
    expect(await finding.innerText()).toContain("#N/A");
    await finding.click();
    const preview = page.getByRole("region", { name: "Pratinjau sel 'PK 2020'!F8" });
    await preview.waitFor();
    expect(await preview.locator('td[aria-current="true"]').innerText()).toBe("#N/A");
    await page.getByRole("button", { name: "Hitung Capaian" }).click();
    await page.getByText("Belum dapat diunduh").waitFor();
    expect(await page.getByRole("button", { name: "Unduh hasil" }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(OUTPUT, "web-temuan.png"), fullPage: true });

    await page
      .getByLabel("Pilih buku kerja (.xlsx)")
      .setInputFiles(path.join(FIXTURES, "berkata-sandi.xlsx"));
    await page.getByText("dilindungi kata sandi").waitFor();
  });

  test("keyboard only: tab to the file chooser (Space opens it) and the buttons, Enter works", async () => {
    const page = await openPage();
    const focusedName = () =>
      page.evaluate(
        () => document.activeElement?.id || document.activeElement?.textContent?.trim() || ""
      );
    const tabTo = async (name: string) => {
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press("Tab");
        if ((await focusedName()) === name) return;
      }
      throw new Error(`could not tab to ${name}`);
    };
    await tabTo("berkas");
    // Enter or Space opens a file chooser; on a loaded machine Chromium has once let an Enter go by.
    const open = (key: string) =>
      Promise.all([
        page.waitForEvent("filechooser", { timeout: 10_000 }),
        page.keyboard.press(key),
      ]);
    const [chooser] = await open("Enter").catch(() => open("Space"));
    await chooser.setFiles(path.join(FIXTURES, "angka-sebagai-teks.xlsx"));
    await page.getByText("Berkas: angka-sebagai-teks.xlsx").waitFor();
    await tabTo("Coba dengan contoh");
    await page.keyboard.press("Enter");
    await page.getByText("Berkas: lkjip-2020-bkpp-semarang.xlsx").waitFor();
    await tabTo("Hitung Capaian");
    await page.keyboard.press("Enter");
    await page.getByText("Selesai").waitFor();
    await tabTo("Unduh hasil");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.keyboard.press("Enter"),
    ]);
    expect(download.suggestedFilename()).toBe("lkjip-2020-bkpp-semarang-hasil.xlsx");
  });

  test("a workbook dropped on the box is opened", async () => {
    const page = await openPage();
    const bytes = [...fs.readFileSync(path.join(FIXTURES, "kualitatif-di-bawah-target.xlsx"))];
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(
        new File([new Uint8Array(data)], "kualitatif.xlsx", {
          type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        })
      );
      return dt;
    }, bytes);
    const box = page.getByRole("region", { name: "Buku kerja" });
    await box.dispatchEvent("dragover", { dataTransfer: transfer });
    await box.dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByText("Berkas: kualitatif.xlsx").waitFor();
    expect(await page.getByRole("region", { name: "Peringatan" }).innerText()).toContain("WDP");
  });

  test("the page asked nothing of any other origin", () => {
    expect(foreign).toEqual([]);
  });
});
