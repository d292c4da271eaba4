import fs from "fs";
import path from "path";

const manifest = fs.readFileSync(path.join(__dirname, "..", "manifest.xml"), "utf8");
const ids = (tag: string) =>
  [...manifest.matchAll(new RegExp(`<${tag} id="([^"]+)"`, "g"))].map((m) => m[1]);

describe("manifest.xml", () => {
  test("every resid used is defined, in the resource list its element needs", () => {
    const images = new Set(ids("bt:Image"));
    const urls = new Set(ids("bt:Url"));
    const strings = new Set(ids("bt:String"));
    const uses = [...manifest.matchAll(/<([\w:]+)[^>]*\bresid="([^"]+)"/g)].map((m) => ({
      tag: m[1],
      resid: m[2],
    }));
    expect(uses.length).toBeGreaterThan(10);
    for (const { tag, resid } of uses) {
      const pool =
        tag === "bt:Image"
          ? images
          : ["FunctionFile", "SourceLocation", "LearnMoreUrl"].includes(tag)
            ? urls
            : strings;
      expect([tag, resid, pool.has(resid)]).toEqual([tag, resid, true]);
    }
  });

  test("a short string stays within the 125 characters Office allows, a long one within 250", () => {
    const strings = [...manifest.matchAll(/<bt:(ShortStrings|LongStrings)>([\s\S]*?)<\/bt:\1>/g)];
    for (const [, kind, body] of strings) {
      for (const [, value] of body.matchAll(/(?:DefaultValue|Value)="([^"]*)"/g)) {
        expect([kind, value, value.length <= (kind === "ShortStrings" ? 125 : 250)]).toEqual([
          kind,
          value,
          true,
        ]);
      }
    }
  });

  test("the ribbon: Hitung Capaian runs a function, Buka Panel shows the pane, on the Home tab", () => {
    expect(manifest).toContain('<OfficeTab id="TabHome">');
    expect(manifest).toMatch(
      /<Action xsi:type="ExecuteFunction">\s*<FunctionName>hitungCapaian<\/FunctionName>/
    );
    expect(manifest).toContain('<Action xsi:type="ShowTaskpane">');
    expect(manifest).toContain("<Permissions>ReadWriteDocument</Permissions>");
    for (const size of [16, 32, 64, 80])
      expect(fs.existsSync(path.join(__dirname, "..", "assets", `icon-${size}.png`))).toBe(true);
  });

  test("the ribbon command registers the function the manifest names", () => {
    const commands = fs.readFileSync(
      path.join(__dirname, "..", "src", "commands", "commands.ts"),
      "utf8"
    );
    expect(commands).toContain('Office.actions.associate("hitungCapaian"');
  });
});

describe("manifest.xml against the official schema, offline", () => {
  test("xmllint validates it (npm run validate)", () => {
    const { spawnSync } = jest.requireActual<typeof import("child_process")>("child_process");
    const schema = path.join(
      __dirname,
      "..",
      "..",
      "shared",
      "schemas",
      "office-manifest",
      "OfficeAppManifestV1_1.xsd"
    );
    const run = spawnSync(
      "xmllint",
      ["--noout", "--schema", schema, path.join(__dirname, "..", "manifest.xml")],
      { encoding: "utf8" }
    );
    if (run.error)
      throw new Error("xmllint is missing: install Debian's libxml2-utils (.ci/run does)");
    expect(run.stderr.trim()).toMatch(/manifest\.xml validates$/);
    expect(run.status).toBe(0);
  });
});
