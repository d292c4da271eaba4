import type { CellRef } from "./columns";
import { Finding, warning } from "./findings";
import { excelSerialToDate, formatTanggal } from "./format";
import { checkNip } from "./nip";
import { cellText } from "./read-findings";
import { isDateFormat } from "./read-cell";

/** The sign-off details of the Lembar, as they will be printed. */
export interface SignOff {
  namaOPD: string;
  tahun: string;
  namaKepala: string;
  jabatan: string;
  pangkat: string;
  nip: string;
  kota: string;
  tanggal: string;
}

export type SignOffCells = Partial<
  Record<
    | "NamaOPD"
    | "TahunAnggaran"
    | "NamaKepala"
    | "JabatanKepala"
    | "PangkatKepala"
    | "NIPKepala"
    | "KotaTTD"
    | "TanggalTTD",
    CellRef
  >
>;

function dateText(ref: CellRef | undefined): string {
  if (!ref) return "";
  const v = ref.value;
  if (typeof v === "number" && isDateFormat(ref.format)) return formatTanggal(excelSerialToDate(v));
  if (v !== null && typeof v === "object" && "date" in v) {
    const d = new Date(v.date);
    return Number.isNaN(d.getTime()) ? v.date : formatTanggal(d);
  }
  return cellText(v);
}

function nipText(ref: CellRef | undefined, findings: Finding[]): string {
  if (!ref) return "";
  if (typeof ref.value === "number" && ref.value >= 1e15) {
    findings.push(
      warning(
        "NIP_TIDAK_SAH",
        ref.address,
        `NIP di sel ${ref.address} tersimpan sebagai angka, sehingga Excel sudah membulatkan digit terakhirnya. Ketik ulang NIP sebagai teks (awali dengan tanda petik ').`
      )
    );
    return cellText(ref.value);
  }
  const text = cellText(ref.value);
  if (!text) return "";
  const check = checkNip(text);
  if (check.ok) return check.formatted;
  findings.push(
    warning(
      "NIP_TIDAK_SAH",
      ref.address,
      `NIP di sel ${ref.address} (${text}) tidak sah: ${check.problem}. NIP terdiri dari 18 digit: tanggal lahir (8), bulan dan tahun pengangkatan CPNS (6), jenis kelamin 1/2 (1), nomor urut (3).`
    )
  );
  return text;
}

export function readSignOff(cells: SignOffCells, findings: Finding[]): SignOff {
  const text = (ref: CellRef | undefined) => (ref ? cellText(ref.value) : "");
  const namaOPD = text(cells.NamaOPD);
  const jabatan = text(cells.JabatanKepala) || (namaOPD ? `KEPALA ${namaOPD}` : "");
  return {
    namaOPD,
    tahun: text(cells.TahunAnggaran),
    namaKepala: text(cells.NamaKepala),
    jabatan,
    pangkat: text(cells.PangkatKepala),
    nip: nipText(cells.NIPKepala, findings),
    kota: text(cells.KotaTTD),
    tanggal: dateText(cells.TanggalTTD),
  };
}
