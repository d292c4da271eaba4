/* global atob, TextDecoder */
/**
 * Encrypted Office packages (MS-OFFCRYPTO, ECMA-376 document encryption): an OLE compound file
 * holding an EncryptionInfo stream and the encrypted .xlsx zip in an EncryptedPackage stream.
 *
 * Excel encrypts some files with the public default password "VelvetSweatshop" (they open without
 * asking for a password); those are decrypted here. A file with a real password is recognised
 * as such. Agile (4.4) and Standard (AES, 2.2/3.2/4.2) encryption are read; RC4 and extensible
 * encryption are only named. Pure JavaScript, so the Node command line and the browser worker
 * share it.
 */
import { cbc, ecb } from "@noble/ciphers/aes";
import { hmac } from "@noble/hashes/hmac";
import { sha1 } from "@noble/hashes/legacy";
import { sha256, sha384, sha512 } from "@noble/hashes/sha2";
import { CompoundFileError, readCompoundFile } from "./compound-file";
import { concat } from "./zip";

export const DEFAULT_PASSWORD = "VelvetSweatshop";

export type EncryptedOutcome =
  | { kind: "decrypted"; pkg: Uint8Array; method: "agile" | "standard" }
  | { kind: "password"; method: "agile" | "standard" | "rc4" | "unknown" }
  | { kind: "not-encrypted-ole" }
  | { kind: "damaged"; what: string };

/** EncryptionInfo or EncryptedPackage that cannot be read; `message` is English, for logs. */
export class EncryptionFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EncryptionFormatError";
  }
}

function fail(message: string): never {
  throw new EncryptionFormatError(message);
}

/**
 * Opens an OLE compound file that may hold an encrypted package, trying `password` (by default
 * Excel's public default password). Never throws for bad input: a damaged file is an outcome.
 */
export async function openEncrypted(
  bytes: Uint8Array,
  password: string = DEFAULT_PASSWORD
): Promise<EncryptedOutcome> {
  try {
    const file = readCompoundFile(bytes);
    const info = file.stream("EncryptionInfo");
    const hasPackage = file.entries.some(
      (e) => e.type === "stream" && e.name.toUpperCase() === "ENCRYPTEDPACKAGE"
    );
    if (!info && !hasPackage) return { kind: "not-encrypted-ole" };
    if (!info) fail("EncryptedPackage without EncryptionInfo");
    if (!hasPackage) fail("EncryptionInfo without EncryptedPackage");
    const encryptedPackage = () => file.stream("EncryptedPackage")!;
    return decryptWith(info, encryptedPackage, password);
  } catch (error) {
    if (error instanceof CompoundFileError || error instanceof EncryptionFormatError) {
      return { kind: "damaged", what: error.message };
    }
    throw error;
  }
}

function decryptWith(
  info: Uint8Array,
  encryptedPackage: () => Uint8Array,
  password: string
): EncryptedOutcome {
  if (info.length < 8) fail("EncryptionInfo is shorter than its version header");
  const view = dataView(info);
  const major = view.getUint16(0, true);
  const minor = view.getUint16(2, true);
  if (major === 4 && minor === 4) {
    const descriptor = parseAgileDescriptor(info.subarray(8));
    const key = agileIntermediateKey(descriptor, password);
    if (!key) return { kind: "password", method: "agile" };
    const stream = encryptedPackage();
    checkIntegrity(descriptor, key, stream);
    return {
      kind: "decrypted",
      method: "agile",
      pkg: decryptAgilePackage(descriptor.keyData, key, stream),
    };
  }
  if ((major === 2 || major === 3 || major === 4) && minor === 2) {
    const header = parseStandardInfo(info);
    if (header.method !== "standard") return { kind: "password", method: header.method };
    const key = standardKey(header, password);
    if (!key) return { kind: "password", method: "standard" };
    return {
      kind: "decrypted",
      method: "standard",
      pkg: decryptStandardPackage(key, encryptedPackage()),
    };
  }
  // 3.3/4.3 is extensible encryption (a third-party cipher); other versions are unknown.
  if ((major === 3 || major === 4) && minor === 3) return { kind: "password", method: "unknown" };
  fail(`EncryptionInfo version ${major}.${minor} is not one Office writes`);
}

// ---------------------------------------------------------------------------------------------
// Hashing

type HashName = "SHA1" | "SHA256" | "SHA384" | "SHA512";

