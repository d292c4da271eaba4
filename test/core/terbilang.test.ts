import fc from "fast-check";
import { terbilang, terbilangRupiah } from "../../src/core/terbilang";

const MAX = 10n ** 15n - 1n;

/**
 * A reference written apart from the implementation: it reads the decimal string, three digit
 * characters at a time, and never divides.
 */
const NAMA: Record<string, string> = {
  "1": "Satu",
  "2": "Dua",
  "3": "Tiga",
  "4": "Empat",
  "5": "Lima",
  "6": "Enam",
  "7": "Tujuh",
  "8": "Delapan",
  "9": "Sembilan",
};

function refTriple(abc: string): string {
  const [a, b, c] = [...abc];
  const parts: string[] = [];
  if (a === "1") parts.push("Seratus");
  else if (a !== "0") parts.push(`${NAMA[a]} Ratus`);
  if (b === "1") {
    parts.push(c === "0" ? "Sepuluh" : c === "1" ? "Sebelas" : `${NAMA[c]} Belas`);
  } else {
    if (b !== "0") parts.push(`${NAMA[b]} Puluh`);
    if (c !== "0") parts.push(NAMA[c]);
  }
  return parts.join(" ");
}

function reference(value: bigint): string {
  const digits = value.toString();
  if (digits === "0") return "Nol";
  const padded = digits.padStart(15, "0");
  const triples = padded.match(/\d{3}/g)!; // triliun, miliar, juta, ribu, satuan
  const names = ["Triliun", "Miliar", "Juta", "Ribu", ""];
  const out: string[] = [];
  triples.forEach((t, i) => {
    if (t === "000") return;
    if (names[i] === "Ribu" && t === "001") out.push("Seribu");
    else out.push(`${refTriple(t)} ${names[i]}`.trim());
  });
  return out.join(" ");
}

/** The other direction: words back to the number, refusing anything out of order. */
function parse(text: string): bigint {
  const small: Record<string, bigint> = {
    nol: 0n,
    satu: 1n,
    dua: 2n,
    tiga: 3n,
    empat: 4n,
    lima: 5n,
    enam: 6n,
    tujuh: 7n,
    delapan: 8n,
    sembilan: 9n,
  };
  const scale: Record<string, bigint> = {
    ribu: 1000n,
    juta: 1000000n,
    miliar: 1000000000n,
    triliun: 1000000000000n,
  };
  let total = 0n;
  let group = 0n; // the part below a thousand read so far
  let pending: bigint | null = null; // a digit word waiting for ratus / puluh / belas
  let lastScale = 10n ** 15n;
  const flush = () => {
    if (pending !== null) group += pending;
    pending = null;
  };
  for (const word of text.toLowerCase().split(" ")) {
    if (word in small) {
      if (pending !== null) throw new Error(`two digits in a row at ${word}`);
      pending = small[word];
    } else if (word === "sepuluh" || word === "sebelas" || word === "seratus") {
      flush();
      group += word === "sepuluh" ? 10n : word === "sebelas" ? 11n : 100n;
    } else if (word === "ratus" || word === "puluh" || word === "belas") {
      if (pending === null) throw new Error(`${word} without a digit`);
      group += word === "ratus" ? pending * 100n : word === "puluh" ? pending * 10n : pending + 10n;
      pending = null;
    } else if (word in scale || word === "seribu") {
      flush();
      const s = word === "seribu" ? 1000n : scale[word];
      if (word === "seribu") {
        if (group !== 0n) throw new Error("seribu after a number");
        group = 1n;
      }
      if (s >= lastScale || group === 0n || group >= 1000n) throw new Error(`misplaced ${word}`);
      total += group * s;
      group = 0n;
      lastScale = s;
    } else {
      throw new Error(`unknown word ${word}`);
    }
  }
  flush();
  return total + group;
}

/** Numbers with many zero groups, ones and tens, where the special words live. */
const tricky = fc
  .array(fc.constantFrom("0", "0", "0", "1", "1", "1", "2", "5", "9"), {
    minLength: 1,
    maxLength: 15,
  })
  .map((ds) => BigInt(ds.join("")));
const anyAmount = fc.oneof(fc.bigInt({ min: 0n, max: MAX }), tricky);

