import CFB from "cfb";
import fc from "fast-check";
import crypto from "crypto";
import { workbookFromSpecs } from "../../src/sample/build-xlsx";
import { anggaran, indikatorProgram, perjanjianKinerja } from "../../src/sample/seed";
import { CompoundFileError, readCompoundFile } from "../../src/workbook/xlsx/compound-file";
import {
  DEFAULT_PASSWORD,
  EncryptedOutcome,
  openEncrypted,
  spunPasswordHash,
} from "../../src/workbook/xlsx/encryption";
import { encryptAgile, encryptStandard, writeCompoundFile } from "../fixtures/encrypt";

/** Few spins where the test is about the container, not the key derivation. */
const FAST = { spinCount: 10 };

let seed: Uint8Array;
beforeAll(async () => {
  const program = { ...indikatorProgram(true), sheetScoped: true };
  seed = await workbookFromSpecs([perjanjianKinerja(true), program, anggaran()], "PK 2020");
});

function expectDecrypted(
  outcome: EncryptedOutcome,
  pkg: Uint8Array,
  method: "agile" | "standard"
): void {
  expect(outcome.kind).toBe("decrypted");
  if (outcome.kind !== "decrypted") return;
  expect(outcome.method).toBe(method);
  expect(Buffer.from(outcome.pkg).equals(Buffer.from(pkg))).toBe(true);
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

function u32(bytes: Uint8Array, at: number, value?: number): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (value !== undefined) view.setUint32(at, value, true);
  return view.getUint32(at, true);
}

/** The offset of a directory entry, found by its UTF-16LE name (the fixture writer's names are unique). */
function dirEntry(file: Uint8Array, name: string): number {
  const needle = Buffer.from(name + "\0", "utf16le");
  const at = Buffer.from(file).indexOf(needle);
  if (at < 0 || at % 128 !== 0) throw new Error(`no directory entry ${name}`);
  return at;
}

/** The offset of FAT entry `n`, in the writer's single-FAT-sector files. */
const fatEntry = (file: Uint8Array, n: number) => (u32(file, 76) + 1) * 512 + n * 4;

describe("openEncrypted: files encrypted with Excel's default password are read", () => {
  test("agile (SHA-512, AES-256, 100,000 spins) gives back the exact package", async () => {
    const file = await encryptAgile(seed, DEFAULT_PASSWORD);
    const { value, ms } = await timed(() => openEncrypted(file));
    expectDecrypted(value, seed, "agile");
    // About 200 ms here; the bound only catches a slow path (a WebCrypto digest loop takes 4 s).
    expect(ms).toBeLessThan(3000);
  });

  test("standard (AES-128, SHA-1, 50,000 spins) gives back the exact package", async () => {
    const file = await encryptStandard(seed, DEFAULT_PASSWORD);
    expectDecrypted(await openEncrypted(file), seed, "standard");
  });

  test.each([
    ["SHA1", 128],
    ["SHA256", 192],
    ["SHA384", 256],
    ["SHA512", 128],
  ] as const)("agile with %s and AES-%i", async (hashAlgorithm, keyBits) => {
    const file = await encryptAgile(seed, DEFAULT_PASSWORD, {
      hashAlgorithm,
      keyBits,
      spinCount: 1000,
    });
    expectDecrypted(await openEncrypted(file), seed, "agile");
  });

  test("agile without a dataIntegrity element", async () => {
    const file = await encryptAgile(seed, DEFAULT_PASSWORD, { ...FAST, noIntegrity: true });
    expectDecrypted(await openEncrypted(file), seed, "agile");
  });

  test("package sizes around segment, block and mini-stream boundaries round-trip", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.integer({ min: 0, max: 9000 }),
          fc.constantFrom(0, 1, 15, 16, 17, 4079, 4088, 4095, 4096, 4097, 8192)
        ),
        async (length) => {
          const pkg = Uint8Array.from({ length }, (_, i) => (i * 7 + 3) & 0xff);
          expectDecrypted(
            await openEncrypted(await encryptAgile(pkg, DEFAULT_PASSWORD, { spinCount: 1 })),
            pkg,
            "agile"
          );
        }
      ),
      { numRuns: 40 }
    );
  });

  test("a package past 7 MB, whose FAT sectors spill from the header into a DIFAT sector", async () => {
    const pkg = Uint8Array.from({ length: 7_500_000 }, (_, i) => (i * 31) & 0xff);
    const file = await encryptAgile(pkg, DEFAULT_PASSWORD, FAST);
    expect(u32(file, 72)).toBeGreaterThan(0); // DIFAT sectors
    expectDecrypted(await openEncrypted(file), pkg, "agile");
  });
});