const HASHES: Record<HashName, { hash: typeof sha1; size: number }> = {
  SHA1: { hash: sha1, size: 20 },
  SHA256: { hash: sha256, size: 32 },
  SHA384: { hash: sha384, size: 48 },
  SHA512: { hash: sha512, size: 64 },
};

function uint32le(n: number): Uint8Array {
  const out = new Uint8Array(4);
  dataView(out).setUint32(0, n, true);
  return out;
}

function dataView(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  const view = dataView(out);
  for (let i = 0; i < text.length; i++) view.setUint16(i * 2, text.charCodeAt(i), true);
  return out;
}

/**
 * The password hash of MS-OFFCRYPTO 2.3.4.7 and 2.3.4.11: H0 = H(salt + password), then
 * spinCount rounds of Hn = H(n as uint32le + Hn-1).
 */
export function spunPasswordHash(
  hashName: HashName,
  salt: Uint8Array,
  password: string,
  spinCount: number
): Uint8Array {
  const { hash } = HASHES[hashName];
  let h = hash(concat(salt, utf16le(password)));
  const buffer = new Uint8Array(4 + h.length);
  const view = dataView(buffer);
  for (let n = 0; n < spinCount; n++) {
    view.setUint32(0, n, true);
    buffer.set(h, 4);
    h = hash(buffer);
  }
  return h;
}

// ---------------------------------------------------------------------------------------------
// Agile encryption (MS-OFFCRYPTO 2.3.4.10 - 2.3.4.15)

interface CipherParams {
  salt: Uint8Array;
  blockSize: number;
  keyBytes: number;
  hashName: HashName;
}

interface PasswordKeyEncryptor extends CipherParams {
  spinCount: number;
  verifierHashInput: Uint8Array;
  verifierHashValue: Uint8Array;
  encryptedKeyValue: Uint8Array;
}

interface AgileDescriptor {
  keyData: CipherParams;
  password: PasswordKeyEncryptor | null;
  integrity: { hmacKey: Uint8Array; hmacValue: Uint8Array } | null;
}

const BLOCK_KEYS = {
  verifierHashInput: [0xfe, 0xa7, 0xd2, 0x76, 0x3b, 0x4b, 0x9e, 0x79],
  verifierHashValue: [0xd7, 0xaa, 0x0f, 0x6d, 0x30, 0x61, 0x34, 0x4e],
  encryptedKeyValue: [0x14, 0x6e, 0x0b, 0xe7, 0xab, 0xac, 0xd0, 0xd6],
  integrityKey: [0x5f, 0xb2, 0xad, 0x01, 0x0c, 0xb9, 0xe1, 0xf6],
  integrityValue: [0xa0, 0x67, 0x7f, 0x02, 0xb2, 0x2c, 0x84, 0x33],
} as const;

/**
 * Office writes 100,000 spins and caps them at 10,000,000; trying the default key on a file that
 * asks for millions would keep a command or a browser busy for half a minute, so past 1,000,000
 * the file is told as encrypted in a way this does not read.
 */
const MAX_SPIN_COUNT = 1_000_000;
const SEGMENT = 4096;

type Attributes = Map<string, string>;

