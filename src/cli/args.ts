import { parseArgs } from "util";
import type { Settings } from "../core/settings";
import type { SignOffOverrides } from "../core/signoff";

export const HELP = `capaian — menghitung capaian kinerja LKjIP dari buku kerja Excel (.xlsx atau .xlsm)

Pemakaian:
  capaian hitung MASUK.xlsx [--out HASIL.xlsx] [--json LAPORAN.json|-] [--lembar] [--tabel]
                 [--laporan DRAF.docx]
  capaian hitung MASUK1.xlsx MASUK2.xlsx ... --out-dir FOLDER [--lembar] [--tabel]

Buku kerja dibaca lewat nama range (Target, Realisasi, Sasaran, Anggaran, ...). Berkas MASUK tidak
pernah diubah. Berkas hasil adalah berkas MASUK apa adanya (grafik, gambar, catatan, tabel, makro
tetap ada) ditambah sel yang dihitung dan lembar yang dibuat; tidak ditulis sama sekali selama ada
galat.

Pilihan:
  --out BERKAS           tulis buku kerja hasil ke BERKAS
  --out-dir FOLDER       untuk banyak berkas: tulis NAMA-hasil.xlsx (atau .xlsm) dan
                         NAMA-laporan.json per berkas
  --json BERKAS          tulis laporan JSON ke BERKAS; "--json -" menulisnya ke layar
  --lembar               tambahkan lembar "Lembar Pengukuran" siap cetak
  --tabel                tambahkan lembar "Tabel LKjIP": tabel Bab III (3.1, 3.2, per sasaran,
                         perbandingan, efisiensi, akuntabilitas keuangan) dan grafiknya
  --laporan BERKAS       tulis Draf BAB III (Word .docx) ke BERKAS: tabel, kalimat baku dengan
                         angkanya, jumlah rupiah beserta terbilangnya, dan Lembar sebagai lampiran
  --lembar-kerja NAMA    hitung tabel pada lembar kerja NAMA (bawaan: lembar yang aktif saat disimpan)

  Pengaturan (menimpa yang tersimpan di buku kerja):
  --desimal N            jumlah desimal, 0 sampai 6 (bawaan 2)
  --pembulatan CARA      setengah-ke-atas (bawaan) atau potong
  --rumus-negatif RUMUS  2T-R (bawaan: (2 × target − realisasi) ÷ target) atau T/R
  --batas-atas N         batas atas capaian dalam rata-rata, misalnya 120; "tanpa" untuk tidak ada
  --rata-rata CARA       sasaran (bawaan: rata-rata tiap sasaran) atau indikator

  Penandatangan Lembar (menimpa sel bernama):
  --nama-opd, --tahun, --nama-kepala, --jabatan-kepala, --pangkat-kepala, --nip-kepala,
  --kota-ttd, --tanggal-ttd TEKS

  -h, --help             tampilkan bantuan ini

Kode keluar: 0 hasil ditulis (atau tidak ada galat); 1 ada galat, atau buku kerja belum disiapkan
(belum ada nama range), sehingga tidak ada yang ditulis; 2 salah pemakaian atau berkas tidak dapat
dibaca (rusak, terkunci kata sandi, .xls lama).

Contoh:
  npx capaian hitung lkjip-2020.xlsx --out lkjip-2020-hasil.xlsx --lembar --tabel
  npx capaian hitung lkjip-2020.xlsx --laporan draf-bab-iii-2020.docx
  npx capaian hitung masuk/*.xlsx --out-dir hasil --lembar`;

export class UsageError extends Error {}

export interface CliOptions {
  inputs: string[];
  out?: string;
  outDir?: string;
  json?: string;
  lembar: boolean;
  tabel: boolean;
  /** Where to write the Draf BAB III (.docx), one workbook only. */
  laporan?: string;
  sheet?: string;
  overrides: Partial<Settings>;
  signOff: SignOffOverrides;
  help: boolean;
}

const SIGN_OFF_FLAGS: [string, keyof SignOffOverrides][] = [
  ["nama-opd", "namaOPD"],
  ["tahun", "tahun"],
  ["nama-kepala", "namaKepala"],
  ["jabatan-kepala", "jabatan"],
  ["pangkat-kepala", "pangkat"],
  ["nip-kepala", "nip"],
  ["kota-ttd", "kota"],
  ["tanggal-ttd", "tanggal"],
];

function choice<T extends string>(
  flag: string,
  value: string | undefined,
  map: Record<string, T>
): T | undefined {
  if (value === undefined) return undefined;
  const picked = map[value.toLowerCase()];
  if (!picked)
    throw new UsageError(
      `Nilai --${flag} "${value}" tidak dikenal. Pilih salah satu: ${Object.keys(map).join(", ")}.`
    );
  return picked;
}

