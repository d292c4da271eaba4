/* global NodeJS */
import fs from "fs";
import os from "os";
import path from "path";
import { hitung } from "../../src/app/hitung";
import { buildLembar } from "../../src/core/lembar";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { XlsxSession } from "../../src/workbook/xlsx/xlsx-session";
import { pageImage, pdfOf, run } from "../libreoffice";

const ROOT = path.join(__dirname, "..", "..");
const SAMPLE = path.join(ROOT, "assets", "contoh", "lkjip-2020-bkpp-semarang.xlsx");
const OUTPUT = path.join(ROOT, "test-output");

describe("the printed Lembar (LibreOffice headless)", () => {
  jest.setTimeout(180_000);
  let text = "";
  let info = "";

  beforeAll(async () => {
    const session = await XlsxSession.open(fs.readFileSync(SAMPLE));
    const { result } = await hitung(session, { lembar: true });
    // The Lembar alone, written as the command writes it, into a workbook with one empty sheet
    // (which prints no page), so that the PDF holds exactly what the Lembar prints.
    const alone = await XlsxSession.open(
      await workbookFromSpecs([{ sheet: "Kosong", top: 1, columns: {} }])
    );
    await alone.apply({ writes: [], sheets: [buildLembar(result).plan] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-print-"));
    const xlsx = path.join(dir, "lembar-pengukuran.xlsx");
    fs.writeFileSync(xlsx, await alone.save());
    // An Indonesian locale, as an officer's machine has: 101,56 and Rp 19.583.587.447.
    const pdf = pdfOf(xlsx, { LC_ALL: "id_ID.UTF-8", LANG: "id_ID.UTF-8" });
    info = run("pdfinfo", [pdf]);
    text = run("pdftotext", ["-layout", pdf, "-"]).replace(/[ \t]+/g, " ");
    fs.mkdirSync(OUTPUT, { recursive: true });
    pageImage(pdf, path.join(OUTPUT, "lembar-seed"), 80);
    fs.copyFileSync(pdf, path.join(OUTPUT, "lembar-seed.pdf"));
  });

  test("one A4 landscape page", () => {
    expect(info).toMatch(/^Pages:\s+1$/m);
    const [, w, h] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.round(Number(w))).toBe(842);
    expect(Math.round(Number(h))).toBe(595);
  });

  test("the title, the OPD, every indicator, the averages and the total", () => {
    expect(text).toContain("LEMBAR PENGUKURAN KINERJA ORGANISASI PERANGKAT DAERAH");
    expect(text).toContain("OPD : BADAN KEPEGAWAIAN, PENDIDIKAN DAN PELATIHAN");
    expect(text).toContain("Tahun Anggaran : 2020");
    expect(text).toContain("Indeks Kepuasan Aparatur terhadap Layanan Kepegawaian");
    expect(text).toContain("Indeks Profesionalitas Aparatur Sipil Negara (ASN)");
    expect(text).toMatch(/Status Akreditasi \(sertifikasi\) lembaga Diklat Pemerintah Kota/);
    expect(text).toMatch(/Rata-rata Capaian Sasaran – 1 102,95/);
    expect(text).toMatch(/Rata-rata Capaian Sasaran – 2 100,17/);
    expect(text).toMatch(/Total Rata-rata Capaian Sasaran \(1\+2\) 101,56/);
  });

  test("the budget summary and the signature block with the NIP", () => {
    expect(text).toMatch(/Jumlah Anggaran Rp 19\.583\.587\.447/);
    expect(text).toMatch(/Jumlah Realisasi Rp 18\.944\.580\.927/);
    expect(text).toMatch(/Serapan Anggaran \(%\) 96,74/);
    expect(text).toMatch(/Sisa Anggaran \(SiLPA\) Rp 639\.006\.520/);
    expect(text).toContain("Mengetahui dan menyetujui,");
    expect(text).toContain("Dra. LITANI SATYAWATI");
    expect(text).toContain("NIP. 19640831 198503 2 008");
  });

  test("a PNG of the page is left for a person to look at", () => {
    expect(fs.statSync(path.join(OUTPUT, "lembar-seed.png")).size).toBeGreaterThan(10_000);
  });
});