describe("openEncrypted: other files", () => {
  test("a real password is recognised, and that password opens the file", async () => {
    const agile = await encryptAgile(seed, "rahasia-2020", { spinCount: 1000 });
    expect(await openEncrypted(agile)).toEqual({ kind: "password", method: "agile" });
    expectDecrypted(await openEncrypted(agile, "rahasia-2020"), seed, "agile");

    const standard = await encryptStandard(seed, "rahasia-2020");
    expect(await openEncrypted(standard)).toEqual({ kind: "password", method: "standard" });
    expectDecrypted(await openEncrypted(standard, "rahasia-2020"), seed, "standard");
  });

  test("an OLE file without EncryptionInfo (an old .xls) is not an encrypted package", async () => {
    const xls = writeCompoundFile([{ name: "Workbook", data: new Uint8Array(5000).fill(9) }]);
    expect(await openEncrypted(xls)).toEqual({ kind: "not-encrypted-ole" });
    const cfbWritten = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfbWritten, "/Workbook", new Uint8Array(300));
    const bytes = new Uint8Array(CFB.write(cfbWritten, { type: "buffer" }) as Buffer);
    expect(await openEncrypted(bytes)).toEqual({ kind: "not-encrypted-ole" });
  });

  test("RC4 CryptoAPI and extensible encryption need a password that is not checked here", async () => {
    const info = (major: number, minor: number, flags: number, algorithm: number) => {
      const bytes = new Uint8Array(200);
      bytes.set([major, 0, minor, 0]);
      u32(bytes, 4, flags);
      u32(bytes, 8, 40);
      u32(bytes, 20, algorithm);
      return bytes;
    };
    const file = (data: Uint8Array) =>
      writeCompoundFile([
        { name: "EncryptionInfo", data },
        { name: "EncryptedPackage", data: new Uint8Array(64) },
      ]);
    expect(await openEncrypted(file(info(4, 2, 0x04, 0x6801)))).toEqual({
      kind: "password",
      method: "rc4",
    });
    expect(await openEncrypted(file(info(4, 2, 0x14, 0)))).toEqual({
      kind: "password",
      method: "unknown",
    });
    expect(await openEncrypted(file(info(4, 3, 0x10, 0)))).toEqual({
      kind: "password",
      method: "unknown",
    });
  });
});

