import { hitung } from "../../src/app/hitung";
import { ribbonMessage } from "../../src/commands/ribbon-message";
import { OfficeSession } from "../../src/workbook/office/office-session";
import { anggaran, perjanjianKinerja } from "../../src/sample/seed";
import { fakeFromSpecs } from "../office/from-specs";

describe("what the ribbon button says", () => {
  test("after a clean run: the total and its predicate", async () => {
    const excel = fakeFromSpecs(perjanjianKinerja(), anggaran());
    const outcome = await excel.run((c) => hitung(new OfficeSession(c, undefined, () => true)));
    expect(ribbonMessage(outcome)).toEqual({
      title: "Capaian dihitung",
      lines: [
        "Total rata-rata capaian: 101,56 (Sangat Tinggi).",
        "2 peringatan; lihat di panel Capaian Kinerja.",
      ],
    });
  });
  test("when an error stands: the first errors with their cells, and where to see the rest", async () => {
    const spec = perjanjianKinerja();
    spec.columns.Target.values = [null, null, null];
    const excel = fakeFromSpecs(spec);
    const outcome = await excel.run((c) => hitung(new OfficeSession(c, undefined, () => true)));
    const message = ribbonMessage(outcome);
    expect(message.title).toBe("Ada 3 galat; buku kerja tidak diubah");
    expect(message.lines[0]).toMatch(/^'PK 2020'!E7 Target di sel/);
    expect(message.lines.at(-1)).toContain("Buka Panel");
  });
});
