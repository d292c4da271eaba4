/**
 * A reader for OLE compound files (MS-CFB), the container Office puts an encrypted workbook in.
 * It reads only the streams directly under the root storage, which is all that an encrypted
 * package needs. Every offset, sector number and chain is checked against the file's size, so a
 * damaged or hostile file ends in a CompoundFileError, never in a hang or another exception.
 */

export class CompoundFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CompoundFileError";
  }
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEADER_DIFAT_ENTRIES = 109;
const MINI_SECTOR_SIZE = 64;
const MINI_STREAM_CUTOFF = 4096;
const DIR_ENTRY_SIZE = 128;
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;

const enum EntryType {
  Storage = 1,
  Stream = 2,
  Root = 5,
}

export interface CompoundEntry {
  name: string;
  type: "storage" | "stream";
  size: number;
}

export interface CompoundFile {
  /** The streams and storages directly under the root storage. */
  readonly entries: readonly CompoundEntry[];
  /** The bytes of a stream directly under the root, by name (case-insensitive, as in MS-CFB); null if absent. */
  stream(name: string): Uint8Array | null;
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

interface DirEntry {
  name: string;
  type: number;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

interface Layout {
  bytes: Uint8Array;
  view: DataView;
  sectorSize: number;
  /** Sectors the file holds, the last one possibly cut short. */
  sectorCount: number;
  fat: Uint32Array;
}

function fail(message: string): never {
  throw new CompoundFileError(message);
}

export function readCompoundFile(bytes: Uint8Array): CompoundFile {
  if (!isCompoundFile(bytes)) fail("not an OLE compound file (no signature)");
  if (bytes.length < 512) fail("OLE header is cut short");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(28, true) !== 0xfffe) fail("OLE header has a wrong byte-order mark");
  const sectorShift = view.getUint16(30, true);
  if (sectorShift !== 9 && sectorShift !== 12)
    fail(`OLE sector shift ${sectorShift} is not 9 or 12`);
  if (view.getUint16(32, true) !== 6) fail("OLE mini sector shift is not 6");
  if (view.getUint32(56, true) !== MINI_STREAM_CUTOFF) fail("OLE mini stream cutoff is not 4096");

  const sectorSize = 1 << sectorShift;
  const sectorCount = Math.max(0, Math.ceil((bytes.length - sectorSize) / sectorSize));
  const partial: Omit<Layout, "fat"> = { bytes, view, sectorSize, sectorCount };
  const layout: Layout = { ...partial, fat: readFat(partial) };

  const dirBytes = readChain(layout, view.getUint32(48, true), null, "directory");
  const dir = parseDirectory(dirBytes);
  const root = dir[0];
  if (!root || root.type !== EntryType.Root) fail("OLE directory has no root entry");

  const children = rootChildren(dir, root.child);
  let miniStream: Uint8Array | null = null;
  let miniFat: Uint32Array | null = null;
  const readMini = (entry: DirEntry): Uint8Array => {
    miniStream ??= readChain(layout, root.start, root.size, "mini stream");
    miniFat ??= toEntries(readChain(layout, view.getUint32(60, true), null, "mini FAT"));
    return readMiniChain(miniStream, miniFat, entry);
  };

