/**
 * Finds the workbook part of a package as the format says: the package relationship of type
 * officeDocument (from `_rels/.rels`), whatever its path; or, in a package without one, the part
 * whose content type says it is a workbook. A zip that holds something else is told by what it is.
 */
import { UnreadableWorkbook } from "./file-check";
import { MissingPart, OpcPackage } from "./opc";
import { isMain, parseXml } from "./xml-tree";

const WORKBOOK_TYPES = [
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
  "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  "application/vnd.ms-excel.template.macroEnabled.main+xml",
  "application/vnd.ms-excel.addin.macroEnabled.main+xml",
];

const NOT_A_WORKBOOK = "Berkas ini arsip zip, tetapi bukan buku kerja Excel (.xlsx)";

/** What the package holds instead, by its office document's content type or its folders. */
function whatItIs(pkg: OpcPackage, document: string | undefined): string {
  const type = (document && pkg.contentType(document)) ?? "";
  const names = pkg.partNames().map((p) => p.toLowerCase());
  if (/wordprocessingml/.test(type) || names.some((n) => n.startsWith("/word/")))
    return "isinya dokumen Word (.docx). Pilih berkas buku kerja .xlsx-nya";
  if (/presentationml/.test(type) || names.some((n) => n.startsWith("/ppt/")))
    return "isinya presentasi PowerPoint (.pptx). Pilih berkas buku kerja .xlsx-nya";
  if (/opendocument/.test(type) || names.includes("/content.xml"))
    return "isinya dokumen OpenDocument (.ods atau sejenisnya). Buka di LibreOffice lalu simpan sebagai Buku Kerja Excel (.xlsx)";
  return "di dalamnya tidak ada bagian buku kerja. Mungkin ini arsip lain; pilih berkas .xlsx yang disimpan dari Excel";
}

export function findOfficeDocument(pkg: OpcPackage): string {
  let part = pkg.officeDocument();
  if (part && pkg.contentType(part) === "application/vnd.ms-excel.sheet.binary.macroEnabled.main")
    throw new UnreadableWorkbook(
      "not-workbook",
      "Ini buku kerja biner Excel (.xlsb). Buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx), kemudian coba lagi."
    );
  if (!part || !WORKBOOK_TYPES.includes(pkg.contentType(part) ?? "")) {
    const typed = pkg.partsOfType(...WORKBOOK_TYPES);
    part = typed.length === 1 ? typed[0] : pkg.has("/xl/workbook.xml") ? "/xl/workbook.xml" : part;
  }
  if (!part || !pkg.has(part))
    throw new UnreadableWorkbook("not-workbook", `${NOT_A_WORKBOOK}: ${whatItIs(pkg, part)}.`);
  // Every package names its parts' content types; without them no program can tell the workbook.
  if (!pkg.has("/[Content_Types].xml")) throw new MissingPart("[Content_Types].xml", "");
  const root = parseXml(pkg.read(part)!, part.slice(1));
  if (root.local !== "workbook" || !isMain(root.ns))
    throw new UnreadableWorkbook("not-workbook", `${NOT_A_WORKBOOK}: ${whatItIs(pkg, part)}.`);
  return part;
}