describe("openEncrypted: damaged files end quickly in 'damaged', never in a throw or a hang", () => {
  let good: Uint8Array;
  beforeAll(async () => {
    good = await encryptAgile(seed, DEFAULT_PASSWORD, FAST);
  });

  async function expectDamaged(file: Uint8Array, what?: RegExp): Promise<void> {
    const { value, ms } = await timed(() => openEncrypted(file));
    expect(value.kind).toBe("damaged");
    if (what && value.kind === "damaged") expect(value.what).toMatch(what);
    expect(ms).toBeLessThan(1000);
  }

  const edited = (edit: (file: Uint8Array) => void) => {
    const copy = good.slice();
    edit(copy);
    return copy;
  };

  test("truncated files", async () => {
    const entry = dirEntry(good, "EncryptedPackage");
    // The last sector's tail is padding; cutting there loses nothing, so cut into the package.
    const packageEnd = (u32(good, entry + 116) + 1) * 512 + u32(good, entry + 120);
    for (const length of [8, 100, 511, 512, 600, 1024, 2048, packageEnd - 4096, packageEnd - 1]) {
      await expectDamaged(good.subarray(0, length));
    }
  });

  test("garbage after the OLE signature", async () => {
    const garbage = Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 0xff);
    garbage.set(good.subarray(0, 8));
    await expectDamaged(garbage);
  });

  test("a FAT chain that loops, and one that points outside the file", async () => {
    const start = u32(good, dirEntry(good, "EncryptedPackage") + 116);
    await expectDamaged(
      edited((f) => u32(f, fatEntry(f, start + 1), start)),
      /loops/
    );
    await expectDamaged(
      edited((f) => u32(f, fatEntry(f, start + 1), 0x00ffffff)),
      /broken/
    );
    const dirStart = u32(good, 48);
    await expectDamaged(edited((f) => u32(f, fatEntry(f, dirStart), dirStart)));
  });

  test("huge sector counts and sizes in the header and directory", async () => {
    await expectDamaged(
      edited((f) => u32(f, 44, 0xffffffff)),
      /FAT sectors/
    );
    await expectDamaged(edited((f) => u32(f, 48, 0xfffffff0)));
    await expectDamaged(
      edited((f) => u32(f, dirEntry(f, "EncryptedPackage") + 120, 0xfffffff0)),
      /more than the file/
    );
    await expectDamaged(edited((f) => u32(f, dirEntry(f, "Root Entry") + 120, 0x7ffffff0)));
    await expectDamaged(
      edited((f) => u32(f, 30, 30)),
      /sector shift/
    );
  });

  test("a DIFAT chain that loops", async () => {
    const file = await encryptAgile(new Uint8Array(150_000), DEFAULT_PASSWORD, FAST);
    const last = file.length / 512 - 2;
    u32(file, 44, 240); // more FAT sectors than the header's 109 slots, so a DIFAT sector is read...
    u32(file, 68, last);
    u32(file, 72, 2);
    u32(file, (last + 1) * 512 + 508, last); // ...whose "next DIFAT sector" is itself
    await expectDamaged(file, /DIFAT chain loops/);
  });

  test("a directory tree that loops", async () => {
    await expectDamaged(
      edited((f) => {
        const at = dirEntry(f, "EncryptionInfo");
        u32(f, at + 68, (at - (u32(f, 48) + 1) * 512) / 128); // its left sibling is itself
      }),
      /loops/
    );
  });

  test("an EncryptionInfo with a DOCTYPE or entities is refused before anything is expanded", async () => {
    const doctype = await encryptAgile(seed, DEFAULT_PASSWORD, {
      ...FAST,
      editXml: (xml) =>
        xml.replace(
          "<encryption",
          '<!DOCTYPE encryption [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]><encryption'
        ),
    });
    await expectDamaged(doctype, /DOCTYPE/);
  });

  test("broken descriptors, versions and a changed package", async () => {
    const withXml = (editXml: (xml: string) => string) =>
      encryptAgile(seed, DEFAULT_PASSWORD, { ...FAST, editXml });
    await expectDamaged(await withXml((x) => x.replace(/<keyData [^>]*>/, "")), /no keyData/);
    await expectDamaged(await withXml((x) => x.replace('saltValue="', 'saltValue="@@')), /base64/);
    await expectDamaged(
      await withXml((x) => x.replace(/ChainingModeCBC/g, "ChainingModeCFB")),
      /chaining/
    );
    await expectDamaged(
      await withXml((x) => x.replace('spinCount="10"', 'spinCount="99999999"')),
      /spinCount/
    );
    const packageAt = (u32(good, dirEntry(good, "EncryptedPackage") + 116) + 1) * 512;
    await expectDamaged(
      edited((f) => (f[packageAt + 100] ^= 1)),
      /integrity/
    );
    const miniStreamAt = (u32(good, dirEntry(good, "Root Entry") + 116) + 1) * 512;
    const versionAt = miniStreamAt + u32(good, dirEntry(good, "EncryptionInfo") + 116) * 64;
    expect(u32(good, versionAt)).toBe(0x00040004);
    await expectDamaged(
      edited((f) => u32(f, versionAt, 0x00090009)),
      /version 9.9/
    );
    const infoOnly = writeCompoundFile([{ name: "EncryptionInfo", data: new Uint8Array(100) }]);
    await expectDamaged(infoOnly, /without EncryptedPackage/);
  });

  test("random changes to an encrypted file never throw or hang", async () => {
    // Most of what can break lies in the first sectors: header, FAT, directory, EncryptionInfo.
    const position = fc.oneof(fc.nat({ max: 3071 }), fc.nat({ max: good.length - 1 }));
    const change = fc.tuple(position, fc.integer({ min: 0, max: 255 }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(change, { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: good.length })),
        async (changes, cut) => {
          const file = good.slice(0, cut ?? good.length);
          for (const [at, byte] of changes) if (at < file.length) file[at] = byte;
          const { value, ms } = await timed(() => openEncrypted(file));
          expect(["decrypted", "password", "not-encrypted-ole", "damaged"]).toContain(value.kind);
          expect(ms).toBeLessThan(2000);
        }
      ),
      { numRuns: 300 }
    );
  });

  test("random bytes behind the OLE signature never throw or hang", async () => {
    const signature = good.subarray(0, 8);
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 0, maxLength: 5000 }), async (rest) => {
        const value = await openEncrypted(Uint8Array.from([...signature, ...rest]));
        expect(value.kind).toBe("damaged");
      }),
      { numRuns: 200 }
    );
  });
});

