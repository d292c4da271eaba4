import { spawnSync } from "child_process";
import crypto from "crypto";
import fs from "fs";
import os from "os";
import path from "path";
import { main } from "../../src/cli/main";
import { ReportSchema } from "../../src/core/report";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { perjanjianKinerja } from "../../src/sample/seed";
import { excelRead } from "../xlsx/read-back";
import { CORPUS } from "../fixtures/corpus";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "contoh", "lkjip-2020-bkpp-semarang.xlsx");
const FIXTURES = path.join(ROOT, "test", "fixtures");

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    stderrIsTTY: false,
  });
  return { code, stdout: out.join("\n"), stderr: err.join("\n") };
}

const hash = (file: string) =>
  crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("capaian hitung on the bundled sample (the seed's tables)", () => {
  test("writes OUT with the Lembar and a report with the engine issue's figures; IN untouched", async () => {
    const before = hash(SAMPLE);
    const out = path.join(dir, "hasil.xlsx");
    const json = path.join(dir, "laporan.json");
    const run = await cli("hitung", SAMPLE, "--out", out, "--json", json, "--lembar");
    expect(run.code).toBe(0);
    expect(hash(SAMPLE)).toBe(before);
    const report = ReportSchema.parse(JSON.parse(fs.readFileSync(json, "utf8")));
    expect(report.indikator.map((x) => x.capaian)).toEqual([102.95, 100.34, 100]);
    expect(report.sasaran.map((s) => [s.rataRata, s.jumlahIndikator])).toEqual([
      [102.95, 1],
      [100.17, 2],
    ]);
    expect(report.rataRataTotal).toBe(101.56);
    expect(report.anggaran!.total).toEqual({
      anggaran: 19583587447,
      realisasi: 18944580927,
      serapan: 96.74,
      sisa: 639006520,
    });
    expect(report.anggaran!.kelompok.map((k) => [k.nama, k.serapan, k.sisa])).toEqual([
      ["Belanja Tidak Langsung", 94.81, 616546039],
      ["Belanja Langsung", 99.71, 22460481],
    ]);
    expect(report.anggaran!.silpa).toBe(639006520);
    expect(
      report.temuan.filter((t) => t.kode === "ANGKA_LAPORAN_BERBEDA").map((t) => t.sel)
    ).toEqual(["'PK 2020'!H7", "'PK 2020'!I7", "'PK 2020'!I8", "'PK 2020'!I11"]);
    expect(run.stdout).toContain("Total rata-rata capaian sasaran: 101,56 (Sangat Tinggi)");
    expect(run.stderr).toMatch(
      /^PERINGATAN {2}'PK 2020'!I8 {2}Sel 'PK 2020'!I8 memuat rata-rata capaian sasaran 2: 100,56/m
    );

    const result = await excelRead(fs.readFileSync(out));
    expect(result.getWorksheet("Lembar Pengukuran")!.getCell(13, 8).value).toBe(101.56);
    expect(result.getWorksheet("PK 2020")!.getCell(8, 9).value).toBe(100.17);
  });

  test("--lembar-kerja Program computes the nine programme indicators, disiplin as negatif: 162,5", async () => {
    const run = await cli("hitung", SAMPLE, "--lembar-kerja", "program", "--json", "-");
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.indikator.map((x: { capaian: number }) => x.capaian)).toEqual([
      100.34, 102.95, 102.04, 102.04, 162.5, 100, 100, 100, 100,
    ]);
    expect(report.indikator[4]).toMatchObject({ arah: "negatif", sel: "Program!D9" });
    expect(run.stderr).toContain("Total rata-rata capaian sasaran");
  });

  test("settings and sign-off from flags", async () => {
    const run = await cli(
      "hitung",
      SAMPLE,
      "--json",
      "-",
      "--desimal",
      "3",
      "--pembulatan",
      "potong",
      "--batas-atas",
      "101"
    );
    const report = JSON.parse(run.stdout);
    expect(report.indikator[0].capaian).toBe(102.948);
    expect(report.sasaran[0].rataRata).toBe(101);
    const bad = await cli("hitung", SAMPLE, "--pembulatan", "ke-bawah");
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("setengah-ke-atas, potong");
  });
});

