import fs from "fs";
import http from "http";
import os from "os";
import path from "path";
import { launchChromium } from "../../scripts/chromium";

// The add-in's real production build (webpack's "addin" config only, about 15 s), into a folder of
// its own so that dist/ is left alone, with a production URL without a trailing slash.
const { spawnSync } = jest.requireActual<typeof import("child_process")>("child_process");
const { productionManifest } = require("../../scripts/production-url") as {
  productionManifest: (xml: string, productionUrl: string) => string;
};
const { measure, BUDGET_KB } = require("../../scripts/bundle-size") as {
  measure: (dist: string) => {
    files: string[];
    gzipKb: number;
    chunks: { file: string; gzipKb: number }[];
    xlsxCode: boolean;
  };
  BUDGET_KB: number;
};

const root = path.join(__dirname, "..", "..");
const PRODUCTION_URL = "https://kinerja.semarangkota.go.id/capaian";
let out = "";
let build: { status: number | null; stdout: string; stderr: string };

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-addin-"));
  build = spawnSync(
    process.execPath,
    [
      require.resolve("webpack-cli/bin/cli.js"),
      "--mode",
      "production",
      "--config-name",
      "addin",
      "--output-path",
      out,
    ],
    {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, ADDIN_PRODUCTION_URL: PRODUCTION_URL, WEBPACK_SERVE: "" },
    }
  );
}, 180_000);

afterAll(() => {
  if (out) fs.rmSync(out, { recursive: true, force: true });
});

const read = (file: string) => fs.readFileSync(path.join(out, file), "utf8");

describe("the add-in's production build (webpack --mode production, addin)", () => {
  test("succeeds, within the pane's budget", () => {
    expect([build.status, build.stderr.slice(-2000)]).toEqual([0, expect.anything()]);
    expect(build.stdout).toMatch(/taskpane\.html loads [\d.]+ KB of JavaScript \(gzip\)/);
  });

  test("dist's manifest is the production rewrite of manifest.xml: no localhost anywhere", () => {
    const manifest = read("manifest.xml");
    expect(manifest).toBe(
      productionManifest(fs.readFileSync(path.join(root, "manifest.xml"), "utf8"), PRODUCTION_URL)
    );
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PRODUCTION_URL}/taskpane.html"/>`);
    expect(manifest).toContain("<AppDomain>https://kinerja.semarangkota.go.id</AppDomain>");
  });

  test("taskpane.html loads the old-Office fallback first, then office.js, then the one bundle", () => {
    const html = read("taskpane.html");
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts).toHaveLength(3);
    expect(scripts[0]).toMatch(/src="?fallback-es5\.js"?/);
    expect(scripts[0]).not.toMatch(/\b(async|defer)\b/);
    expect(scripts[1]).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(scripts[2]).toMatch(/src="?taskpane\.[0-9a-f]{8}\.js"?/);
    // The fallback as written (ECMAScript 5), not through the minimizer.
    expect(read("fallback-es5.js")).toBe(
      fs.readFileSync(path.join(root, "src", "taskpane", "fallback-es5.js"), "utf8")
    );
  });

  test("one runtime: no commands page or bundle of its own", () => {
    expect(fs.existsSync(path.join(out, "commands.html"))).toBe(false);
    expect(fs.existsSync(path.join(out, "commands.js"))).toBe(false);
    expect(fs.existsSync(path.join(out, "dialog.html"))).toBe(true);
  });

  test("the help page is there, static, in Bahasa Indonesia", () => {
    const help = read("bantuan.html");
    expect(help).not.toMatch(/<script/i);
    for (const text of [
      "Microsoft 365",
      "Office 2021",
      "Office 2016 dan Office 2019",
      "web/index.html",
      "capaian hitung",
      "Buka Panel",
      "Siapkan Nama Range",
      "Hitung Capaian",
      "Buat Lembar Pengukuran",
      "di dalam buku kerja",
    ])
      expect([text, help.includes(text)]).toEqual([text, true]);
  });

  test(`what taskpane.html loads stays within ${BUDGET_KB} KB gzip; the engine and the tabs come after, from beside taskpane.js`, () => {
    const size = measure(out);
    expect(size.files).toEqual([
      "fallback-es5.js",
      expect.stringMatching(/^taskpane\.[0-9a-f]{8}\.js$/),
    ]);
    expect(size.gzipKb).toBeLessThanOrEqual(BUDGET_KB);
    expect(size.xlsxCode).toBe(false);
    // The engine in its own chunk, and the tabs the first screen does not show.
    expect(size.chunks.map((c) => c.file)).toContainEqual(
      expect.stringMatching(/^mesin\.[0-9a-f]{8}\.js$/)
    );
    expect(size.chunks.length).toBeGreaterThanOrEqual(4);
    // publicPath "auto": chunks are fetched relative to taskpane.js's own address, wherever it is hosted.
    const bundle = read(size.files[1]);
    expect(bundle).toContain("currentScript");
    for (const { file } of size.chunks) {
      const hash = file.match(/\.([0-9a-f]{8})\.js$/)?.[1];
      expect([file, !!hash && bundle.includes(hash)]).toEqual([file, true]);
    }
  });

  test("in Chromium, served under a sub-path as in production, the pane opens and loads its chunks from there", async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const sirv = require("sirv");
    const serve = sirv(out, { dev: true });
    const server = http.createServer((req, res) => {
      const notFound = () => {
        res.statusCode = 404;
        res.end();
      };
      if (!req.url?.startsWith("/capaian/")) return notFound();
      req.url = req.url.slice("/capaian".length);
      serve(req, res, notFound);
    });
    await new Promise<void>((resolve) => server.listen(0, resolve));
    const address = server.address();
    const origin = `http://localhost:${typeof address === "object" && address ? address.port : 0}`;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 360, height: 800 } });
      const requests: string[] = [];
      const errors: string[] = [];
      page.on("request", (request) => requests.push(request.url()));
      page.on("pageerror", (error) => errors.push(String(error)));
      // office.js from Microsoft is not reachable here: a stand-in whose Excel.run fails.
      await page.route("https://appsforoffice.microsoft.com/**", (route) =>
        route.fulfill({
          contentType: "text/javascript",
          body: `window.Office = {
            onReady: function (cb) { setTimeout(function () { cb({ host: "Excel" }); }, 10); return Promise.resolve(); },
            context: { requirements: { isSetSupported: function () { return true; } },
              document: { settings: { get: function () { return null; }, set: function () {},
                saveAsync: function (o, cb) { if (cb) cb({ status: "succeeded" }); } } } },
            actions: { associate: function (name) { window.associated = name; } },
            addin: { showAsTaskpane: function () {} } };
          window.Excel = { run: function () { return Promise.reject(new Error("tanpa Excel")); } };`,
        })
      );
      await page.goto(`${origin}/capaian/taskpane.html?_host_Info=Excel`);
      // The engine's chunk arrived (the read ran and failed on the stand-in), the ribbon registered.
      await page.getByText(/tanpa Excel/).waitFor({ timeout: 20_000 });
      expect(
        await page.evaluate(() => (window as unknown as { associated?: string }).associated)
      ).toBe("hitungCapaian");
      // A tab loaded on demand.
      await page.getByRole("button", { name: "Pengaturan" }).click();
      await page.getByLabel("Jumlah desimal").waitFor({ timeout: 20_000 });
      const ours = requests.filter((url) => url.startsWith(origin));
      expect(ours.some((url) => /\/capaian\/mesin\.[0-9a-f]{8}\.js$/.test(url))).toBe(true);
      for (const url of ours) expect(url.startsWith(`${origin}/capaian/`)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 60_000);
});
