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
          : ["FunctionFile", "SourceLocation", "LearnMoreUrl", "Runtime"].includes(tag)
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
    const ribbon = fs.readFileSync(
      path.join(__dirname, "..", "src", "commands", "ribbon.ts"),
      "utf8"
    );
    expect(ribbon).toContain('Office.actions.associate("hitungCapaian"');
  });

  test("one shared runtime: the ribbon's function file is the pane's page, kept alive", () => {
    expect(manifest).toContain(
      '<bt:Url id="Taskpane.Url" DefaultValue="https://localhost:3000/taskpane.html"/>'
    );
    // Runtimes is the first child of the Host (the schema's order), then the form factor.
    expect(manifest).toMatch(
      /<Host xsi:type="Workbook">\s*<Runtimes>\s*<Runtime resid="Taskpane\.Url" lifetime="long"\/>\s*<\/Runtimes>\s*<DesktopFormFactor>/
    );
    expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(manifest).toMatch(
      /<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>CapaianKinerja\.Pane<\/TaskpaneId>\s*<SourceLocation resid="Taskpane\.Url"\/>/
    );
    expect(manifest).not.toContain("Commands.Url");
    expect(manifest).not.toContain("commands.html");
    // Not a requirement: the add-in must still install where SharedRuntime is missing.
    const requirements = manifest.match(/<Requirements>[\s\S]*?<\/Requirements>/)?.[0] ?? "";
    expect(requirements).not.toContain("SharedRuntime");
  });

  test("help: SupportUrl and Get Started point at the static help page, which exists", () => {
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/bantuan.html"/>');
    expect(manifest).toContain(
      '<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://localhost:3000/bantuan.html"/>'
    );
    expect(fs.existsSync(path.join(__dirname, "..", "src", "help", "bantuan.html"))).toBe(true);
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
