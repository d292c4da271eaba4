/** The pieces of the .xlsx package code, each on its own: zip, formulas, shared strings, styles. */
import JSZip from "jszip";
import { inflateRawSync } from "zlib";
import { generatedSpecs } from "../../bench/generate";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { hitung } from "../../src/app/hitung";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { perjanjianKinerja } from "../../src/sample/seed";
import { shiftFormula } from "../../src/workbook/xlsx/formula-shift";
import { asUtf8, OpcPackage, utf8 } from "../../src/workbook/xlsx/opc";
import { SharedStrings } from "../../src/workbook/xlsx/shared-strings";
import { StyleBook } from "../../src/workbook/xlsx/styles";
import { WorkbookPart } from "../../src/workbook/xlsx/workbook-parts";
import { XlsxSession } from "../../src/workbook/xlsx/xlsx-session";
import { inflateEntry, readZip, writeZip, ZipError } from "../../src/workbook/xlsx/zip";
import { partsOf, partText } from "./read-back";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe("the zip container", () => {
  test("entries written with data descriptors are copied whole, and read back by another reader", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a>satu</a>");
    zip.file("b/c.xml", "<c>" + "dua ".repeat(1000) + "</c>");
    const input = await zip.generateAsync({
      type: "uint8array",
      compression: "DEFLATE",
      streamFiles: true, // local headers without sizes, a data descriptor after each entry
    });
    const archive = readZip(input);
    const entry = (name: string) => archive.entries.find((e) => e.name === name)!;
    expect(entry("a.xml").flags & 8 && entry("b/c.xml").flags & 8).toBeTruthy();
    const out = writeZip(archive, [
      { copy: entry("b/c.xml") },
      { name: "baru.xml", data: utf8("<baru/>") },
      { copy: entry("a.xml") },
    ]);
    const again = await JSZip.loadAsync(out);
    expect(Object.keys(again.files)).toEqual(["b/c.xml", "baru.xml", "a.xml"]);
    expect(await again.file("a.xml")!.async("string")).toBe("<a>satu</a>");
    expect(await again.file("b/c.xml")!.async("string")).toContain("dua dua");
    expect(await again.file("baru.xml")!.async("string")).toBe("<baru/>");
    // the copied entries' bytes, local header to data descriptor, are the input's
    const slice = (bytes: Uint8Array, name: string) => {
      const a = readZip(bytes);
      const e = a.entries.find((x) => x.name === name)!;
      const v = new DataView(bytes.buffer, bytes.byteOffset);
      const header = 30 + v.getUint16(e.offset + 26, true) + v.getUint16(e.offset + 28, true);
      return bytes.subarray(e.offset, e.offset + header + e.compressedSize + 16);
    };
    expect(Buffer.from(slice(out, "a.xml")).equals(Buffer.from(slice(input, "a.xml")))).toBe(true);
  });

  test("an entry whose stream does not match its directory is refused, not guessed", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a>" + "x".repeat(100) + "</a>");
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const archive = readZip(bytes);
    archive.entries[0].size += 1;
    expect(() => inflateEntry(archive, archive.entries[0])).toThrow(ZipError);
  });

  test("sizes and offsets in a zip64 extra field are read", async () => {
    const zip = new JSZip();
    zip.file("a.xml", "<a/>");
    const plain = await zip.generateAsync({ type: "uint8array" });
    // The central record rewritten as zip64 writers do: 0xFFFFFFFF, the values in extra field 1.
    const { entries } = readZip(plain);
    const e = entries[0];
    const view = new DataView(plain.buffer, plain.byteOffset);
    const central = view.getUint32(plain.length - 22 + 16, true);
    const extra = new Uint8Array(4 + 24);
    const ev = new DataView(extra.buffer);
    ev.setUint16(0, 1, true);
    ev.setUint16(2, 24, true);
    ev.setBigUint64(4, BigInt(e.size), true);
    ev.setBigUint64(12, BigInt(e.compressedSize), true);
    ev.setBigUint64(20, BigInt(e.offset), true);
    const record = plain.slice(central, central + 46 + e.name.length);
    const rv = new DataView(record.buffer);
    rv.setUint32(20, 0xffffffff, true);
    rv.setUint32(24, 0xffffffff, true);
    rv.setUint32(42, 0xffffffff, true);
    rv.setUint16(30, extra.length, true);
    const end = plain.slice(plain.length - 22);
    new DataView(end.buffer).setUint32(12, record.length + extra.length, true);
    const bytes = new Uint8Array([...plain.subarray(0, central), ...record, ...extra, ...end]);
    const archive = readZip(bytes);
    expect(archive.entries[0]).toMatchObject({ size: e.size, compressedSize: e.compressedSize });
    expect(text(inflateEntry(archive, archive.entries[0]))).toBe("<a/>");
    const copy = await JSZip.loadAsync(writeZip(archive, [{ copy: archive.entries[0] }]));
    expect(await copy.file("a.xml")!.async("string")).toBe("<a/>");
  });
});

