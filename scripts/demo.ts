/**
 * Runs the engine on the seed's tables (the 2020 LKjIP of BKPP Kota Semarang) with the figures the
 * report printed, and shows what Capaian Kinerja finds. The .xlsx sample replaces this in the CLI issue.
 */
import { summaryText } from "../src/cli/summary";
import { compute } from "../src/core/compute";
import { anggaran, indikatorProgram, perjanjianKinerja } from "../src/sample/seed";
import { workbookOf } from "../src/sample/table";

console.log(summaryText(compute(workbookOf(perjanjianKinerja(true), anggaran()))));
console.log("\n— Tabel 3.4, indikator program (tanpa kolom Arah) —\n");
console.log(summaryText(compute(workbookOf(indikatorProgram(false)))));
