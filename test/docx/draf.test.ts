/** The Draf BAB III (CONTRACT.md §8): the document model on the seed, and the .docx it becomes. */
import { unzipSync, strFromU8 } from "fflate";
import fs from "fs";
import os from "os";
import path from "path";
import { compute } from "../../src/core/compute";
import {
  drafBabIII,
  DrafDocument,
  drafPlainText,
  formatNumberAs,
  namaDalamKalimat,
  rupiahDenganTerbilang,
} from "../../src/core/draf";
import { buildLembar } from "../../src/core/lembar";
import { tabelModels } from "../../src/core/tabel-model";
import { drafDocx } from "../../src/docx/draf-docx";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { SheetSpec, workbookOf } from "../../src/sample/table";
import { convertAll, pageImage, run } from "../libreoffice";

const OUTPUT = path.join(__dirname, "..", "..", "test-output");

function seed(
  change: (pk: SheetSpec, budget: SheetSpec) => void = () => undefined,
  withBudget = true
) {
  const pk = perjanjianKinerja();
  const budget = anggaran();
  change(pk, budget);
  return compute(withBudget ? workbookOf(pk, budget) : workbookOf(pk));
}

/** A budget of one line whose Anggaran is 37.740.651.000: the amount the seed writes wrongly in words. */
function bigBudget(): SheetSpec {
  return {
    sheet: "Anggaran",
    top: 4,
    columns: {
      Uraian: { column: 1, values: ["Belanja Langsung"] },
      Kelompok: { column: 2, values: ["Belanja Langsung"] },
      Anggaran: { column: 3, values: [37740651000], formats: ["#,##0"] },
      RealisasiAnggaran: { column: 4, values: [36510300250], formats: ["#,##0"] },
    },
    singles: { NamaOPD: [1, 2, "DINAS CONTOH"], TahunAnggaran: [2, 2, 2021] },
  };
}

/** Whitespace as one space (a PDF wraps lines; the document keeps "Rp" and "%" with their figure). */
const flat = (s: string) => s.replace(/[\s\u00a0]+/g, " ");

const headings = (doc: DrafDocument) =>
  doc.blocks.flatMap((b) => (b.type === "heading" ? [b.text] : []));
const paragraphs = (doc: DrafDocument) =>
  doc.blocks.flatMap((b) => (b.type === "paragraph" ? [b.text] : []));

