import fs from "fs";
import os from "os";
import path from "path";

const { spawnSync } = jest.requireActual<typeof import("child_process")>("child_process");
// The function webpack.config.js runs on manifest.xml in a production build.
const { productionManifest } = require("../../scripts/production-url") as {
  productionManifest: (xml: string, productionUrl: string) => string;
};

const root = path.join(__dirname, "..", "..");
const source = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const schema = path.join(
  root,
  "..",
  "shared",
  "schemas",
  "office-manifest",
  "OfficeAppManifestV1_1.xsd"
);

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every URL the manifest gives Office (attributes and the AppDomain), namespaces aside. */
function urlsOf(xml: string): string[] {
  const attributes = [...xml.matchAll(/\b(?:DefaultValue|Value)="(https?:[^"]*)"/g)].map(
    (m) => m[1]
  );
  const domains = [...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
  return [...attributes, ...domains].map(unescape);
}

function xmllint(xml: string): { status: number | null; stderr: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
  const file = path.join(dir, "manifest.xml");
  fs.writeFileSync(file, xml);
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, file], { encoding: "utf8" });
  fs.rmSync(dir, { recursive: true, force: true });
  if (run.error)
    throw new Error("xmllint is missing: install Debian's libxml2-utils (.ci/run does)");
  return { status: run.status, stderr: run.stderr };
}

describe("the production manifest (scripts/production-url.js)", () => {
  const cases: [string, string, string][] = [
    // ADDIN_PRODUCTION_URL, the base every file goes under, the AppDomain
    [
      "https://kinerja.semarangkota.go.id/capaian",
      "https://kinerja.semarangkota.go.id/capaian/",
      "https://kinerja.semarangkota.go.id",
    ],
    [
      "https://kinerja.semarangkota.go.id/capaian/",
      "https://kinerja.semarangkota.go.id/capaian/",
      "https://kinerja.semarangkota.go.id",
    ],
    [
      "https://intranet.contoh.go.id",
      "https://intranet.contoh.go.id/",
      "https://intranet.contoh.go.id",
    ],
    [
      "https://Addin.Contoh.go.id:8443/tim/capaian-kinerja/",
      "https://addin.contoh.go.id:8443/tim/capaian-kinerja/",
      "https://addin.contoh.go.id:8443",
    ],
    // An ampersand in the path must come out as &amp; so that the XML stays well-formed.
    ["https://contoh.go.id/a&b", "https://contoh.go.id/a&b/", "https://contoh.go.id"],
  ];

  test.each(cases)(
    "%s: no localhost left, every URL under it, AppDomain its origin, schema-valid",
    (url, base, origin) => {
      const xml = productionManifest(source, url);
      expect(xml).not.toMatch(/localhost/i);

      const before = urlsOf(source);
      const after = urlsOf(xml);
      expect(after).toHaveLength(before.length);
      expect(after.length).toBeGreaterThan(10);
      for (const [i, was] of before.entries()) {
        if (was === "https://localhost:3000") expect(after[i]).toBe(origin);
        // The same file, now under the production URL.
        else expect(after[i]).toBe(base + was.slice("https://localhost:3000/".length));
      }
      expect(after).toContain(`${base}taskpane.html`);
      expect(after).toContain(`${base}bantuan.html`);
      expect([...xml.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1])).toEqual([
        origin,
      ]);

      const lint = xmllint(xml);
      expect(lint.stderr.trim()).toMatch(/validates$/);
      expect(lint.status).toBe(0);
    }
  );

  test("refuses a production URL Office could not load, or that is not a plain address", () => {
    expect(() => productionManifest(source, "http://intranet.contoh.go.id/")).toThrow(/https/);
    expect(() => productionManifest(source, "intranet.contoh.go.id/capaian")).toThrow(/not a URL/);
    expect(() => productionManifest(source, "https://contoh.go.id/?v=1")).toThrow(/query/);
  });

  test("webpack.config.js rewrites the manifest with this very function", () => {
    const config = fs.readFileSync(path.join(root, "webpack.config.js"), "utf8");
    expect(config).toContain('require("./scripts/production-url")');
    expect(config).toMatch(
      /transform: \(content\) =>[^\n]*productionManifest\(content\.toString\(\), PRODUCTION_URL\)/
    );
    expect(config).not.toContain("replaceAll(");
  });
});