describe("terbilang: fixed cases", () => {
  const cases: [number, string][] = [
    [0, "Nol"],
    [1, "Satu"],
    [7, "Tujuh"],
    [10, "Sepuluh"],
    [11, "Sebelas"],
    [12, "Dua Belas"],
    [19, "Sembilan Belas"],
    [20, "Dua Puluh"],
    [21, "Dua Puluh Satu"],
    [99, "Sembilan Puluh Sembilan"],
    [100, "Seratus"],
    [101, "Seratus Satu"],
    [110, "Seratus Sepuluh"],
    [111, "Seratus Sebelas"],
    [199, "Seratus Sembilan Puluh Sembilan"],
    [200, "Dua Ratus"],
    [999, "Sembilan Ratus Sembilan Puluh Sembilan"],
    [1000, "Seribu"],
    [1001, "Seribu Satu"],
    [1100, "Seribu Seratus"],
    [1111, "Seribu Seratus Sebelas"],
    [2000, "Dua Ribu"],
    [10000, "Sepuluh Ribu"],
    [11000, "Sebelas Ribu"],
    [21000, "Dua Puluh Satu Ribu"],
    [100000, "Seratus Ribu"],
    [101000, "Seratus Satu Ribu"],
    [1000000, "Satu Juta"],
    [1001000, "Satu Juta Seribu"],
    [1000000000, "Satu Miliar"],
    [1000000000000, "Satu Triliun"],
    [1000000001001, "Satu Triliun Seribu Satu"],
    [1000001000001, "Satu Triliun Satu Juta Satu"],
    [18700000, "Delapan Belas Juta Tujuh Ratus Ribu"],
    [639006520, "Enam Ratus Tiga Puluh Sembilan Juta Enam Ribu Lima Ratus Dua Puluh"],
    [
      37740651000,
      "Tiga Puluh Tujuh Miliar Tujuh Ratus Empat Puluh Juta Enam Ratus Lima Puluh Satu Ribu",
    ],
    [
      999999999999999,
      "Sembilan Ratus Sembilan Puluh Sembilan Triliun Sembilan Ratus Sembilan Puluh Sembilan Miliar " +
        "Sembilan Ratus Sembilan Puluh Sembilan Juta Sembilan Ratus Sembilan Puluh Sembilan Ribu " +
        "Sembilan Ratus Sembilan Puluh Sembilan",
    ],
  ];
  test.each(cases)("%d", (n, words) => {
    expect(terbilang(n)).toBe(words);
  });
  test("the contract's amount in rupiah (the seed wrote Juta for Miliar)", () => {
    expect(terbilangRupiah(37740651000)).toBe(
      "Tiga Puluh Tujuh Miliar Tujuh Ratus Empat Puluh Juta Enam Ratus Lima Puluh Satu Ribu Rupiah"
    );
  });
  test("lower case for inside a sentence", () => {
    expect(terbilang(1011, "lower")).toBe("seribu sebelas");
    expect(terbilangRupiah(2500.75, "lower")).toBe(
      "dua ribu lima ratus rupiah tujuh puluh lima sen"
    );
  });
});

describe("terbilang: properties", () => {
  test("agrees with a reference that reads the digit string", () => {
    fc.assert(
      fc.property(anyAmount, (n) => {
        expect(terbilang(Number(n))).toBe(reference(n));
      }),
      { numRuns: 5000 }
    );
  });
  test("the words read back as the number", () => {
    fc.assert(
      fc.property(anyAmount, (n) => {
        expect(parse(terbilang(Number(n)))).toBe(n);
      }),
      { numRuns: 5000 }
    );
  });
  test("Title Case, single spaces, never satu ratus, never satu ribu for a bare thousand", () => {
    fc.assert(
      fc.property(anyAmount, (n) => {
        const words = terbilang(Number(n));
        expect(words).toMatch(/^[A-Z][a-z]+( [A-Z][a-z]+)*$/);
        expect(words).not.toMatch(/Satu Ratus/);
        // "Dua Puluh Satu Ribu" is right; "Satu Ribu" alone or right after a larger scale is not.
        expect(words).not.toMatch(/(^|Juta |Miliar |Triliun )Satu Ribu/);
        expect(words).not.toMatch(/ Nol|Nol /);
        expect(terbilang(Number(n), "lower")).toBe(words.toLowerCase());
      }),
      { numRuns: 3000 }
    );
  });
  test("bad input is a RangeError", () => {
    for (const bad of [-1, 1.5, 1e15, 2 ** 53, NaN, Infinity, -Infinity]) {
      expect(() => terbilang(bad)).toThrow(RangeError);
    }
  });
});

describe("terbilangRupiah", () => {
  test.each([
    [0, "Nol Rupiah"],
    [-0, "Nol Rupiah"],
    [1000, "Seribu Rupiah"],
    [18700000, "Delapan Belas Juta Tujuh Ratus Ribu Rupiah"],
    [1234.5, "Seribu Dua Ratus Tiga Puluh Empat Rupiah Lima Puluh Sen"],
    [1000000.01, "Satu Juta Rupiah Satu Sen"],
    [0.29, "Dua Puluh Sembilan Sen"],
    [0.05, "Lima Sen"],
    [-250000, "Minus Dua Ratus Lima Puluh Ribu Rupiah"],
    [-0.5, "Minus Lima Puluh Sen"],
    [-1100.1, "Minus Seribu Seratus Rupiah Sepuluh Sen"],
  ])("%d", (n, words) => {
    expect(terbilangRupiah(n)).toBe(words);
  });
  test("whole rupiah and sen, as a double parsed from the written amount", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 2n ** 46n - 1n }),
        fc.integer({ min: 0, max: 99 }),
        fc.boolean(),
        (rupiah, sen, negative) => {
          const amount = Number(`${negative ? "-" : ""}${rupiah}.${String(sen).padStart(2, "0")}`);
          const parts: string[] = [];
          if (negative && (rupiah > 0n || sen > 0)) parts.push("Minus");
          if (rupiah > 0n || sen === 0) parts.push(reference(rupiah), "Rupiah");
          if (sen > 0) parts.push(reference(BigInt(sen)), "Sen");
          expect(terbilangRupiah(amount)).toBe(parts.join(" "));
        }
      ),
      { numRuns: 3000 }
    );
  });
  test("bad input is a RangeError", () => {
    for (const bad of [0.001, 0.1 + 0.2, 1e-7, 1e15, -1e15, NaN, Infinity]) {
      expect(() => terbilangRupiah(bad)).toThrow(RangeError);
    }
  });
});
