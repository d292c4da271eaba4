import { Batcher, REQUEST_BUDGET_BYTES, rowChunks } from "../../src/workbook/office/batches";
import { queueWrites } from "../../src/workbook/office/write";
import { FakeExcel } from "./fake-excel";

describe("requests stay under Excel on the web's 5 MB", () => {
  test("rows are split into chunks under the budget, in order, covering every row", () => {
    const values = Array.from({ length: 1000 }, (_, i) => [i * 1.5]);
    const formats = values.map(() => ["0.00"]);
    const chunks = rowChunks(values, formats, 2000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks[0].start).toBe(0);
    expect(chunks.at(-1)!.end).toBe(1000);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i].start).toBe(chunks[i - 1].end);
    for (const c of chunks) expect(c.bytes).toBeLessThanOrEqual(2000);
  });

  test("a write larger than one request goes in several syncs, each under 5 MB", async () => {
    const excel = new FakeExcel();
    excel.addSheet("Data");
    const rows = 320_000;
    const values = Array.from({ length: rows }, (_, i) => 100 + (i % 1000) / 100);
    const formats = values.map(() => "0.00");
    const context = excel.context();
    const batcher = new Batcher(context);
    await queueWrites(
      context,
      [{ name: "Capaian", sheet: "Data", top: 2, left: 3, values, formats }],
      batcher
    );
    await batcher.flush();
    expect(excel.syncs).toBeGreaterThan(1);
    for (const bytes of excel.requestBytes) expect(bytes).toBeLessThan(5 * 1024 * 1024);
    expect(Math.max(...excel.requestBytes)).toBeLessThanOrEqual(REQUEST_BUDGET_BYTES + 1024);
    const sheet = excel.sheet("Data")!;
    expect(sheet.cell(1, 2)).toMatchObject({ value: 100, format: "0.00" });
    expect(sheet.cell(rows, 2)).toMatchObject({
      value: 100 + ((rows - 1) % 1000) / 100,
      format: "0.00",
    });
  });
});