describe("the draft's model on the seed", () => {
  const result = seed();
  const doc = drafBabIII(result);
  const text = drafPlainText(doc);
  const prose = paragraphs(doc).join("\n");

  test("Bab III's structure: A, B per sasaran, C with a, b, c", () => {
    expect(headings(doc)).toEqual([
      "BAB III AKUNTABILITAS KINERJA",
      "A. CAPAIAN KINERJA ORGANISASI",
      "1. Ringkasan Capaian Kinerja pada Indikator Kinerja Utama",
      "2. Ringkasan Capaian Kinerja pada Perjanjian Kinerja Tahun 2020",
      "B. EVALUASI DAN ANALISIS CAPAIAN KINERJA",
      "1. SASARAN NOMOR 1 : Peningkatan Kualitas Pelayanan Kepegawaian",
      "2. SASARAN NOMOR 2 : Peningkatan Kualitas Sumber Daya Aparatur",
      "3. Perbandingan Capaian Kinerja dengan Tahun Lalu dan Target Akhir Renstra",
      "4. Efisiensi Penggunaan Sumber Daya",
      "C. AKUNTABILITAS KEUANGAN",
      "a. Target dan Realisasi Pendapatan",
      "b. Alokasi Anggaran dan Realisasi Belanja",
      "c. Sisa Lebih Penghitungan Anggaran",
    ]);
    expect(doc.namaOPD).toBe("BADAN KEPEGAWAIAN, PENDIDIKAN DAN PELATIHAN");
    expect(doc.tahun).toBe("2020");
  });

  test("the tables are the Tabel LKjIP's own models, in the order of Bab III", () => {
    const tables = doc.blocks.flatMap((b) => (b.type === "table" ? [b.table] : []));
    expect(tables.map((t) => t.number)).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"]);
    expect(tables).toEqual(tabelModels(result));
    expect(doc.appendix.title).toBe("Lampiran: Lembar Pengukuran Kinerja");
    expect(doc.appendix.plan).toEqual(buildLembar(result).plan);
  });

  test("every figure of the seed: capaian, averages, total, serapan, rupiah", () => {
    for (const figure of [
      "102,95",
      "100,34",
      "100,00",
      "100,17",
      "101,56",
      "96,74",
      "94,81",
      "99,71",
      "Rp 19.583.587.447",
      "Rp 18.944.580.927",
      "Rp 639.006.520",
      "Rp 11.890.595.447",
      "Rp 11.274.049.408",
      "Rp 7.692.992.000",
      "Rp 7.670.531.519",
      "Rp 22.460.481",
      "Rp 18.700.000",
    ])
      expect(text).toContain(figure);
  });

  test("the standard sentences, with the figures filled in", () => {
    expect(prose).toContain(
      "Pada tahun 2020, dari 3 indikator kinerja yang diukur, Badan Kepegawaian, Pendidikan dan Pelatihan telah berhasil mencapai atau melampaui target pada 3 indikator"
    );
    expect(prose).toContain("seluruh indikator kinerja telah mencapai target");
    expect(prose).toContain(
      "Total rata-rata capaian sasaran (1+2) Badan Kepegawaian, Pendidikan dan Pelatihan pada tahun 2020 sebesar 101,56 % dengan predikat Sangat Tinggi"
    );
    expect(prose).toContain(
      'Indikator "Indeks Kepuasan Aparatur terhadap Layanan Kepegawaian" pada tahun 2020 terealisasi sebesar 80,30 dari target 78, sehingga capaian kinerjanya sebesar 102,95 % dengan predikat Sangat Tinggi'
    );
    expect(prose).toContain(
      "Dibandingkan tahun 2019 yang capaiannya sebesar 104,29 %, capaian tahun 2020 turun 1,34 poin persen menjadi 102,95 %."
    );
    expect(prose).toContain("turun 0,20 poin persen menjadi 100,34 %");
    expect(prose).toContain("tetap dibandingkan tahun 2019, yaitu sama-sama 100,00 %");
    expect(prose).toContain(
      "Rata-rata capaian Sasaran 1 pada tahun 2020 sebesar 102,95 % dengan predikat Sangat Tinggi."
    );
    expect(prose).toContain(
      "Rata-rata capaian Sasaran 2 pada tahun 2020 sebesar 100,17 % dengan predikat Sangat Tinggi."
    );
    expect(prose).toContain("capaian 2 indikator turun dan 1 indikator tetap");
  });

  test("Bab III C: each amount in figures and in words, percentages with Indonesian decimals", () => {
    expect(prose).toContain(
      "menargetkan pendapatan sebesar Rp 18.700.000,- (Delapan Belas Juta Tujuh Ratus Ribu Rupiah) dan terealisasi sebesar Rp 18.700.000,- (Delapan Belas Juta Tujuh Ratus Ribu Rupiah) atau 100,00 % dari target."
    );
    expect(prose).toContain(
      "mendapatkan anggaran sebesar Rp 19.583.587.447,- (Sembilan Belas Miliar Lima Ratus Delapan Puluh Tiga Juta Lima Ratus Delapan Puluh Tujuh Ribu Empat Ratus Empat Puluh Tujuh Rupiah)."
    );
    expect(prose).toContain(
      "terserap sebesar Rp 18.944.580.927,- (Delapan Belas Miliar Sembilan Ratus Empat Puluh Empat Juta Lima Ratus Delapan Puluh Ribu Sembilan Ratus Dua Puluh Tujuh Rupiah) atau 96,74 %, sedangkan sisa anggaran sebesar Rp 639.006.520,- (Enam Ratus Tiga Puluh Sembilan Juta Enam Ribu Lima Ratus Dua Puluh Rupiah) atau 3,26 %."
    );
    expect(prose).toContain(
      "anggaran Belanja Tidak Langsung sebesar Rp 11.890.595.447,- (Sebelas Miliar Delapan Ratus Sembilan Puluh Juta Lima Ratus Sembilan Puluh Lima Ribu Empat Ratus Empat Puluh Tujuh Rupiah) direalisasikan sebesar Rp 11.274.049.408,- (Sebelas Miliar Dua Ratus Tujuh Puluh Empat Juta Empat Puluh Sembilan Ribu Empat Ratus Delapan Rupiah) atau 94,81 %"
    );
    expect(prose).toContain(
      "Anggaran Belanja Langsung sebesar Rp 7.692.992.000,- (Tujuh Miliar Enam Ratus Sembilan Puluh Dua Juta Sembilan Ratus Sembilan Puluh Dua Ribu Rupiah) direalisasikan sebesar Rp 7.670.531.519,- (Tujuh Miliar Enam Ratus Tujuh Puluh Juta Lima Ratus Tiga Puluh Satu Ribu Lima Ratus Sembilan Belas Rupiah) atau 99,71 %, dengan sisa anggaran sebesar Rp 22.460.481,- (Dua Puluh Dua Juta Empat Ratus Enam Puluh Ribu Empat Ratus Delapan Puluh Satu Rupiah) atau 0,29 %."
    );
    expect(prose).toContain(
      "Jumlah sisa anggaran (SiLPA) Badan Kepegawaian, Pendidikan dan Pelatihan pada tahun 2020 sebesar Rp 639.006.520,- (Enam Ratus Tiga Puluh Sembilan Juta Enam Ribu Lima Ratus Dua Puluh Rupiah)."
    );
    // Every "Rp …,-" in the prose is followed by its words.
    const amounts = prose.match(/Rp [\d.]+,-(?! \()/g);
    expect(amounts).toBeNull();
  });

  test("37.740.651.000 is Tiga Puluh Tujuh Miliar, not Juta as the seed wrote it", () => {
    const big = drafBabIII(compute(workbookOf(bigBudget())));
    const words =
      "Rp 37.740.651.000,- (Tiga Puluh Tujuh Miliar Tujuh Ratus Empat Puluh Juta Enam Ratus Lima Puluh Satu Ribu Rupiah)";
    expect(paragraphs(big).join("\n")).toContain(`mendapatkan anggaran sebesar ${words}`);
    expect(drafPlainText(big)).not.toContain("Tiga Puluh Tujuh Juta");
    expect(rupiahDenganTerbilang(37740651000)).toBe(words);
    expect(rupiahDenganTerbilang(1234.5)).toBe(
      "Rp 1.234,50 (Seribu Dua Ratus Tiga Puluh Empat Rupiah Lima Puluh Sen)"
    );
  });

  test("efisiensi per sasaran and the end-of-Renstra target, when the workbook gives them", () => {
    const full = drafBabIII(
      seed((pk, budget) => {
        pk.columns.TargetAkhirRenstra = { column: 10, values: [80, ">84", 2] };
        pk.columns.RealisasiLalu = {
          column: 12,
          values: [80.3, 80.9, 2],
          formats: ["0.00", "0.00", "General"],
        };
        budget.columns.SasaranAnggaran = { column: 7, values: [1, 2] };
      })
    );
    const p = paragraphs(full).join("\n");
    expect(p).toContain(
      "Sasaran 1 (Peningkatan Kualitas Pelayanan Kepegawaian) mencapai rata-rata capaian 102,95 % dengan serapan anggaran 94,81 %; capaian melampaui serapan sebesar 8,14 poin persen, sehingga penggunaan sumber dayanya dinilai efisien."
    );
    expect(p).toContain("rata-rata capaian 100,17 % dengan serapan anggaran 99,71 %");
    expect(p).toContain("total rata-rata capaian 101,56 % dengan serapan anggaran 96,74 %");
    expect(p).toContain(
      "Terhadap target akhir periode Renstra sebesar 80, realisasi tahun 2020 telah mencapai 100,38 %, sehingga target akhir Renstra telah terlampaui."
    );
    expect(p).toContain(
      "Terhadap target akhir periode Renstra sebesar >84, realisasi tahun 2020 telah mencapai 97,95 %."
    );
    expect(p).toContain("Realisasi tahun 2019 tercatat sebesar 80,90.");
    expect(p).not.toMatch(/belum tersedia/);
  });
});

test("a sasaran whose capaian stays below its serapan is kurang efisien", () => {
  const doc = drafBabIII(
    seed((pk, budget) => {
      pk.columns.Realisasi.values = [70, 82.28, 2];
      budget.columns.SasaranAnggaran = { column: 7, values: [1, 2] };
    })
  );
  // 70 / 78 = 89,74 % against a serapan of 94,81 %.
  expect(paragraphs(doc).join("\n")).toContain(
    "mencapai rata-rata capaian 89,74 % dengan serapan anggaran 94,81 %; capaian lebih rendah 5,07 poin persen dari serapan, sehingga penggunaan sumber dayanya dinilai kurang efisien."
  );
});

describe("a missing figure is said to be not yet available, never printed as null", () => {
  const NEVER = /\b(null|NaN|undefined|Infinity)\b|\[object/;

  test("without CapaianLalu, RealisasiLalu, TargetAkhirRenstra and SasaranAnggaran", () => {
    const doc = drafBabIII(seed((pk) => delete pk.columns.CapaianLalu));
    const text = drafPlainText(doc);
    expect(text).not.toMatch(NEVER);
    const p = paragraphs(doc).join("\n");
    expect(p).toContain("Capaian tahun 2019 belum tersedia");
    expect(p).toContain("isi kolom bernama CapaianLalu");
    expect(p).toContain("Realisasi tahun 2019 belum tersedia; isi kolom bernama RealisasiLalu.");
    expect(p).toContain("isi kolom bernama TargetAkhirRenstra");
    expect(p).toContain(
      "Perbandingan capaian dengan tahun 2019 belum tersedia; isi kolom bernama CapaianLalu."
    );
    expect(text).toContain("beri nama SasaranAnggaran");
    expect(p).not.toMatch(/Dibandingkan tahun 2019 yang capaiannya/);
    // Notes are marked as remarks for the officer.
    expect(
      doc.blocks.some((b) => b.type === "paragraph" && b.note && b.text.includes("RealisasiLalu"))
    ).toBe(true);
  });

  test("an empty cell names itself; a realisation not yet known leaves the indicator unmeasured", () => {
    const doc = drafBabIII(
      seed((pk) => {
        pk.columns.CapaianLalu.values = [104.29, null, 100];
        pk.columns.Realisasi.values = [80.3, 82.28, null];
      })
    );
    const p = paragraphs(doc).join("\n");
    expect(p).not.toMatch(NEVER);
    expect(p).toContain(
      "Capaian tahun 2019 untuk indikator ini belum tersedia; isi sel 'PK 2020'!G8 pada kolom bernama CapaianLalu."
    );
    expect(p).toContain(
      "Realisasi indikator \"Status Akreditasi (sertifikasi) lembaga Diklat Pemerintah Kota Semarang\" pada tahun 2020 belum tersedia; isi sel 'PK 2020'!F9 pada kolom bernama Realisasi"
    );
    expect(p).toContain(
      "pada 2 indikator (capaian 100 % atau lebih), sedangkan 1 indikator belum dapat diukur karena realisasinya belum tersedia (isi kolom bernama Realisasi)."
    );
    expect(p).toContain("Rata-rata ini dihitung dari 1 dari 2 indikator");
  });

  test("without a budget, pendapatan, names or year: every part says what to fill in", () => {
    const doc = drafBabIII(
      seed((pk) => {
        delete pk.singles!.NamaOPD;
        delete pk.singles!.TahunAnggaran;
      }, false)
    );
    const p = paragraphs(doc).join("\n");
    expect(drafPlainText(doc)).not.toMatch(NEVER);
    expect(p).toContain(
      "Nama OPD dan tahun anggaran belum tersedia; isi sel bernama NamaOPD dan TahunAnggaran."
    );
    expect(p).toContain(
      "Target dan realisasi pendapatan belum tersedia; isi sel bernama TargetPendapatan dan RealisasiPendapatan"
    );
    expect(p).toContain(
      "Anggaran dan realisasi belanja belum tersedia; isi kolom bernama Anggaran dan RealisasiAnggaran"
    );
    expect(p).toContain("Sisa anggaran (SiLPA) belum tersedia");
    expect(p).not.toMatch(/Rp /);
  });

  test("an empty workbook gives a draft with no figure invented", () => {
    const doc = drafBabIII(compute({ activeSheet: null, names: [] }));
    const text = drafPlainText(doc);
    expect(text).not.toMatch(NEVER);
    expect(text).toContain(
      "Indikator kinerja belum tersedia; isi kolom bernama Target dan Realisasi"
    );
    expect(text).not.toMatch(/\d+,\d\d %/);
  });
});

describe("numbers as the sheet shows them", () => {
  test("Excel number formats, Indonesian style", () => {
    expect(formatNumberAs(80.3, "0.00")).toBe("80,30");
    expect(formatNumberAs(80.3, "General")).toBe("80,3");
    expect(formatNumberAs(80.3)).toBe("80,3");
    expect(formatNumberAs(1400, "General")).toBe("1400");
    expect(formatNumberAs(18700000, '"Rp "#,##0')).toBe("Rp 18.700.000");
    expect(formatNumberAs(18700000, "[$Rp-421]#,##0")).toBe("Rp18.700.000");
    expect(formatNumberAs(1234567.891, "#,##0.00")).toBe("1.234.567,89");
    expect(formatNumberAs(0.803, "0.00%")).toBe("80,30%");
    expect(formatNumberAs(-5, "0.0;(0.0)")).toBe("(5,0)");
    expect(formatNumberAs(-5, "0.0")).toBe("-5,0");
    expect(formatNumberAs(12, '0 "bulan"')).toBe("12 bulan");
    expect(formatNumberAs(44196, "dd/mm/yyyy")).toBe("31 Desember 2020");
    expect(formatNumberAs(1234.5, "0.00E+00")).toBe("1234,5");
  });

  test("an OPD name typed in capitals is written in a sentence in title case", () => {
    expect(namaDalamKalimat("BADAN KEPEGAWAIAN, PENDIDIKAN DAN PELATIHAN")).toBe(
      "Badan Kepegawaian, Pendidikan dan Pelatihan"
    );
    expect(namaDalamKalimat("DINAS PEKERJAAN UMUM KOTA SEMARANG (DPU)")).toBe(
      "Dinas Pekerjaan Umum Kota Semarang (DPU)"
    );
    expect(namaDalamKalimat("BKPP Kota Semarang")).toBe("BKPP Kota Semarang");
  });
});

// ---------------------------------------------------------------------------------------------
// The .docx through LibreOffice

/** Text runs of a WordprocessingML part, entities decoded: what Word shows, literally. */
function textOfPart(xml: string): string {
  const texts = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  return texts
    .join("")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

const NASTY_INDIKATOR = '<w:fldSimple w:instr="DATE"/> & { DATE }';
const NASTY_SASARAN = "{ DATE } Layanan & Mutu <b>\u0007";
const SASARAN_TWO = "Sasaran ]]> \"kutip\" 'tunggal'";

function nastyWorkbook() {
  return seed((pk, budget) => {
    pk.columns.Indikator.values = [NASTY_INDIKATOR, "Indeks B & C", "Akreditasi"];
    pk.columns.Sasaran.values = [NASTY_SASARAN, SASARAN_TWO, null];
    pk.singles!.NamaOPD[2] = "DINAS A & B <w:r><w:t>X</w:t></w:r>";
    pk.singles!.NamaKepala[2] = "{ PAGE } & Co";
    budget.columns.Kelompok.values = ["Belanja <Pegawai> & Barang", "Belanja Langsung"];
  });
}
describe("the .docx (LibreOffice headless)", () => {
  jest.setTimeout(300_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "capaian-draf-"));
  const files = {
    seed: path.join(dir, "draf-seed.docx"),
    big: path.join(dir, "draf-besar.docx"),
    nasty: path.join(dir, "draf-aneh.docx"),
    empty: path.join(dir, "draf-kosong.docx"),
  };
  let nastyBytes: Uint8Array;
  const pdfText: Record<string, string> = {};
  const pdfInfo: Record<string, string> = {};

  beforeAll(async () => {
    fs.writeFileSync(files.seed, await drafDocx(drafBabIII(seed())));
    fs.writeFileSync(files.big, await drafDocx(drafBabIII(compute(workbookOf(bigBudget())))));
    nastyBytes = await drafDocx(drafBabIII(nastyWorkbook()));
    fs.writeFileSync(files.nasty, nastyBytes);
    fs.writeFileSync(
      files.empty,
      await drafDocx(drafBabIII(compute({ activeSheet: null, names: [] })))
    );
    const pdfs = convertAll(Object.values(files), "pdf");
    Object.keys(files).forEach((key, i) => {
      const pdf = pdfs[i];
      if (!pdf)
        throw new Error(
          `LibreOffice made no PDF of ${key}: install Debian's libreoffice-writer-nogui (Writer opens .docx)`
        );
      pdfInfo[key] = run("pdfinfo", ["-f", "1", "-l", "999", pdf]);
      pdfText[key] = flat(run("pdftotext", [pdf, "-"]));
    });
    fs.mkdirSync(OUTPUT, { recursive: true });
    const seedPdf = pdfs[0]!;
    fs.copyFileSync(seedPdf, path.join(OUTPUT, "draf-bab-iii.pdf"));
    pageImage(seedPdf, path.join(OUTPUT, "draf-bab-iii"), 60);
  });

  test("drafDocx returns the bytes of a .docx package (a zip with word/document.xml)", () => {
    expect(nastyBytes).toBeInstanceOf(Uint8Array);
    expect(Object.keys(unzipSync(nastyBytes))).toEqual(
      expect.arrayContaining(["word/document.xml", "[Content_Types].xml", "docProps/core.xml"])
    );
  });

  test("the PDF holds the seed's figures, the sentences and the amounts in words", () => {
    const t = pdfText.seed;
    for (const figure of [
      "BAB III AKUNTABILITAS KINERJA",
      "A. CAPAIAN KINERJA ORGANISASI",
      "B. EVALUASI DAN ANALISIS CAPAIAN KINERJA",
      "C. AKUNTABILITAS KEUANGAN",
      "Tabel 3.1",
      "Tabel 3.7",
      "102,95",
      "100,34",
      "100,00",
      "100,17",
      "101,56",
      "96,74 %",
      "Rp 19.583.587.447,- (Sembilan Belas Miliar Lima Ratus Delapan Puluh Tiga Juta Lima Ratus Delapan Puluh Tujuh Ribu Empat Ratus Empat Puluh Tujuh Rupiah)",
      "Rp 639.006.520,- (Enam Ratus Tiga Puluh Sembilan Juta Enam Ribu Lima Ratus Dua Puluh Rupiah)",
      "Rp 18.700.000,- (Delapan Belas Juta Tujuh Ratus Ribu Rupiah)",
      "Rp 19.583.587.447",
      "Lampiran: Lembar Pengukuran Kinerja",
      "LEMBAR PENGUKURAN KINERJA ORGANISASI PERANGKAT DAERAH",
      "Mengetahui dan menyetujui,",
      "Dra. LITANI SATYAWATI",
      "NIP. 19640831 198503 2 008",
    ])
      expect(t).toContain(figure);
    expect(pdfText.big).toContain(
      "Rp 37.740.651.000,- (Tiga Puluh Tujuh Miliar Tujuh Ratus Empat Puluh Juta Enam Ratus Lima Puluh Satu Ribu Rupiah)"
    );
  });

  test("Bab III on A4 portrait, the Lembar on a landscape page at the end", () => {
    const sizes = [...pdfInfo.seed.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map(
      (m) => [Number(m[1]), Number(m[2])]
    );
    expect(sizes.length).toBeGreaterThan(2);
    const [w1, h1] = sizes[0];
    expect([Math.round(w1), Math.round(h1)]).toEqual([595, 842]);
    const [wl, hl] = sizes[sizes.length - 1];
    expect([Math.round(wl), Math.round(hl)]).toEqual([842, 595]);
    const landscape = sizes.filter(([w, h]) => w > h).length;
    expect(landscape).toBeGreaterThanOrEqual(1);
    // The seed's Lembar, its budget summary and signature block fit one landscape page.
    expect(landscape).toBe(1);
  });

  test("workbook text is text: markup, field codes and & appear literally and make no field", () => {
    const parts = unzipSync(nastyBytes);
    const xml = strFromU8(parts["word/document.xml"]);
    expect(xml).not.toMatch(/<w:fldSimple|<w:fldChar|<w:instrText|<w:r><w:t>X<\/w:t><\/w:r>/);
    expect(xml).not.toContain("\u0007");
    const text = textOfPart(xml);
    expect(text).toContain(NASTY_INDIKATOR);
    expect(text).toContain("{ DATE } Layanan & Mutu <b>");
    expect(text).toContain(SASARAN_TWO);
    expect(text).toContain("DINAS A & B <w:r><w:t>X</w:t></w:r>");
    expect(text).toContain("{ PAGE } & Co");
    expect(text).toContain("Belanja <Pegawai> & Barang");
    for (const name of Object.keys(parts).filter((n) => n.endsWith(".xml")))
      expect(strFromU8(parts[name])).not.toMatch(/<w:fldSimple|<w:fldChar|<w:instrText/);

    // And as LibreOffice shows it.
    const t = pdfText.nasty;
    expect(t).toContain(flat(NASTY_INDIKATOR));
    expect(t).toContain("{ DATE } Layanan & Mutu <b>");
    expect(t).toContain("DINAS A & B <w:r><w:t>X</w:t></w:r>");
    expect(t).toContain("{ PAGE } & Co");
    expect(t).not.toMatch(/\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/); // no DATE field came alive
  });

  test("a workbook with nothing in it still gives a document that opens", () => {
    expect(pdfText.empty).toContain("BAB III AKUNTABILITAS KINERJA");
    expect(pdfText.empty).toContain("Indikator kinerja belum tersedia");
    expect(pdfText.empty).not.toMatch(/\b(null|NaN|undefined)\b/);
  });

  test("a PNG of the first page is left for a person to look at", () => {
    expect(fs.statSync(path.join(OUTPUT, "draf-bab-iii.png")).size).toBeGreaterThan(10_000);
  });
});
