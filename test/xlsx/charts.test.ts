/* global NodeJS */
/**
 * The Tabel LKjIP's charts in the .xlsx (CONTRACT §7, §9): native DrawingML charts whose series
 * refer to the sheet's own cells, in a drawing of their own, replaced whole on a second run; and
 * what LibreOffice draws of them.
 */
import fs from "fs";
import JSZip from "jszip";
import os from "os";
import path from "path";
import { hitung } from "../../src/app/hitung";
import type { Result } from "../../src/core/compute";
import { buildTabel, TABEL_SHEET } from "../../src/core/tabel";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { XlsxSession } from "../../src/workbook/xlsx/xlsx-session";
import { pageImage, pdfOf, run } from "../libreoffice";
import { excelRead, partsOf } from "./read-back";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "contoh", "lkjip-2020-bkpp-semarang.xlsx");
const FIXTURES = path.join(ROOT, "test", "fixtures");
const OUTPUT = path.join(ROOT, "test-output");
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

/** Runs hitung with the Tabel LKjIP over a file; the result and the saved bytes. */
async function withTabel(input: Uint8Array): Promise<{ result: Result; output: Uint8Array }> {
  const session = await XlsxSession.open(input);
  const { result, written } = await hitung(session, { tabel: true });
  expect(written).toBe(true);
  return { result, output: await session.save() };
}

/**
 * A package read from outside the product (regular expressions over its parts): part names without
 * the leading slash, relationships resolved against their source part, content type overrides.
 */
class Package {
  readonly parts: Map<string, Uint8Array>;
  constructor(bytes: Uint8Array) {
    this.parts = partsOf(bytes);
  }
  text(name: string): string {
    const bytes = this.parts.get(name);
    if (!bytes) throw new Error(`no part ${name}`);
    return decode(bytes);
  }
  rels(source: string): { id: string; type: string; target: string }[] {
    const relsName = source.replace(/([^/]*)$/, "_rels/$1.rels");
    if (!this.parts.has(relsName)) return [];
    const folder = path.posix.dirname(source);
    return [...this.text(relsName).matchAll(/<Relationship ([^>]*)\/>/g)].map(([, attrs]) => {
      const attr = (n: string) => new RegExp(`${n}="([^"]*)"`).exec(attrs)![1];
      const target = attr("Target");
      return {
        id: attr("Id"),
        type: attr("Type"),
        target: target.startsWith("/")
          ? target.slice(1)
          : path.posix.normalize(path.posix.join(folder, target)),
      };
    });
  }
  overrides(): string[][] {
    return [...this.text("[Content_Types].xml").matchAll(/<Override ([^>]*)\/>/g)].map(
      ([, attrs]) => [
        /PartName="\/([^"]*)"/.exec(attrs)![1],
        /ContentType="([^"]*)"/.exec(attrs)![1],
      ]
    );
  }
  /** The worksheet part of a sheet, through workbook.xml and its relationships. */
  sheetPart(name: string): string {
    const sheet = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]+)"`).exec(
      this.text("xl/workbook.xml")
    )!;
    return this.rels("xl/workbook.xml").find((r) => r.id === sheet[1])!.target;
  }
  /** Every relationship of every part: target → sources. */
  targets(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const name of this.parts.keys()) {
      const m = /^(.*?)_rels\/([^/]*)\.rels$/.exec(name);
      if (!m) continue;
      const source = `${m[1]}${m[2]}`;
      for (const r of this.rels(source)) out.set(r.target, [...(out.get(r.target) ?? []), source]);
    }
    return out;
  }
}

/** The Tabel sheet's drawing and its charts, in the drawing's order. */
function chartsOf(pkg: Package) {
  const sheet = pkg.sheetPart(TABEL_SHEET);
  const sheetRels = pkg.rels(sheet);
  const drawingRel = sheetRels.find((r) => r.type === `${REL}/drawing`)!;
  const drawing = drawingRel.target;
  const anchors = [
    ...pkg.text(drawing).matchAll(/<xdr:twoCellAnchor[\s\S]*?<\/xdr:twoCellAnchor>/g),
  ];
  const drawingRels = pkg.rels(drawing);
  const charts = anchors.map(([anchor]) => {
    const id = /<c:chart [^>]*r:id="([^"]+)"/.exec(anchor)![1];
    const rel = drawingRels.find((r) => r.id === id)!;
    const marker = (tag: string) =>
      ["col", "row"].map((n) =>
        Number(new RegExp(`<xdr:${tag}>[\\s\\S]*?<xdr:${n}>(\\d+)<`).exec(anchor)![1])
      );
    return {
      part: rel.target,
      type: rel.type,
      xml: pkg.text(rel.target),
      from: marker("from"),
      to: marker("to"),
    };
  });
  return { sheet, sheetRels, drawingRel, drawing, drawingRels, charts };
}