describe("the rest of Bab III: --tabel and --laporan", () => {
  test("--tabel adds the Tabel LKjIP sheet; --laporan writes the Draf BAB III with the sample's figures", async () => {
    const out = path.join(dir, "hasil.xlsx");
    const draf = path.join(dir, "draf.docx");
    const run = await cli("hitung", SAMPLE, "--out", out, "--tabel", "--laporan", draf);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("dengan Tabel LKjIP");
    expect(run.stdout).toContain(`Draf BAB III ditulis ke ${draf}`);
    const book = await excelRead(fs.readFileSync(out));
    const tabel = book.getWorksheet("Tabel LKjIP")!;
    expect(tabel.getCell(4, 1).value).toBe("Tabel 3.1");
    // The sample's RealisasiLalu (Tabel 3.1's last column) is on the sheet.
    const texts: unknown[] = [];
    tabel.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
    expect(texts).toEqual(expect.arrayContaining([80.3, 80.9, "Data grafik (dari tabel di atas)"]));
    const { unzipSync, strFromU8 } = await import("fflate");
    const document = strFromU8(unzipSync(fs.readFileSync(draf))["word/document.xml"]);
    expect(document).toContain("BAB III AKUNTABILITAS KINERJA");
    expect(document).toContain("101,56");
    expect(document).toContain("Sembilan Belas Miliar Lima Ratus Delapan Puluh Tiga Juta");
  });

  test("no draft while an error stands; a draft is a .docx; one workbook at a time", async () => {
    const broken = path.join(FIXTURES, "target-nol.xlsx");
    const draf = path.join(dir, "draf.docx");
    const blocked = await cli("hitung", broken, "--laporan", draf);
    expect(blocked.code).toBe(1);
    expect(blocked.stderr).toContain("Draf BAB III juga tidak ditulis");
    expect(fs.existsSync(draf)).toBe(false);
    const pdf = await cli("hitung", SAMPLE, "--laporan", path.join(dir, "draf.pdf"));
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain("beri akhiran .docx");
    const many = await cli("hitung", SAMPLE, SAMPLE, "--out-dir", dir, "--laporan", draf);
    expect(many.code).toBe(2);
    expect(many.stderr).toContain("ditulis per buku kerja");
  });
});

describe("exit codes and refusals", () => {
  test("an error finding: exit 1, no OUT, the report still written, findings on stderr", async () => {
    const input = path.join(dir, "salah.xlsx");
    const spec = perjanjianKinerja();
    spec.columns.Target.values[1] = null;
    fs.writeFileSync(input, await workbookFromSpecs([spec]));
    const out = path.join(dir, "hasil.xlsx");
    const json = path.join(dir, "laporan.json");
    const run = await cli("hitung", input, "--out", out, "--json", json);
    expect(run.code).toBe(1);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).filter((f) => f.includes(".tmp"))).toEqual([]);
    expect(JSON.parse(fs.readFileSync(json, "utf8")).temuan[0]).toMatchObject({
      tingkat: "galat",
      kode: "TARGET_KOSONG",
      sel: "'PK 2020'!E8",
    });
    expect(run.stderr).toContain("GALAT       'PK 2020'!E8  Target di sel 'PK 2020'!E8 kosong.");
    expect(run.stderr).toContain("Tidak ada yang ditulis");
  });

  test.each([
    [[], "Sebutkan perintahnya"],
    [["hapus", "a.xlsx"], 'Perintah "hapus" tidak dikenal'],
    [["hitung"], "Sebutkan buku kerja"],
    [["hitung", "a.xlsx", "--apa"], "--apa tidak dikenal"],
    [["hitung", "a.xlsx", "b.xlsx", "--out", "c.xlsx"], "--out-dir"],
    [["hitung", "tidak-ada.xlsx"], "tidak ditemukan"],
  ])("usage %j: exit 2 with a sentence", async (argv, words) => {
    const run = await cli(...argv);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(words);
    expect(run.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
  });

  test("OUT may not be IN", async () => {
    const run = await cli("hitung", SAMPLE, "--out", SAMPLE);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("tidak boleh sama");
  });

  test("a file over the size cap is refused before it is opened", async () => {
    const big = path.join(dir, "besar.xlsx");
    fs.writeFileSync(big, fs.readFileSync(SAMPLE));
    fs.truncateSync(big, 51 * 1024 * 1024);
    const run = await cli("hitung", big);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("lebih besar dari batas 50 MB");
  });

  test("--help in Bahasa Indonesia", async () => {
    const run = await cli("--help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Kode keluar: 0 hasil ditulis");
  });
});