describe("shared formulas moved from cell to cell", () => {
  test.each([
    ["F7/E7*100", 3, 0, "F10/E10*100"],
    ["$F$7/E$7*100", 3, 1, "$F$7/F$7*100"],
    ["SUM(A1:B2)", 1, 1, "SUM(B2:C3)"],
    ["SUM(A:A)+SUM(1:1)", 2, 2, "SUM(C:C)+SUM(3:3)"],
    ["'PK 2020'!E7+Sheet2!$A1", 1, 0, "'PK 2020'!E8+Sheet2!$A2"],
    ['IF(A1="B2",LOG10(C3),0)', 1, 0, 'IF(A2="B2",LOG10(C4),0)'],
    ["Tabel1[[#This Row],[Nilai]]*A1", 1, 0, "Tabel1[[#This Row],[Nilai]]*A2"],
    ["A1-B1", -1, 0, "#REF!-#REF!"],
    ["XFD1+1", 0, 1, "#REF!+1"],
  ])("%s shifted by %d rows, %d columns: %s", (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});

describe("the shared strings table", () => {
  const table = (items: string) =>
    new SharedStrings(
      utf8(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${items}</sst>`),
      "xl/sharedStrings.xml"
    );

  test("plain, rich and phonetic items, escapes and empty items read as Excel shows them", () => {
    const sst = table(
      [
        "<si><t>Indeks &amp; Kepuasan</t></si>",
        '<si><t xml:space="preserve"> spasi </t></si>',
        "<si><t>Target</t><r><rPr><b/></rPr><t> 2020</t></r></si>",
        "<si><r><t>Rea</t></r><r><t>lisasi</t></r></si>",
        '<si><t>漢字</t><rPh sb="0" eb="2"><t>かんじ</t></rPh><phoneticPr fontId="1"/></si>',
        "<si><t>baris_x000D_\r\nbaru _x005F_x0041_</t></si>",
        "<si/>",
        "<si><t><![CDATA[<b>]]></t></si>",
      ].join("")
    );
    expect(sst.size).toBe(8);
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((i) => sst.get(i))).toEqual([
      "Indeks & Kepuasan",
      " spasi ",
      "Target 2020",
      "Realisasi",
      "漢字",
      "baris\r\nbaru _x0041_",
      "",
      "<b>",
    ]);
    expect(sst.get(8)).toBeUndefined();
    expect(sst.get(-1)).toBeUndefined();
  });

  test("an all-ASCII table (its strings slices of one text once many are read) reads as one holding other characters", () => {
    // Past the first few hundred strings read, an ASCII part is decoded whole and sliced.
    const items = [
      ...Array.from({ length: 300 }, (_, i) => `<si><t>Sasaran ${i}</t></si>`),
      "<si><t>Indeks &amp; Kepuasan</t></si>",
      "<si><t>Target</t><r><t> 2020</t></r></si>",
      "<si><t>baris\r\nbaru</t></si>",
      "<si/>",
    ];
    const ascii = table(items.join(""));
    const other = table(`${items.join("")}<si><t>Capaian ≥ 100 %</t></si>`);
    const bom = new SharedStrings(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`<sst>${items.join("")}</sst>`)]),
      "xl/sharedStrings.xml"
    );
    const read = (sst: SharedStrings) => items.map((_, i) => sst.get(i));
    expect(read(ascii).slice(298)).toEqual([
      "Sasaran 298",
      "Sasaran 299",
      "Indeks & Kepuasan",
      "Target 2020",
      "baris\nbaru",
      "",
    ]);
    expect(read(other)).toEqual(read(ascii));
    expect(read(bom)).toEqual(read(ascii));
    expect(other.get(items.length)).toBe("Capaian ≥ 100 %");
  });
});

describe("the command's codec", () => {
  test("Node's inflate gives a part of exactly the size the zip directory announced, else refuses", () => {
    const part = new Uint8Array(300_000).map((_, i) => 48 + ((i * 7) % 10));
    const packed = NODE_CODEC.deflate(part);
    expect(Buffer.from(NODE_CODEC.inflate(packed, part.length))).toEqual(Buffer.from(part));
    expect(() => NODE_CODEC.inflate(packed, part.length - 1)).toThrow(); // expands past it
    expect(() => NODE_CODEC.inflate(packed, part.length + 1)).toThrow(); // ends short of it
    expect(NODE_CODEC.inflate(NODE_CODEC.deflate(new Uint8Array(0)), 0).length).toBe(0);
  });

  test("parts deflated ahead on Node's thread pool give the same workbook as deflated at save", async () => {
    // Sheets past the 64 KB from which parts are deflated ahead (the bench's generated workbook).
    const input = await workbookFromSpecs(generatedSpecs(400, 800, 20));
    const saved = async (codec?: typeof NODE_CODEC) => {
      const session = await XlsxSession.open(input, codec);
      await hitung(session, { lembar: true, tabel: true });
      return partsOf(await session.save());
    };
    const big = new Uint8Array(200_000).map((_, i) => 65 + (i % 7));
    const ahead = await NODE_CODEC.deflateAhead!(big);
    expect(inflateRawSync(ahead)).toEqual(Buffer.from(big));
    const viaThreads = await saved(NODE_CODEC);
    expect([...viaThreads.values()].some((part) => part.length > 64 * 1024)).toBe(true);
    expect(viaThreads).toEqual(await saved());
  });
});

describe("the style table", () => {
  async function book(styles?: string) {
    const zip = await JSZip.loadAsync(await workbookFromSpecs([perjanjianKinerja()]));
    if (styles !== undefined) zip.file("xl/styles.xml", styles);
    const pkg = OpcPackage.open(await zip.generateAsync({ type: "uint8array" }));
    const workbook = new WorkbookPart(pkg, "/xl/workbook.xml");
    return { pkg, workbook, styles: StyleBook.open(pkg, workbook) };
  }

  test("a written cell's style is copied with its number format; asking again gives the same one", async () => {
    const { pkg, styles } = await book(
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font/></fonts><fills count="2"><fill/><fill/></fills><borders count="1"><border/></borders><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyFont="1"><alignment wrapText="1"/></xf></cellXfs></styleSheet>'
    );
    const s = styles.withFormat(1, "0.00");
    expect(s).toBe(2);
    expect(styles.withFormat(1, "0.00")).toBe(2);
    expect(styles.withFormat(2, "0.00")).toBe(2);
    expect(styles.formatOf(2)).toBe("0.00");
    expect(styles.withFormat(1, "0.000")).toBe(3);
    styles.flush();
    const xml = text(pkg.read("/xl/styles.xml")!);
    expect(xml).toContain(
      '<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" applyFont="1"><alignment wrapText="1"/></xf><xf numFmtId="2" fontId="0" fillId="0" borderId="0" applyFont="1" applyNumberFormat="1"><alignment wrapText="1"/></xf>'
    );
    expect(xml).toMatch(
      /^<styleSheet [^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"\/><\/numFmts><fonts/
    );
  });
});

describe("a package in UTF-16, as some .NET tools write it", () => {
  test("its parts are read, and a rewritten part is UTF-8 with a declaration that says so", async () => {
    const zip = await JSZip.loadAsync(await workbookFromSpecs([perjanjianKinerja()]));
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const utf16 = workbook.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const le = new Uint8Array(2 + utf16.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < utf16.length; i++)
      new DataView(le.buffer).setUint16(2 + i * 2, utf16.charCodeAt(i), true);
    zip.file("xl/workbook.xml", le);
    const input = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(text(asUtf8(le)).startsWith('<?xml version="1.0" encoding="UTF-8"')).toBe(true);
    const session = await XlsxSession.open(input);
    const outcome = await hitung(session, { lembar: true });
    expect(outcome.result.total).toBe(101.56);
    const out = await session.save();
    expect(partText(out, "xl/workbook.xml")).toMatch(/^<\?xml version="1.0" encoding="UTF-8"/);
    expect(partText(out, "xl/workbook.xml")).toContain('<sheet name="Lembar Pengukuran"');
    expect(partsOf(out).get("xl/worksheets/sheet1.xml")).toBeDefined();
  });
});