/** A chart's series: name, category and value references, and their caches. */
function seriesOf(xml: string) {
  return [...xml.matchAll(/<c:(bar|line)Chart>([\s\S]*?)<\/c:\1Chart>/g)].flatMap(
    ([, kind, body]) =>
      [...body.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map(([, ser]) => {
        const part = (tag: string) => new RegExp(`<c:${tag}>([\\s\\S]*?)</c:${tag}>`).exec(ser)![1];
        const points = (cache: string) =>
          [...cache.matchAll(/<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v><\/c:pt>/g)].map(([, , v]) => v);
        const cat = part("cat");
        const val = part("val");
        return {
          kind,
          name: /<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/.exec(ser)![1],
          categories: /<c:f>([^<]*)<\/c:f>/.exec(cat)![1],
          categoryCount: Number(/<c:ptCount val="(\d+)"/.exec(cat)![1]),
          categoryCache: points(cat),
          values: /<c:f>([^<]*)<\/c:f>/.exec(val)![1],
          valueCache: points(val).map(Number),
        };
      })
  );
}

/** "'Tabel LKjIP'!$D$58:$D$60" → the sheet and the cells, top to bottom. */
function cellsOfReference(reference: string): { sheet: string; cells: string[] } {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$/.exec(
    reference.replace(/&apos;/g, "'")
  );
  if (!m) throw new Error(`not a reference: ${reference}`);
  const [, sheet, column, top, lastColumn = column, bottom = top] = m;
  expect(lastColumn).toBe(column); // one column
  const cells: string[] = [];
  for (let r = Number(top); r <= Number(bottom); r++) cells.push(`${column}${r}`);
  return { sheet: sheet.replace(/''/g, "'"), cells };
}

describe("the Tabel LKjIP's charts in the written file", () => {
  let input: Uint8Array;
  let result: Result;
  let output: Uint8Array;
  let second: Uint8Array;

  beforeAll(async () => {
    input = new Uint8Array(fs.readFileSync(SAMPLE));
    ({ result, output } = await withTabel(input));
    ({ output: second } = await withTabel(output));
  });

  test("one drawing for the Tabel sheet, three chart parts, their content types and relationships", () => {
    const pkg = new Package(output);
    const before = new Package(input);
    const added = [...pkg.parts.keys()].filter((n) => !before.parts.has(n)).sort();
    expect(added).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
      "xl/drawings/drawing1.xml",
      "xl/worksheets/_rels/sheet4.xml.rels",
      "xl/worksheets/sheet4.xml",
    ]);
    const { sheet, sheetRels, drawingRel, drawing, drawingRels, charts } = chartsOf(pkg);
    expect(sheet).toBe("xl/worksheets/sheet4.xml");
    expect(sheetRels).toHaveLength(1);
    expect(drawing).toBe("xl/drawings/drawing1.xml");
    // The <drawing> element names the relationship, after the page setup (CT_Worksheet's order).
    expect(pkg.text(sheet)).toMatch(
      new RegExp(`<pageSetup [^>]*/><drawing r:id="${drawingRel.id}"/></worksheet>$`)
    );
    expect(drawingRels).toHaveLength(3);
    expect(charts.map((c) => [c.part, c.type])).toEqual(
      [1, 2, 3].map((n) => [`xl/charts/chart${n}.xml`, `${REL}/chart`])
    );
    const types = new Map(pkg.overrides() as [string, string][]);
    expect(types.get(drawing)).toBe(DRAWING_TYPE);
    for (const c of charts) expect(types.get(c.part)).toBe(CHART_TYPE);
    // Every override names a part that is there, once; every relationship target is there.
    const names = pkg.overrides().map(([n]) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    const present = new Set([...pkg.parts.keys()].map((n) => n.toLowerCase()));
    for (const n of names) expect([n, present.has(n)]).toEqual([n, true]);
    for (const t of pkg.targets().keys()) expect([t, pkg.parts.has(t)]).toEqual([t, true]);
  });

  test("each chart is anchored over the cells the plan gives it, titled as the plan says", () => {
    const { plan } = buildTabel(result);
    const { charts } = chartsOf(new Package(output));
    expect(charts.map((c) => /<a:t>([^<]*)<\/a:t>/.exec(c.xml)![1])).toEqual([
      "Capaian Kinerja per Indikator",
      "Rata-rata Capaian per Sasaran",
      "Serapan Anggaran per Kelompok Belanja",
    ]);
    charts.forEach((c, i) => {
      const a = plan.charts![i].anchor;
      expect(c.from).toEqual([a.left - 1, a.top - 1]);
      expect(c.to).toEqual([a.right, a.bottom]);
    });
  });

  test("the series refer to cells of 'Tabel LKjIP' that hold the plan's figures, one category per indicator, sasaran, kelompok", async () => {
    const { charts } = chartsOf(new Package(output));
    const sheet = (await excelRead(output)).getWorksheet(TABEL_SHEET)!;
    const figures = [
      {
        labels: result.indicators.map((x) => x.indikator),
        series: [
          ["bar", "Capaian (%)", result.indicators.map((x) => x.capaian)],
          ["line", "Target 100 %", result.indicators.map(() => 100)],
        ],
      },
      {
        labels: result.sasaran.map((s) => s.nama),
        series: [["bar", "Rata-rata capaian (%)", result.sasaran.map((s) => s.rataRata)]],
      },
      {
        labels: result.budget!.groups.map((k) => k.nama),
        series: [["bar", "Serapan (%)", result.budget!.groups.map((k) => k.serapan)]],
      },
    ];
    expect(result.indicators).toHaveLength(3);
    expect(result.sasaran).toHaveLength(2);
    expect(result.budget!.groups).toHaveLength(2);
    charts.forEach((chart, i) => {
      const want = figures[i];
      const series = seriesOf(chart.xml);
      expect(series.map((s) => [s.kind, s.name])).toEqual(want.series.map(([k, n]) => [k, n]));
      series.forEach((s, k) => {
        const categories = cellsOfReference(s.categories);
        const values = cellsOfReference(s.values);
        expect([categories.sheet, values.sheet]).toEqual([TABEL_SHEET, TABEL_SHEET]);
        expect(categories.cells).toHaveLength(want.labels.length);
        expect(s.categoryCount).toBe(want.labels.length);
        expect(values.cells).toHaveLength(want.labels.length);
        // The category cells hold the labels (numbered for indicators and sasaran), as cached.
        const labels = categories.cells.map((a) => String(sheet.getCell(a).value));
        expect(labels).toEqual(s.categoryCache);
        labels.forEach((l, j) => expect(l).toContain(want.labels[j]));
        // The value cells hold the figures, as cached.
        const numbers = values.cells.map((a) => sheet.getCell(a).value);
        expect(numbers).toEqual(want.series[k][2]);
        expect(s.valueCache).toEqual(numbers);
      });
    });
  });

  test("a second run replaces the charts: still one drawing and three charts, nothing orphaned, the same file", () => {
    const pkg = new Package(second);
    const drawings = [...pkg.parts.keys()].filter((n) => /^xl\/drawings\/[^/]*\.xml$/.test(n));
    const charts = [...pkg.parts.keys()].filter((n) => /^xl\/charts\/[^/]*\.xml$/.test(n));
    expect(drawings).toEqual(["xl/drawings/drawing1.xml"]);
    expect(charts.sort()).toEqual([1, 2, 3].map((n) => `xl/charts/chart${n}.xml`));
    const targets = pkg.targets();
    for (const part of [...drawings, ...charts])
      expect([part, targets.has(part)]).toEqual([part, true]);
    const names = pkg.overrides().map(([n]) => n.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(Buffer.from(second).equals(Buffer.from(output))).toBe(true);
  });

  test("charts Excel re-saved with style and colour parts go with the sheet they were on", async () => {
    // What Excel adds when it saves the result: a chart style and colours per chart.
    const zip = await JSZip.loadAsync(output);
    let types = await zip.file("[Content_Types].xml")!.async("string");
    for (const n of [1, 2, 3]) {
      zip.file(
        `xl/charts/style${n}.xml`,
        `<cs:chartStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" id="201"/>`
      );
      zip.file(
        `xl/charts/colors${n}.xml`,
        `<cs:colorStyle xmlns:cs="http://schemas.microsoft.com/office/drawing/2012/chartStyle" meth="cycle" id="10"/>`
      );
      zip.file(
        `xl/charts/_rels/chart${n}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.microsoft.com/office/2011/relationships/chartColorStyle" Target="colors${n}.xml"/><Relationship Id="rId1" Type="http://schemas.microsoft.com/office/2011/relationships/chartStyle" Target="style${n}.xml"/></Relationships>`
      );
      types = types.replace(
        "</Types>",
        `<Override PartName="/xl/charts/style${n}.xml" ContentType="application/vnd.ms-office.chartstyle+xml"/><Override PartName="/xl/charts/colors${n}.xml" ContentType="application/vnd.ms-office.chartcolorstyle+xml"/></Types>`
      );
    }
    zip.file("[Content_Types].xml", types);
    const resaved = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(new Package(resaved).parts.has("xl/charts/style1.xml")).toBe(true);
    const { output: again } = await withTabel(resaved);
    const pkg = new Package(again);
    expect([...pkg.parts.keys()].filter((n) => n.startsWith("xl/charts/")).sort()).toEqual(
      [1, 2, 3].map((n) => `xl/charts/chart${n}.xml`)
    );
    expect(pkg.text("[Content_Types].xml")).not.toMatch(/chartstyle|chartcolorstyle/);
    expect(pkg.overrides().filter(([, t]) => t === CHART_TYPE)).toHaveLength(3);
  });
});

describe("charts beside what a workbook already has", () => {
  test("a workbook with its own chart keeps it byte for byte; ours take the next free names", async () => {
    const input = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "fitur", "grafik.xlsx")));
    const { output } = await withTabel(input);
    const before = new Package(input);
    const pkg = new Package(output);
    for (const name of [
      "xl/charts/chart1.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/_rels/drawing1.xml.rels",
    ])
      expect([
        name,
        Buffer.from(pkg.parts.get(name)!).equals(Buffer.from(before.parts.get(name)!)),
      ]).toEqual([name, true]);
    const { drawing, charts } = chartsOf(pkg);
    expect(drawing).toBe("xl/drawings/drawing2.xml");
    expect(charts.map((c) => c.part)).toEqual([2, 3, 4].map((n) => `xl/charts/chart${n}.xml`));
  });

  test("a strict workbook gets charts in strict namespaces and relationship types", async () => {
    const input = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "bentuk", "strict.xlsx")));
    const { output } = await withTabel(input);
    const pkg = new Package(output);
    const sheet = /<sheet name="Tabel LKjIP"[^>]*r:id="([^"]+)"/.exec(pkg.text("xl/workbook.xml"))!;
    const sheetPart = pkg.rels("xl/workbook.xml").find((r) => r.id === sheet[1])!.target;
    const [toDrawing] = pkg.rels(sheetPart);
    expect(toDrawing.type).toBe("http://purl.oclc.org/ooxml/officeDocument/relationships/drawing");
    expect(pkg.text(toDrawing.target)).toContain(
      'xmlns:xdr="http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing"'
    );
    const toCharts = pkg.rels(toDrawing.target);
    expect(toCharts.map((r) => r.type)).toEqual(
      Array(3).fill("http://purl.oclc.org/ooxml/officeDocument/relationships/chart")
    );
    for (const r of toCharts)
      expect(pkg.text(r.target)).toContain('xmlns:c="http://purl.oclc.org/ooxml/drawingml/chart"');
  });
});

