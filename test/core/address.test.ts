import {
  cellAddress,
  columnLetters,
  columnNumber,
  parseRangeAddress,
  rangeAddress,
} from "../../src/core/address";

describe("addresses as Excel shows them", () => {
  test("column letters both ways", () => {
    for (const [n, l] of [
      [1, "A"],
      [26, "Z"],
      [27, "AA"],
      [702, "ZZ"],
      [703, "AAA"],
      [16384, "XFD"],
    ] as const) {
      expect(columnLetters(n)).toBe(l);
      expect(columnNumber(l)).toBe(n);
    }
  });
  test("sheet names are quoted when Excel would quote them", () => {
    expect(cellAddress("PK 2020", 7, 7)).toBe("'PK 2020'!G7");
    expect(cellAddress("Anggaran", 4, 3)).toBe("Anggaran!C4");
    expect(cellAddress("A1", 1, 1)).toBe("'A1'!A1");
    expect(cellAddress("Data'ku", 1, 1)).toBe("'Data''ku'!A1");
    expect(rangeAddress("Data", 2, 3, 9, 3)).toBe("Data!C2:C9");
  });
  test("parsing what Office.js and exceljs give", () => {
    expect(parseRangeAddress("'PK 2020'!$B$7:$B$9")).toEqual({
      sheet: "PK 2020",
      top: 7,
      left: 2,
      bottom: 9,
      right: 2,
    });
    expect(parseRangeAddress("Sheet1!C4")).toEqual({
      sheet: "Sheet1",
      top: 4,
      left: 3,
      bottom: 4,
      right: 3,
    });
    expect(parseRangeAddress("'Data''ku'!A1:B2")).toMatchObject({ sheet: "Data'ku" });
    expect(parseRangeAddress("Sheet1!A1,Sheet1!B2")).toBeNull();
    expect(parseRangeAddress("#REF!")).toBeNull();
    expect(parseRangeAddress("0.5")).toBeNull();
  });
});
