import JSZip from "jszip";
import { hitung } from "../../src/app/hitung";
import { LEMBAR_SHEET } from "../../src/core/lembar";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { anggaran, indikatorProgram, perjanjianKinerja } from "../../src/sample/seed";
import { SETTINGS_SHEET, XlsxSession } from "../../src/workbook/xlsx/xlsx-session";
import { excelRead, partText } from "./read-back";

/** The defined names of a written file, from its workbook.xml text. */
function definedNames(bytes: Uint8Array): string[] {
  const xml = partText(bytes, "xl/workbook.xml");
  return [...xml.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map(
    (m) => `${m[1]} ${m[2].replace(/&apos;/g, "'")}`
  );
}

async function seedBytes() {
  const program = { ...indikatorProgram(true), sheetScoped: true };
  return workbookFromSpecs([perjanjianKinerja(true), program, anggaran()], "PK 2020");
}

describe("the .xlsx adapter", () => {
  test("reads the seed by its names and computes the seed's figures", async () => {
    const session = await XlsxSession.open(await seedBytes());
    const outcome = await hitung(session);
    expect(outcome.written).toBe(true);
    expect(outcome.result.indicators.map((x) => x.capaian)).toEqual([102.95, 100.34, 100]);
    expect(outcome.result.total).toBe(101.56);
    expect(outcome.result.budget!.total).toEqual({
      anggaran: 19583587447,
      realisasi: 18944580927,
      serapan: 96.74,
      sisa: 639006520,
    });
    expect(
      outcome.result.findings.filter((f) => f.code === "ANGKA_LAPORAN_BERBEDA").map((f) => f.cell)
    ).toEqual(["'PK 2020'!H7", "'PK 2020'!I7", "'PK 2020'!I8", "'PK 2020'!I11"]);
  });

  test("writes results and the Lembar; the saved file reads back with the same figures and names intact", async () => {
    const input = await seedBytes();
    const copy = input.slice();
    const session = await XlsxSession.open(input);
    await hitung(session, { lembar: true });
    const out = await session.save();
    expect(Buffer.compare(Buffer.from(input), Buffer.from(copy))).toBe(0);

    const again = await excelRead(out);
    const sheet = again.getWorksheet("PK 2020")!;
    expect([7, 8, 9].map((r) => sheet.getCell(r, 8).value)).toEqual([102.95, 100.34, 100]);
    expect(sheet.getCell(7, 8).numFmt).toBe("0.00");
    expect(sheet.getCell(8, 9).value).toBe(100.17);
    const lembar = again.getWorksheet(LEMBAR_SHEET)!;
    expect(lembar.getCell(13, 8).value).toBe(101.56);
    expect(lembar.getCell(13, 1).value).toBe("Total Rata-rata Capaian Sasaran (1+2)");
    expect(lembar.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      printTitlesRow: "5:7",
    });
    expect(lembar.views[0]).toMatchObject({ showGridLines: false });

    const names = definedNames(out);
    expect(names).toContain('name="Target" localSheetId="1" Program!$D$5:$D$13');
    expect(names).toContain("name=\"Target\" 'PK 2020'!$E$7:$E$9");
    expect(names).toContain(`name="_xlnm.Print_Titles" localSheetId="3" 'Lembar Pengukuran'!$5:$7`);
    // a second run over the result: no differing figures are left to report
    const second = await hitung(await XlsxSession.open(out));
    expect(second.result.findings.filter((f) => f.code === "ANGKA_LAPORAN_BERBEDA")).toEqual([]);
  });

  test("a result's number format does not spread to the user's cells that share its style", async () => {
    const seed = await seedBytes();
    const styled = await excelRead(seed);
    const pk = styled.getWorksheet("PK 2020")!;
    const bordered = { border: { top: { style: "thin" as const } }, font: { bold: true } };
    for (const row of [7, 8, 9])
      for (const column of [5, 8]) pk.getCell(row, column).style = { ...bordered };
    // exceljs's own save drops the names' sheet scope: the seed's workbook part goes back in.
    const zip = await JSZip.loadAsync((await styled.xlsx.writeBuffer()) as ArrayBuffer);
    zip.file("xl/workbook.xml", partText(seed, "xl/workbook.xml"));
    const input = await zip.generateAsync({ type: "uint8array" });
    const sharing = partText(input, "xl/worksheets/sheet1.xml");
    const styleOf = (xml: string, cell: string) =>
      new RegExp(`<c r="${cell}" s="(\\d+)"`).exec(xml)?.[1];
    expect(styleOf(sharing, "E7")).toBe(styleOf(sharing, "H7")); // one style id shared

    const session = await XlsxSession.open(input);
    await hitung(session);
    const sheet = (await excelRead(await session.save())).getWorksheet("PK 2020")!;
    expect([7, 8, 9].map((r) => sheet.getCell(r, 8).numFmt)).toEqual(["0.00", "0.00", "0.00"]);
    expect([7, 8, 9].map((r) => sheet.getCell(r, 5).numFmt ?? "General")).toEqual([
      "General",
      "General",
      "General",
    ]);
    expect(sheet.getCell(7, 5).font?.bold).toBe(true);
    expect(sheet.getCell(7, 8).font?.bold).toBe(true);
    expect(sheet.getCell(7, 8).border?.top?.style).toBe("thin");
  });

  test("a sheet-scoped table is computed when its sheet is active", async () => {
    const program = { ...indikatorProgram(true), sheetScoped: true };
    const session = await XlsxSession.open(
      await workbookFromSpecs([perjanjianKinerja(), program], "Program")
    );
    const outcome = await hitung(session);
    expect(outcome.result.indicators.map((x) => x.capaian)).toEqual([
      100.34, 102.95, 102.04, 102.04, 162.5, 100, 100, 100, 100,
    ]);
  });

  test("settings are kept in a very hidden sheet and read back", async () => {
    const session = await XlsxSession.open(await seedBytes());
    session.storeSettings({ settings: { decimals: 3 }, signOff: { tanggal: "29 Januari 2021" } });
    const out = await session.save();
    const again = await XlsxSession.open(out);
    expect(partText(out, "xl/workbook.xml")).toMatch(
      new RegExp(`<sheet name="${SETTINGS_SHEET}" sheetId="\\d+" state="veryHidden"`)
    );
    const outcome = await hitung(again, { signOff: again.stored.signOff });
    expect(outcome.result.total).toBe(101.56);
    expect(outcome.result.indicators[0].capaian).toBe(102.949);
    expect(outcome.result.signOff.tanggal).toBe("29 Januari 2021");
  });
});

describe("settings saved by the Excel add-in", () => {
  test("are read from the workbook's web extension part (Office document settings)", async () => {
    const zip = await JSZip.loadAsync(await seedBytes());
    const value = JSON.stringify({
      settings: { decimals: 3, rounding: "truncate" },
      signOff: { kota: "Kota Semarang" },
    });
    const escaped = value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
    zip.file(
      "xl/webextensions/webextension1.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5D0C3A8E-6F1B-4C55-9A77-2B1F4E8C9D21}"><we:properties><we:property name="capaianKinerja" value="${escaped}"/></we:properties></we:webextension>`
    );
    const session = await XlsxSession.open(await zip.generateAsync({ type: "uint8array" }));
    expect(session.stored).toEqual({
      settings: { decimals: 3, rounding: "truncate" },
      signOff: { kota: "Kota Semarang" },
    });
    const outcome = await hitung(session, { signOff: session.stored.signOff });
    expect(outcome.result.indicators[0].capaian).toBe(102.948);
    expect(outcome.result.signOff.kota).toBe("Kota Semarang");
  });
});
