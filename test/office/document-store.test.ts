import {
  memoryStore,
  parseStored,
  validatedForStore,
} from "../../src/workbook/office/document-store";
import { describeError } from "../../src/app/office-errors";

describe("what is kept with the workbook", () => {
  test("unreadable stored data is dropped, not a crash", () => {
    expect(parseStored(undefined)).toEqual({});
    expect(parseStored("rusak")).toEqual({});
    expect(parseStored({ signOff: { nip: 5 } })).toEqual({});
    expect(parseStored({ settings: { decimals: 9 }, signOff: { kota: "Semarang" } })).toEqual({
      settings: { decimals: 9 },
      signOff: { kota: "Semarang" },
    });
  });
  test("settings are validated by the engine's schema before they are stored", async () => {
    expect(() => validatedForStore({ settings: { decimals: 9 } })).toThrow();
    const store = memoryStore();
    await store.save({ settings: { decimals: 3 } });
    expect(store.load().settings).toMatchObject({ decimals: 3, negativeFormula: "(2T-R)/T" });
  });
});

describe("errors from Excel, told plainly", () => {
  test.each([
    ["AccessDenied", "dilindungi"],
    ["InvalidOperationInCellEditMode", "Enter atau Esc"],
    ["ItemNotFound", "Manajer Nama"],
    ["RequestPayloadSizeLimitExceeded", "terlalu besar"],
  ])("%s", (code, words) => {
    expect(describeError(Object.assign(new Error("x"), { code }))).toContain(words);
  });
  test("anything else still gets a sentence, never a stack trace", () => {
    const text = describeError(new TypeError("boom"));
    expect(text).toContain("boom");
    expect(text).not.toMatch(/\bat \w+ \(/);
  });
});