/** The pixels of a binary PPM (P6) image near a colour. */
function pixelsNear(ppm: Buffer, [r, g, b]: number[], tolerance = 24): number {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString("latin1"))!;
  let count = 0;
  for (let i = header[0].length; i + 2 < ppm.length; i += 3)
    if (
      Math.abs(ppm[i] - r) <= tolerance &&
      Math.abs(ppm[i + 1] - g) <= tolerance &&
      Math.abs(ppm[i + 2] - b) <= tolerance
    )
      count++;
  return count;
}

/**
 * Bars as a person counts them: on each pixel row, the runs of the bars' colour at least `minWidth`
 * pixels wide; rows with bars form bands (one per chart), and a band's bars are its widest count.
 */
function barsPerChart(ppm: Buffer, [r, g, b]: number[], minWidth = 15, tolerance = 24): number[] {
  const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 50).toString("latin1"))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const bands: number[] = [];
  let inBand = false;
  for (let y = 0; y < height; y++) {
    let runs = 0;
    let run = 0;
    for (let x = 0; x <= width; x++) {
      const i = start + (y * width + x) * 3;
      const near =
        x < width &&
        Math.abs(ppm[i] - r) <= tolerance &&
        Math.abs(ppm[i + 1] - g) <= tolerance &&
        Math.abs(ppm[i + 2] - b) <= tolerance;
      if (near) run++;
      else {
        if (run >= minWidth) runs++;
        run = 0;
      }
    }
    if (runs > 0 && !inBand) bands.push(0);
    if (runs > 0) bands[bands.length - 1] = Math.max(bands[bands.length - 1], runs);
    inBand = runs > 0;
  }
  return bands;
}