  return {
    entries: children.map((e) => ({
      name: e.name,
      type: e.type === EntryType.Storage ? "storage" : "stream",
      size: e.type === EntryType.Stream ? e.size : 0,
    })),
    stream(name: string): Uint8Array | null {
      const wanted = name.toUpperCase();
      const entry = children.find(
        (e) => e.type === EntryType.Stream && e.name.toUpperCase() === wanted
      );
      if (!entry) return null;
      if (entry.size === 0) return new Uint8Array(0);
      if (entry.size < MINI_STREAM_CUTOFF) return readMini(entry);
      return readChain(layout, entry.start, entry.size, `stream ${entry.name}`);
    },
  };
}

/** The FAT sector numbers from the header's DIFAT array and the DIFAT sector chain. */
function fatSectorNumbers(layout: Omit<Layout, "fat">): number[] {
  const { view, sectorSize, sectorCount } = layout;
  const fatCount = view.getUint32(44, true);
  if (fatCount > sectorCount)
    fail(`OLE header claims ${fatCount} FAT sectors in a file of ${sectorCount}`);
  const numbers: number[] = [];
  for (let i = 0; i < HEADER_DIFAT_ENTRIES && numbers.length < fatCount; i++) {
    numbers.push(view.getUint32(76 + i * 4, true));
  }
  const perDifat = sectorSize / 4 - 1;
  const seen = new Uint8Array(sectorCount);
  let next = view.getUint32(68, true);
  while (numbers.length < fatCount) {
    if (next === ENDOFCHAIN || next === FREESECT)
      fail("OLE DIFAT chain ends before all FAT sectors");
    if (next >= sectorCount) fail(`OLE DIFAT chain is broken at sector ${next}`);
    if (seen[next]) fail("OLE DIFAT chain loops");
    seen[next] = 1;
    const at = (next + 1) * sectorSize;
    if (at + sectorSize > layout.bytes.length) fail("OLE DIFAT sector is cut short");
    for (let i = 0; i < perDifat && numbers.length < fatCount; i++) {
      numbers.push(view.getUint32(at + i * 4, true));
    }
    next = view.getUint32(at + perDifat * 4, true);
  }
  return numbers;
}

function readFat(layout: Omit<Layout, "fat">): Uint32Array {
  const { bytes, view, sectorSize, sectorCount } = layout;
  const numbers = fatSectorNumbers(layout);
  const perSector = sectorSize / 4;
  // Entries past the file's last sector can never be followed, so the table stops there.
  const fat = new Uint32Array(Math.min(numbers.length * perSector, sectorCount)).fill(FREESECT);
  numbers.forEach((sector, n) => {
    if (sector >= sectorCount) fail(`OLE FAT sector ${sector} lies outside the file`);
    const at = (sector + 1) * sectorSize;
    for (let i = 0; i < perSector && n * perSector + i < fat.length; i++) {
      if (at + i * 4 + 4 <= bytes.length) fat[n * perSector + i] = view.getUint32(at + i * 4, true);
    }
  });
  return fat;
}

/**
 * The bytes of a chain of regular sectors: `size` of them, or (size null) all up to ENDOFCHAIN.
 * A sector met twice means the chain loops, which ends in an error. A chain that ends before
 * `size` gives a shorter stream, as some writers store a wrong size (extenxls did); a caller
 * that relies on a length checks it.
 */
function readChain(layout: Layout, start: number, size: number | null, what: string): Uint8Array {
  const { bytes, sectorSize, sectorCount, fat } = layout;
  if (size !== null && size > sectorCount * sectorSize)
    fail(`OLE ${what} claims ${size} bytes, more than the file holds`);
  const sectors: number[] = [];
  const wanted = size === null ? sectorCount : Math.ceil(size / sectorSize);
  const seen = new Uint8Array(sectorCount);
  let next = start;
  while (sectors.length < wanted) {
    if (next === ENDOFCHAIN) break;
    if (next > MAXREGSECT || next >= sectorCount)
      fail(`OLE ${what} chain is broken at sector ${next}`);
    if (seen[next]) fail(`OLE ${what} chain loops`);
    seen[next] = 1;
    sectors.push(next);
    next = next < fat.length ? fat[next] : FREESECT;
  }
  const length = Math.min(size ?? Infinity, sectors.length * sectorSize);
  const out = new Uint8Array(length);
  sectors.forEach((sector, i) => {
    const from = (sector + 1) * sectorSize;
    const take = Math.min(sectorSize, length - i * sectorSize);
    if (from + take > bytes.length) fail(`OLE ${what} runs past the end of the file`);
    out.set(bytes.subarray(from, from + take), i * sectorSize);
  });
  return out;
}

function readMiniChain(miniStream: Uint8Array, miniFat: Uint32Array, entry: DirEntry): Uint8Array {
  const out = new Uint8Array(entry.size);
  const count = Math.ceil(entry.size / MINI_SECTOR_SIZE);
  const seen = new Uint8Array(miniFat.length);
  let next = entry.start;
  for (let i = 0; i < count; i++) {
    if (next >= miniFat.length) fail(`OLE mini chain of ${entry.name} is broken at ${next}`);
    if (seen[next]) fail(`OLE mini chain of ${entry.name} loops`);
    seen[next] = 1;
    const from = next * MINI_SECTOR_SIZE;
    const take = Math.min(MINI_SECTOR_SIZE, entry.size - i * MINI_SECTOR_SIZE);
    if (from + take > miniStream.length) fail(`OLE stream ${entry.name} runs past the mini stream`);
    out.set(miniStream.subarray(from, from + take), i * MINI_SECTOR_SIZE);
    next = miniFat[next];
  }
  return out;
}

function toEntries(bytes: Uint8Array): Uint32Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Uint32Array(Math.floor(bytes.length / 4));
  for (let i = 0; i < out.length; i++) out[i] = view.getUint32(i * 4, true);
  return out;
}

function parseDirectory(bytes: Uint8Array): DirEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries: DirEntry[] = [];
  for (let at = 0; at + DIR_ENTRY_SIZE <= bytes.length; at += DIR_ENTRY_SIZE) {
    const nameBytes = Math.min(view.getUint16(at + 64, true), 64);
    let name = "";
    for (let i = 0; i + 1 < nameBytes; i += 2) {
      const code = view.getUint16(at + i, true);
      if (code === 0) break;
      name += String.fromCharCode(code);
    }
    entries.push({
      name,
      type: bytes[at + 66],
      left: view.getUint32(at + 68, true),
      right: view.getUint32(at + 72, true),
      child: view.getUint32(at + 76, true),
      start: view.getUint32(at + 116, true),
      // Version 3 files may hold garbage in the high half; a size past 4 GB is no workbook anyway.
      size: view.getUint32(at + 120, true),
    });
  }
  return entries;
}

/** The entries of the root storage's red-black tree, each visited once even if the tree loops. */
function rootChildren(dir: DirEntry[], first: number): DirEntry[] {
  const seen = new Set<number>();
  const out: DirEntry[] = [];
  const pending = first === NOSTREAM ? [] : [first];
  while (pending.length > 0) {
    const id = pending.pop()!;
    if (id >= dir.length) fail(`OLE directory points to missing entry ${id}`);
    if (seen.has(id)) fail("OLE directory tree loops");
    seen.add(id);
    const entry = dir[id];
    if (entry.type === EntryType.Stream || entry.type === EntryType.Storage) out.push(entry);
    if (entry.left !== NOSTREAM) pending.push(entry.left);
    if (entry.right !== NOSTREAM) pending.push(entry.right);
  }
  return out;
}