export function parseCli(argv: string[]): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        out: { type: "string" },
        "out-dir": { type: "string" },
        json: { type: "string" },
        lembar: { type: "boolean", default: false },
        tabel: { type: "boolean", default: false },
        laporan: { type: "string" },
        "lembar-kerja": { type: "string" },
        desimal: { type: "string" },
        pembulatan: { type: "string" },
        "rumus-negatif": { type: "string" },
        "batas-atas": { type: "string" },
        "rata-rata": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
        ...Object.fromEntries(SIGN_OFF_FLAGS.map(([flag]) => [flag, { type: "string" as const }])),
      },
    });
  } catch (error) {
    const message = (error as Error).message;
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
    if (/unknown option/i.test(message))
      throw new UsageError(`Pilihan ${option} tidak dikenal. Lihat: capaian --help`);
    if (/argument missing/i.test(message)) {
      throw new UsageError(
        `Pilihan ${option} perlu diisi, misalnya ${option} hasil.xlsx. Lihat: capaian --help`
      );
    }
    throw new UsageError(`Pilihan tidak dapat dibaca (${message}). Lihat: capaian --help`);
  }
  const v = parsed.values as Record<string, string | boolean | undefined>;
  const str = (k: string) => v[k] as string | undefined;
  const help = v.help === true;
  const [command, ...inputs] = parsed.positionals;
  if (help) return { inputs: [], lembar: false, tabel: false, overrides: {}, signOff: {}, help };
  if (command !== "hitung") {
    throw new UsageError(
      command
        ? `Perintah "${command}" tidak dikenal; yang ada: hitung. Lihat: capaian --help`
        : "Sebutkan perintahnya: capaian hitung MASUK.xlsx. Lihat: capaian --help"
    );
  }
  if (inputs.length === 0)
    throw new UsageError("Sebutkan buku kerja yang akan dihitung: capaian hitung MASUK.xlsx");
  if (inputs.length > 1 && str("out"))
    throw new UsageError("Untuk beberapa berkas, pakai --out-dir FOLDER, bukan --out.");
  if (inputs.length > 1 && str("laporan"))
    throw new UsageError(
      "Draf BAB III (--laporan) ditulis per buku kerja: jalankan capaian hitung untuk satu berkas."
    );
  const laporan = str("laporan");
  if (laporan !== undefined && !/\.docx$/i.test(laporan))
    throw new UsageError(
      `Draf BAB III adalah dokumen Word: beri akhiran .docx, misalnya --laporan ${laporan.replace(/\.\w+$/, "")}.docx.`
    );
  if (inputs.length > 1 && str("json") && str("json") !== "-")
    throw new UsageError(
      "Untuk beberapa berkas, laporan JSON ditulis ke --out-dir; --json hanya untuk satu berkas."
    );

  const overrides: Partial<Settings> = {};
  const decimals = str("desimal");
  if (decimals !== undefined) {
    const n = Number(decimals);
    if (!Number.isInteger(n) || n < 0 || n > 6)
      throw new UsageError(`--desimal harus bilangan bulat 0 sampai 6, bukan "${decimals}".`);
    overrides.decimals = n;
  }
  const rounding = choice("pembulatan", str("pembulatan"), {
    "setengah-ke-atas": "half-up",
    potong: "truncate",
  } as const);
  if (rounding) overrides.rounding = rounding;
  const formula = choice("rumus-negatif", str("rumus-negatif"), {
    "2t-r": "(2T-R)/T",
    "(2t-r)/t": "(2T-R)/T",
    "t/r": "T/R",
  } as const);
  if (formula) overrides.negativeFormula = formula;
  const averaging = choice("rata-rata", str("rata-rata"), {
    sasaran: "sasaran",
    indikator: "indikator",
  } as const);
  if (averaging) overrides.averaging = averaging;
  const cap = str("batas-atas");
  if (cap !== undefined) {
    const n = Number(cap.replace(",", "."));
    if (cap.toLowerCase() === "tanpa") overrides.cap = null;
    else if (Number.isFinite(n) && n > 0) overrides.cap = n;
    else
      throw new UsageError(`--batas-atas harus angka lebih dari 0 atau "tanpa", bukan "${cap}".`);
  }
  const signOff: SignOffOverrides = {};
  for (const [flag, key] of SIGN_OFF_FLAGS) {
    const value = str(flag);
    if (value !== undefined) signOff[key] = value;
  }
  return {
    inputs,
    out: str("out"),
    outDir: str("out-dir"),
    json: str("json"),
    lembar: v.lembar === true,
    tabel: v.tabel === true,
    laporan,
    sheet: str("lembar-kerja"),
    overrides,
    signOff,
    help,
  };
}