describe("the charts as LibreOffice draws them (headless, to PDF)", () => {
  jest.setTimeout(180_000);
  let text = "";
  let page = 0; // the charts' page (0: not found)
  let ppm = Buffer.alloc(0);

  beforeAll(async () => {
    const session = await XlsxSession.open(fs.readFileSync(SAMPLE));
    const { result } = await hitung(session, {});
    // The Tabel alone in a workbook with one empty sheet (which prints no page), as the command writes it.
    const alone = await XlsxSession.open(
      await workbookFromSpecs([{ sheet: "Kosong", top: 1, columns: {} }])
    );
    await alone.apply({ writes: [], sheets: [buildTabel(result).plan] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-grafik-"));
    const xlsx = path.join(dir, "tabel-lkjip.xlsx");
    fs.writeFileSync(xlsx, await alone.save());
    const locale = { LC_ALL: "id_ID.UTF-8", LANG: "id_ID.UTF-8" };
    const pdf = pdfOf(xlsx, locale);
    text = run("pdftotext", ["-layout", pdf, "-"]).replace(/[ \t]+/g, " ");
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(run("pdfinfo", [pdf]))![1]);
    for (let p = pages; p >= 1 && !page; p--)
      if (
        run("pdftotext", ["-f", `${p}`, "-l", `${p}`, pdf, "-"]).includes(
          "Capaian Kinerja per Indikator"
        )
      )
        page = p;
    ppm = fs.readFileSync(pageImage(pdf, path.join(dir, "grafik"), 40, { page, png: false }));
    fs.mkdirSync(OUTPUT, { recursive: true });
    pageImage(pdf, path.join(OUTPUT, "tabel-lkjip"), 100, { page });
  });

  test("the three chart titles and the 100 % line's legend are in the PDF's text", () => {
    expect(text).toContain("Capaian Kinerja per Indikator");
    expect(text).toContain("Rata-rata Capaian per Sasaran");
    expect(text).toContain("Serapan Anggaran per Kelompok Belanja");
    expect(text).toContain("Target 100 %");
  });

  test("the bars are drawn (the columns' blue) with the 100 % line (red) on the charts' page", () => {
    expect(page).toBeGreaterThan(0);
    expect(pixelsNear(ppm, [0x44, 0x72, 0xc4])).toBeGreaterThan(1000);
    expect(pixelsNear(ppm, [0xc0, 0x00, 0x00], 40)).toBeGreaterThan(10);
    // As a person counts them: 3 indicators, 2 sasaran, 2 kelompok belanja.
    expect(barsPerChart(ppm, [0x44, 0x72, 0xc4])).toEqual([3, 2, 2]);
  });

  test("a PNG of the charts' page is left for a person to look at", () => {
    expect(fs.statSync(path.join(OUTPUT, "tabel-lkjip.png")).size).toBeGreaterThan(10_000);
  });
});