describe("the OLE reader", () => {
  test("reads a file written by the cfb package, with streams in the mini stream and in regular sectors", () => {
    const container = CFB.utils.cfb_new();
    const small = Uint8Array.from({ length: 700 }, (_, i) => i & 0xff);
    const large = Uint8Array.from({ length: 9000 }, (_, i) => (i * 3) & 0xff);
    CFB.utils.cfb_add(container, "/Small", small);
    CFB.utils.cfb_add(container, "/Large", large);
    const file = readCompoundFile(
      new Uint8Array(CFB.write(container, { type: "buffer" }) as Buffer)
    );
    expect(Buffer.from(file.stream("small")!).equals(Buffer.from(small))).toBe(true);
    expect(Buffer.from(file.stream("Large")!).equals(Buffer.from(large))).toBe(true);
    expect(file.stream("Missing")).toBeNull();
  });

  test("the fixture writer's files read back in the cfb package", async () => {
    const file = await encryptAgile(seed, DEFAULT_PASSWORD, FAST);
    const container = CFB.read(Buffer.from(file), { type: "buffer" });
    const mine = readCompoundFile(file);
    for (const name of ["EncryptionInfo", "EncryptedPackage"]) {
      const theirs = CFB.find(container, name)!.content as Uint8Array;
      expect(Buffer.from(theirs).equals(Buffer.from(mine.stream(name)!))).toBe(true);
    }
    expect(
      CFB.find(container, "/\u0006DataSpaces/TransformInfo/StrongEncryptionTransform/\u0006Primary")
    ).toBeTruthy();
  });

  test("throws only CompoundFileError", () => {
    expect(() => readCompoundFile(new Uint8Array(10))).toThrow(CompoundFileError);
  });
});

describe("the password hash spin of MS-OFFCRYPTO", () => {
  /** Written again over Node's own crypto: an independent SHA implementation. */
  const reference = (hash: string, salt: Uint8Array, password: string, spinCount: number) => {
    let h = crypto.createHash(hash).update(salt).update(Buffer.from(password, "utf16le")).digest();
    for (let i = 0; i < spinCount; i++) {
      const round = Buffer.alloc(4);
      round.writeUInt32LE(i);
      h = crypto.createHash(hash).update(round).update(h).digest();
    }
    return h;
  };

  test("agrees with Node's crypto for every hash agile encryption names", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 32 }),
        fc.string({ maxLength: 20 }),
        fc.oneof(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 250, max: 300 })),
        (salt, password, spinCount) => {
          for (const [name, node] of [
            ["SHA512", "sha512"],
            ["SHA384", "sha384"],
            ["SHA256", "sha256"],
            ["SHA1", "sha1"],
          ] as const)
            expect(
              Buffer.from(spunPasswordHash(name, salt, password, spinCount)).toString("hex")
            ).toBe(reference(node, salt, password, spinCount).toString("hex"));
        }
      ),
      { numRuns: 30 }
    );
  });

  test("agrees past 65,536 rounds, where the round number's third byte is used", () => {
    const salt = new Uint8Array(16).fill(1);
    expect(Buffer.from(spunPasswordHash("SHA512", salt, "x", 70_000)).toString("hex")).toBe(
      reference("sha512", salt, "x", 70_000).toString("hex")
    );
  });
});