/** The attributes of each element with one of `names` (namespace prefix ignored), in order. */
function elements(
  xml: string,
  names: readonly string[]
): { name: string; attributes: Attributes }[] {
  const out: { name: string; attributes: Attributes }[] = [];
  const tag = /<(?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)(\s[^<>]*)?\/?>/g;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    if (!names.includes(m[1])) continue;
    const attributes: Attributes = new Map();
    const attribute = /([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
    for (let a = attribute.exec(m[2] ?? ""); a; a = attribute.exec(m[2] ?? "")) {
      attributes.set(a[1], a[2] ?? a[3]);
    }
    out.push({ name: m[1], attributes });
  }
  return out;
}

/** Parses the XML descriptor with a scan of tags and attributes; DTDs and entities are refused. */
function parseAgileDescriptor(xmlBytes: Uint8Array): AgileDescriptor {
  const xml = new TextDecoder("utf-8").decode(xmlBytes);
  if (/<!(?!--)/.test(xml)) fail("agile EncryptionInfo XML has a DOCTYPE, entity or CDATA section");
  const found = elements(xml, ["keyData", "dataIntegrity", "encryptedKey"]);
  const keyDataEl = found.find((e) => e.name === "keyData");
  if (!keyDataEl) fail("agile EncryptionInfo has no keyData");
  const keyData = cipherParams(keyDataEl.attributes, "keyData");
  // A certificate key encryptor has an encryptedKey too, without a password verifier.
  const passwordEl = found.find(
    (e) => e.name === "encryptedKey" && e.attributes.has("encryptedVerifierHashInput")
  );
  const integrityEl = found.find((e) => e.name === "dataIntegrity");
  return {
    keyData,
    password: passwordEl ? passwordKeyEncryptor(passwordEl.attributes) : null,
    integrity: integrityEl
      ? {
          hmacKey: base64Attribute(integrityEl.attributes, "encryptedHmacKey", "dataIntegrity"),
          hmacValue: base64Attribute(integrityEl.attributes, "encryptedHmacValue", "dataIntegrity"),
        }
      : null,
  };
}

function attribute(attributes: Attributes, name: string, where: string): string {
  const value = attributes.get(name);
  if (value === undefined) fail(`agile ${where} has no ${name}`);
  return value.trim();
}

function integerAttribute(attributes: Attributes, name: string, where: string): number {
  const text = attribute(attributes, name, where);
  if (!/^\d{1,9}$/.test(text))
    fail(`agile ${where} ${name} "${text.slice(0, 20)}" is not a number`);
  return Number(text);
}

function base64Attribute(attributes: Attributes, name: string, where: string): Uint8Array {
  const text = attribute(attributes, name, where);
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    fail(`agile ${where} ${name} is not base64`);
  }
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

function cipherParams(attributes: Attributes, where: string): CipherParams {
  const cipher = attribute(attributes, "cipherAlgorithm", where);
  if (cipher !== "AES") fail(`agile ${where} cipher ${cipher.slice(0, 20)} is not supported`);
  const chaining = attribute(attributes, "cipherChaining", where);
  if (chaining !== "ChainingModeCBC")
    fail(`agile ${where} chaining ${chaining.slice(0, 20)} is not supported`);
  const hashName = attribute(attributes, "hashAlgorithm", where).toUpperCase().replace("-", "");
  if (!(hashName in HASHES)) fail(`agile ${where} hash ${hashName.slice(0, 20)} is not supported`);
  const hash = HASHES[hashName as HashName];
  if (integerAttribute(attributes, "hashSize", where) !== hash.size)
    fail(`agile ${where} hashSize does not fit ${hashName}`);
  const blockSize = integerAttribute(attributes, "blockSize", where);
  if (blockSize !== 16) fail(`agile ${where} blockSize ${blockSize} is not AES's 16`);
  const keyBits = integerAttribute(attributes, "keyBits", where);
  if (keyBits !== 128 && keyBits !== 192 && keyBits !== 256)
    fail(`agile ${where} keyBits ${keyBits} is not an AES key size`);
  const salt = base64Attribute(attributes, "saltValue", where);
  if (salt.length < 1 || salt.length > 65536) fail(`agile ${where} salt has ${salt.length} bytes`);
  return { salt, blockSize, keyBytes: keyBits / 8, hashName: hashName as HashName };
}

function passwordKeyEncryptor(attributes: Attributes): PasswordKeyEncryptor {
  const where = "password encryptedKey";
  const spinCount = integerAttribute(attributes, "spinCount", where);
  if (spinCount > MAX_SPIN_COUNT)
    fail(`agile spinCount ${spinCount} is over the ${MAX_SPIN_COUNT} tried`);
  return {
    ...cipherParams(attributes, where),
    spinCount,
    verifierHashInput: base64Attribute(attributes, "encryptedVerifierHashInput", where),
    verifierHashValue: base64Attribute(attributes, "encryptedVerifierHashValue", where),
    encryptedKeyValue: base64Attribute(attributes, "encryptedKeyValue", where),
  };
}

/** A hash truncated, or padded with 0x36, to `length` bytes (2.3.4.11 and 2.3.4.12). */
function fitTo(bytes: Uint8Array, length: number, pad = 0x36): Uint8Array {
  if (bytes.length >= length) return bytes.slice(0, length);
  const out = new Uint8Array(length).fill(pad);
  out.set(bytes);
  return out;
}

function aesCbcDecrypt(
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  what: string
): Uint8Array {
  if (data.length === 0 || data.length % 16 !== 0)
    fail(`${what} is not a whole number of AES blocks`);
  return cbc(key, iv, { disablePadding: true }).decrypt(data);
}

/** The intermediate key that encrypts the package, or null if `password` is not the file's. */
function agileIntermediateKey(descriptor: AgileDescriptor, password: string): Uint8Array | null {
  const p = descriptor.password;
  if (!p) return null; // certificate-only encryption: a password will not open it either
  const { hash, size } = HASHES[p.hashName];
  const spun = spunPasswordHash(p.hashName, p.salt, password, p.spinCount);
  const keyFor = (blockKey: readonly number[]) =>
    fitTo(hash(concat(spun, Uint8Array.from(blockKey))), p.keyBytes);
  const iv = fitTo(p.salt, p.blockSize);
  const input = aesCbcDecrypt(
    keyFor(BLOCK_KEYS.verifierHashInput),
    iv,
    p.verifierHashInput,
    "encryptedVerifierHashInput"
  );
  const value = aesCbcDecrypt(
    keyFor(BLOCK_KEYS.verifierHashValue),
    iv,
    p.verifierHashValue,
    "encryptedVerifierHashValue"
  );
  if (value.length < size) fail("encryptedVerifierHashValue is shorter than its hash");
  const expected = hash(input.subarray(0, p.salt.length));
  if (!sameBytes(expected, value.subarray(0, size))) return null;
  const key = aesCbcDecrypt(
    keyFor(BLOCK_KEYS.encryptedKeyValue),
    iv,
    p.encryptedKeyValue,
    "encryptedKeyValue"
  );
  if (key.length < descriptor.keyData.keyBytes)
    fail("encryptedKeyValue is shorter than the package key");
  return key.subarray(0, descriptor.keyData.keyBytes);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function keyDataIv(keyData: CipherParams, block: Uint8Array): Uint8Array {
  return fitTo(HASHES[keyData.hashName].hash(concat(keyData.salt, block)), keyData.blockSize);
}

/** The package's size from the first 8 bytes of EncryptedPackage, checked against the stream. */
function packageSize(stream: Uint8Array): number {
  if (stream.length < 8) fail("EncryptedPackage is shorter than its size field");
  const view = dataView(stream);
  const size = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
  if (size > stream.length - 8)
    fail(`EncryptedPackage claims ${size} bytes but holds ${stream.length - 8}`);
  return size;
}

function decryptAgilePackage(
  keyData: CipherParams,
  key: Uint8Array,
  stream: Uint8Array
): Uint8Array {
  const size = packageSize(stream);
  const out = new Uint8Array(size);
  for (let segment = 0; segment * SEGMENT < size; segment++) {
    const at = 8 + segment * SEGMENT;
    const plain = Math.min(SEGMENT, size - segment * SEGMENT);
    const cipherLength = Math.ceil(plain / 16) * 16;
    if (at + cipherLength > stream.length) fail("EncryptedPackage is cut short");
    const iv = keyDataIv(keyData, uint32le(segment));
    const decrypted = aesCbcDecrypt(
      key,
      iv,
      stream.subarray(at, at + cipherLength),
      "EncryptedPackage"
    );
    out.set(decrypted.subarray(0, plain), segment * SEGMENT);
  }
  return out;
}

/** The dataIntegrity HMAC over the whole EncryptedPackage stream (2.3.4.14), when the file has one. */
function checkIntegrity(descriptor: AgileDescriptor, key: Uint8Array, stream: Uint8Array): void {
  const { integrity, keyData } = descriptor;
  if (!integrity) return;
  const { hash, size } = HASHES[keyData.hashName];
  const decrypt = (data: Uint8Array, blockKey: readonly number[], what: string) => {
    const plain = aesCbcDecrypt(key, keyDataIv(keyData, Uint8Array.from(blockKey)), data, what);
    if (plain.length < size) fail(`${what} is shorter than its hash`);
    return plain.subarray(0, size);
  };
  const hmacKey = decrypt(integrity.hmacKey, BLOCK_KEYS.integrityKey, "encryptedHmacKey");
  const expected = decrypt(integrity.hmacValue, BLOCK_KEYS.integrityValue, "encryptedHmacValue");
  if (!sameBytes(hmac(hash, hmacKey, stream), expected)) {
    fail("EncryptedPackage fails its data-integrity HMAC: the file was changed or damaged");
  }
}

// ---------------------------------------------------------------------------------------------
// Standard encryption (MS-OFFCRYPTO 2.3.4.5 - 2.3.4.9)

const F_CRYPTOAPI = 0x04;
const F_EXTERNAL = 0x10;
const F_AES = 0x20;
const ALG_RC4 = 0x6801;
const AES_ALGORITHMS: Record<number, number> = { 0x660e: 128, 0x660f: 192, 0x6610: 256 };
const STANDARD_SPIN_COUNT = 50_000;

interface StandardInfo {
  method: "standard" | "rc4" | "unknown";
  keyBytes: number;
  salt: Uint8Array;
  encryptedVerifier: Uint8Array;
  encryptedVerifierHash: Uint8Array;
}

/** Which cipher a 2.2/3.2/4.2 EncryptionInfo names: its AlgID, or when that is 0 its flags. */
function standardMethod(flags: number, algorithm: number): StandardInfo["method"] {
  if (flags & F_EXTERNAL) return "unknown";
  if (algorithm === ALG_RC4) return "rc4";
  if (AES_ALGORITHMS[algorithm] !== undefined) return "standard";
  if (algorithm !== 0) return "unknown";
  if (flags & F_AES) return "standard";
  return flags & F_CRYPTOAPI ? "rc4" : "unknown";
}

function parseStandardInfo(info: Uint8Array): StandardInfo {
  if (info.length < 12 + 32) fail("standard EncryptionInfo header is cut short");
  const view = dataView(info);
  const flags = view.getUint32(4, true);
  const headerSize = view.getUint32(8, true);
  if (headerSize < 32 || 12 + headerSize + 4 > info.length)
    fail("standard EncryptionHeader size does not fit the stream");
  const algorithm = view.getUint32(20, true);
  const hashAlgorithm = view.getUint32(24, true);
  const keyBits = view.getUint32(28, true);
  const method = standardMethod(flags, algorithm);
  if (method !== "standard") {
    const none = new Uint8Array(0);
    return {
      method,
      keyBytes: 0,
      salt: none,
      encryptedVerifier: none,
      encryptedVerifierHash: none,
    };
  }
  const expectedBits = AES_ALGORITHMS[algorithm];
  if (keyBits !== 128 && keyBits !== 192 && keyBits !== 256)
    fail(`standard keySize ${keyBits} is not an AES key size`);
  if (expectedBits !== undefined && expectedBits !== keyBits)
    fail("standard keySize does not fit its AlgID");
  if (hashAlgorithm !== 0 && hashAlgorithm !== 0x8004) fail("standard AlgIDHash is not SHA-1");

  let at = 12 + headerSize;
  const saltSize = view.getUint32(at, true);
  if (saltSize !== 16) fail(`standard salt size ${saltSize} is not 16`);
  at += 4;
  if (at + 16 + 16 + 4 + 32 > info.length) fail("standard EncryptionVerifier is cut short");
  const salt = info.slice(at, at + 16);
  const encryptedVerifier = info.slice(at + 16, at + 32);
  if (view.getUint32(at + 32, true) !== 20) fail("standard verifier hash size is not SHA-1's 20");
  const encryptedVerifierHash = info.slice(at + 36, at + 36 + 32);
  return {
    method: "standard",
    keyBytes: keyBits / 8,
    salt,
    encryptedVerifier,
    encryptedVerifierHash,
  };
}

/** The AES key of 2.3.4.7, or null if `password` is not the file's (verified as in 2.3.4.9). */
function standardKey(info: StandardInfo, password: string): Uint8Array | null {
  const spun = spunPasswordHash("SHA1", info.salt, password, STANDARD_SPIN_COUNT);
  const derived = sha1(concat(spun, uint32le(0)));
  const xored = (pad: number) => {
    const buffer = new Uint8Array(64).fill(pad);
    derived.forEach((b, i) => (buffer[i] ^= b));
    return sha1(buffer);
  };
  const key = concat(xored(0x36), xored(0x5c)).slice(0, info.keyBytes);
  const verifier = ecb(key, { disablePadding: true }).decrypt(info.encryptedVerifier);
  const verifierHash = ecb(key, { disablePadding: true }).decrypt(info.encryptedVerifierHash);
  return sameBytes(sha1(verifier), verifierHash.subarray(0, 20)) ? key : null;
}

function decryptStandardPackage(key: Uint8Array, stream: Uint8Array): Uint8Array {
  const size = packageSize(stream);
  const cipherLength = Math.ceil(size / 16) * 16;
  if (8 + cipherLength > stream.length) fail("EncryptedPackage is cut short");
  if (cipherLength === 0) return new Uint8Array(0);
  const plain = ecb(key, { disablePadding: true }).decrypt(stream.subarray(8, 8 + cipherLength));
  return plain.slice(0, size);
}