describe("the bad-input corpus in test/fixtures/", () => {
  test("has at least twelve workbooks", () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(12);
    for (const entry of CORPUS) expect(fs.existsSync(path.join(FIXTURES, entry.file))).toBe(true);
  });
  test.each(CORPUS.map((e) => [e.file, e]))("%s", async (_file, entry) => {
    const before = hash(path.join(FIXTURES, entry.file));
    const run = await cli(
      "hitung",
      path.join(FIXTURES, entry.file),
      "--json",
      "-",
      "--out",
      path.join(dir, "hasil.xlsx")
    );
    expect([entry.file, run.code]).toEqual([entry.file, entry.exit]);
    if (entry.exit === 2) {
      expect(run.stderr).toContain(entry.says!);
      expect(run.stdout).toBe("");
      expect(run.stderr).not.toMatch(/\bat .*\(.*:\d+:\d+\)/);
      expect(fs.existsSync(path.join(dir, "hasil.xlsx"))).toBe(false);
      expect(hash(path.join(FIXTURES, entry.file))).toBe(before);
      return;
    }
    const report = JSON.parse(run.stdout);
    const found = report.temuan.map((t: { kode: string; sel: string | null }) => ({
      kode: t.kode,
      sel: t.sel,
    }));
    for (const expected of entry.findings!) expect(found).toContainEqual(expected);
    expect(fs.existsSync(path.join(dir, "hasil.xlsx"))).toBe(entry.exit === 0);
  });
});

describe("batch over several workbooks", () => {
  test("one result and report per input, a summary table, the worst exit code", async () => {
    const outDir = path.join(dir, "hasil");
    const inputs = [
      SAMPLE,
      path.join(FIXTURES, "target-nol.xlsx"),
      path.join(FIXTURES, "bukan-excel.xlsx"),
    ];
    const run = await cli("hitung", ...inputs, "--out-dir", outDir, "--lembar");
    expect(run.code).toBe(2);
    expect(fs.readdirSync(outDir).sort()).toEqual([
      "lkjip-2020-bkpp-semarang-hasil.xlsx",
      "lkjip-2020-bkpp-semarang-laporan.json",
      "target-nol-laporan.json",
    ]);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toMatch(/^Berkas\s+Indikator\s+Rata-rata\s+Galat\s+Peringatan\s+Status$/);
    expect(lines[1]).toMatch(/^lkjip-2020-bkpp-semarang\.xlsx\s+3\s+101,56\s+0\s+6\s+ditulis$/);
    expect(lines[2]).toMatch(
      /^target-nol\.xlsx\s+3\s+\S+\s+1\s+\d+\s+tidak ditulis \(ada galat\)$/
    );
    expect(lines[3]).toMatch(/^bukan-excel\.xlsx\s+-\s+-\s+-\s+-\s+tidak terbaca$/);
    expect(run.stderr).toContain("target-nol.xlsx: GALAT");
  });

  test("a workbook not set up yet is counted as such, not as errors, and still exits 1", async () => {
    const run = await cli("hitung", SAMPLE, path.join(FIXTURES, "kosong.xlsx"));
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[2]).toMatch(/^kosong\.xlsx\s+0\s+-\s+-\s+-\s+belum disiapkan$/);
    expect(run.stderr).toContain("kosong.xlsx: belum disiapkan");
    expect(run.stderr).not.toContain("GALAT");
  });
});

