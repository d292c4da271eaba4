import * as z from "zod/mini";
import type { CellRef } from "./columns";
import { Finding, warning } from "./findings";
import { excelSerialToDate, formatTanggal } from "./format";
import { checkNip } from "./nip";
import { cellText } from "./read-findings";
import { isDateFormat } from "./read-cell";

/** The sign-off details of the Lembar, as they will be printed. */
export const SignOffSchema = z.object({
  namaOPD: z.string(),
  tahun: z.string(),
  namaKepala: z.string(),
  jabatan: z.string(),
  pangkat: z.string(),
  nip: z.string(),
  kota: z.string(),
  tanggal: z.string(),
});
export type SignOff = z.infer<typeof SignOffSchema>;

/** What the sign-off form stores with the workbook: any field the user typed, over the named cells. */
export const SignOffOverridesSchema = z.partial(SignOffSchema);
export type SignOffOverrides = z.infer<typeof SignOffOverridesSchema>;

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

/** The NIP as printed; a NIP that breaks the rule is kept as typed, with a warning naming where it is. */
function checkedNip(text: string, cell: string | null, where: string, findings: Finding[]): string {
  if (!text) return "";
  const check = checkNip(text);
  if (check.ok) return check.formatted;
  findings.push(
    warning(
      "NIP_TIDAK_SAH",
      cell,
      () =>
        `NIP ${where} (${text}) tidak sah: ${check.problem}. NIP terdiri dari 18 digit: tanggal lahir (8), bulan dan tahun pengangkatan CPNS (6), jenis kelamin 1/2 (1), nomor urut (3).`
    )
  );
  return text;
}

function nipOfCell(ref: CellRef | undefined, findings: Finding[]): string {
  if (!ref) return "";
  if (typeof ref.value === "number" && ref.value >= 1e15) {
    findings.push(
      warning(
        "NIP_TIDAK_SAH",
        ref.address,
        () =>
          `NIP di sel ${ref.address} tersimpan sebagai angka, sehingga Excel sudah membulatkan digit terakhirnya. Ketik ulang NIP sebagai teks (awali dengan tanda petik ').`
      )
    );
    return cellText(ref.value);
  }
  return checkedNip(cellText(ref.value), ref.address, `di sel ${ref.address}`, findings);
}

/**
 * The sign-off details from the named cells, with what the user typed in the sign-off form on top
 * (a field left empty in the form keeps the cell's value).
 */
export function readSignOff(
  cells: SignOffCells,
  findings: Finding[],
  overrides: SignOffOverrides = {}
): SignOff {
  const typed = (key: keyof SignOff) => overrides[key]?.trim() ?? "";
  const text = (key: keyof SignOff, ref: CellRef | undefined) =>
    typed(key) || (ref ? cellText(ref.value) : "");
  const namaOPD = text("namaOPD", cells.NamaOPD);
  const jabatan = text("jabatan", cells.JabatanKepala) || (namaOPD ? `KEPALA ${namaOPD}` : "");
  const nip = typed("nip")
    ? checkedNip(typed("nip"), null, "di formulir Penandatangan", findings)
    : nipOfCell(cells.NIPKepala, findings);
  return {
    namaOPD,
    tahun: text("tahun", cells.TahunAnggaran),
    namaKepala: text("namaKepala", cells.NamaKepala),
    jabatan,
    pangkat: text("pangkat", cells.PangkatKepala),
    nip,
    kota: text("kota", cells.KotaTTD),
    tanggal: typed("tanggal") || dateText(cells.TanggalTTD),
  };
}
