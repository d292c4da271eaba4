import { checkNip } from "../../src/core/nip";

describe("NIP", () => {
  test("the seed's NIP is valid and formatted", () => {
    expect(checkNip("19640831 198503 2 008")).toEqual({
      ok: true,
      formatted: "19640831 198503 2 008",
    });
    expect(checkNip("196408311985032008")).toEqual({
      ok: true,
      formatted: "19640831 198503 2 008",
    });
    expect(checkNip("NIP. 19640831 198503 2 008")).toMatchObject({ ok: true });
  });
  test.each([
    ["19640831 198503 2 00", "17 digit"],
    ["19641331 198503 2 008", "tanggal lahir"],
    ["19640831 198513 2 008", "CPNS"],
    ["19640831 195003 2 008", "CPNS"],
    ["19640831 198503 3 008", "digit ke-15"],
    ["19640831 198503 2 000", "nomor urut"],
    ["19640831-198503-2-008", "selain angka"],
  ])("%s is invalid (%s)", (nip, problem) => {
    const check = checkNip(nip);
    expect(check.ok).toBe(false);
    expect(!check.ok && check.problem).toContain(problem);
  });
});