describe("files other than a plain .xlsx", () => {
  test("a workbook encrypted with Excel's default key is read, and the user is told the result is not", async () => {
    const out = path.join(dir, "hasil.xlsx");
    const run = await cli("hitung", path.join(FIXTURES, "kunci-bawaan.xlsx"), "--out", out);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Total rata-rata capaian sasaran: 101,56");
    expect(run.stdout).toContain("terenkripsi dengan kunci bawaan Excel");
    const result = await excelRead(fs.readFileSync(out));
    expect(result.getWorksheet("PK 2020")!.getCell("H7").value).toBe(102.95);
  });

  test("a workbook with macros keeps .xlsm: --out must say so, a batch names it so", async () => {
    const macro = path.join(FIXTURES, "fitur", "makro.xlsm");
    const wrong = await cli("hitung", macro, "--out", path.join(dir, "hasil.xlsx"));
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain(
      "adalah buku kerja bermakro (.xlsm): simpan hasilnya dengan akhiran .xlsm"
    );
    expect(fs.existsSync(path.join(dir, "hasil.xlsx"))).toBe(false);
    const batch = await cli("hitung", macro, SAMPLE, "--out-dir", dir);
    expect(batch.code).toBe(0);
    expect(fs.readdirSync(dir)).toContain("makro-hasil.xlsm");
  });
});

describe("a workbook without the contract's names", () => {
  test("gets one message: not set up yet, the names it needs, how to define them", async () => {
    const run = await cli(
      "hitung",
      path.join(FIXTURES, "kosong.xlsx"),
      "--out",
      path.join(dir, "x.xlsx")
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^Buku kerja ini belum disiapkan/);
    expect(run.stderr).toContain('"Target" dan "Realisasi"');
    expect(run.stderr).toContain('"Anggaran" dan "RealisasiAnggaran"');
    expect(run.stderr).toContain("Rumus › Manajer Nama");
    expect(run.stderr).toContain("add-in Capaian Kinerja di Excel, tombol Siapkan Nama");
    expect(run.stderr).not.toContain("GALAT");
    expect(run.stdout).toBe("");
    expect(fs.existsSync(path.join(dir, "x.xlsx"))).toBe(false);
  });
});

describe("the installed command", () => {
  test("bin/capaian.js runs the built CLI (npm install builds it)", async () => {
    const build = spawnSync("npm", ["run", "build:cli", "--silent"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    expect(build.status).toBe(0);
    const help = spawnSync(process.execPath, [path.join(ROOT, "bin", "capaian.js"), "--help"], {
      encoding: "utf8",
    });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("capaian hitung MASUK.xlsx");
    const bad = spawnSync(
      process.execPath,
      [path.join(ROOT, "bin", "capaian.js"), "hitung", path.join(FIXTURES, "berkata-sandi.xlsx")],
      { encoding: "utf8" }
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("dilindungi kata sandi");
    // The bundled command runs the whole job.
    const out = path.join(dir, "hasil.xlsx");
    const run = spawnSync(
      process.execPath,
      [
        path.join(ROOT, "bin", "capaian.js"),
        "hitung",
        SAMPLE,
        "--out",
        out,
        "--json",
        "-",
        "--lembar",
      ],
      { encoding: "utf8" }
    );
    expect(run.status).toBe(0);
    expect(ReportSchema.parse(JSON.parse(run.stdout)).rataRataTotal).toBe(101.56);
    const result = await excelRead(fs.readFileSync(out));
    expect(result.getWorksheet("Lembar Pengukuran")!.getCell(13, 8).value).toBe(101.56);
  });
});

describe("option errors read as sentences", () => {
  test("an option without its value", async () => {
    const run = await cli("hitung", SAMPLE, "--out");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("Pilihan --out perlu diisi");
  });
});
