/* global TextDecoder, TextEncoder */
/**
 * The zip container of an .xlsx package: its central directory read without inflating anything,
 * single entries inflated on demand (fflate), and a writer that copies every untouched entry as the
 * bytes it was (local header, compressed data, data descriptor) and deflates only what changed.
 */
import { deflateSync, inflateSync } from "fflate";

export interface ZipEntry {
  /** The entry's name as stored ("xl/workbook.xml"). */
  name: string;
  /** The name's bytes as stored, written back unchanged when the entry is copied. */
  rawName: Uint8Array;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where its local header starts. */
  offset: number;
  /** DOS time and date, as stored. */
  time: number;
  date: number;
  versionMadeBy: number;
  externalAttributes: number;
  /** Extra field and comment of the central record, kept when the entry is copied. */
  extra: Uint8Array;
  comment: Uint8Array;
}

export class ZipError extends Error {
  constructor(
    message: string,
    /** The entry it concerns, if one. */
    readonly entry?: string
  ) {
    super(entry ? `${entry}: ${message}` : message);
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;

/**
 * Deflate and its checksum. fflate (pure JavaScript) serves everywhere; the command line hands in
 * Node's native zlib, several times faster on a large sheet.
 */
export interface Codec {
  /** Raw DEFLATE data expanded into exactly `size` bytes; throws when it does not fit. */
  inflate(data: Uint8Array, size: number): Uint8Array;
  deflate(data: Uint8Array): Uint8Array;
  /**
   * Deflates off the main thread, where the platform can (Node's thread pool): a large changed part
   * is compressed while the rest of the result is still being made. The same bytes as `deflate`.
   */
  deflateAhead?(data: Uint8Array): Promise<Uint8Array>;
  crc32(data: Uint8Array): number;
}

export const FFLATE: Codec = {
  inflate(data, size) {
    // One byte more than announced: a stream longer than its directory says shows it.
    const out = inflateSync(data, { out: new Uint8Array(size + 1) });
    if (out.length !== size) throw new Error("size");
    return out;
  },
  deflate: (data) => deflateSync(data, { level: 6 }),
  crc32: (data) => crc32(data),
};

export interface ZipArchive {
  bytes: Uint8Array;
  entries: ZipEntry[];
  /** Bytes of the archive comment. */
  comment: Uint8Array;
  codec: Codec;
}

const utf8 = new TextDecoder();

/** Sizes and offset that did not fit 32 bits live in the zip64 extra field (id 1). */
function zip64Values(
  extra: Uint8Array,
  wanted: { size: boolean; compressed: boolean; offset: boolean }
): { size?: number; compressed?: number; offset?: number } {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.length;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 1) {
      const out: { size?: number; compressed?: number; offset?: number } = {};
      let p = at + 4;
      const take = () => {
        if (p + 8 > at + 4 + length) throw new ZipError("zip64 extra field too short");
        const value = Number(view.getBigUint64(p, true));
        p += 8;
        return value;
      };
      if (wanted.size) out.size = take();
      if (wanted.compressed) out.compressed = take();
      if (wanted.offset) out.offset = take();
      return out;
    }
    at += 4 + length;
  }
  return {};
}

/** The archive's entries from its central directory; throws ZipError when it is no (whole) zip. */
export function readZip(bytes: Uint8Array, codec: Codec = FFLATE): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 22 || view.getUint32(0, true) !== SIG_LOCAL) throw new ZipError("no zip");
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipError("no end of central directory");
  let count = view.getUint16(end + 10, true);
  let directorySize = view.getUint32(end + 12, true);
  let at = view.getUint32(end + 16, true);
  const commentLength = view.getUint16(end + 20, true);
  if (count === 0xffff || at === 0xffffffff || directorySize === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && view.getUint32(locator, true) === SIG_END64_LOCATOR) {
      const record = Number(view.getBigUint64(locator + 8, true));
      if (record + 56 > bytes.length || view.getUint32(record, true) !== SIG_END64)
        throw new ZipError("zip64 end record missing");
      count = Number(view.getBigUint64(record + 32, true));
      directorySize = Number(view.getBigUint64(record + 40, true));
      at = Number(view.getBigUint64(record + 48, true));
    }
  }
  if (at + directorySize > bytes.length) throw new ZipError("central directory outside the file");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== SIG_CENTRAL)
      throw new ZipError("central directory damaged");
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const entryCommentLength = view.getUint16(at + 32, true);
    const next = at + 46 + nameLength + extraLength + entryCommentLength;
    if (next > bytes.length) throw new ZipError("central directory damaged");
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    let compressedSize = view.getUint32(at + 20, true);
    let size = view.getUint32(at + 24, true);
    let offset = view.getUint32(at + 42, true);
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      const big = zip64Values(extra, {
        size: size === 0xffffffff,
        compressed: compressedSize === 0xffffffff,
        offset: offset === 0xffffffff,
      });
      size = big.size ?? size;
      compressedSize = big.compressed ?? compressedSize;
      offset = big.offset ?? offset;
    }
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    entries.push({
      name: utf8.decode(rawName),
      rawName,
      versionMadeBy: view.getUint16(at + 4, true),
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize,
      size,
      offset,
      externalAttributes: view.getUint32(at + 38, true),
      extra,
      comment: bytes.subarray(next - entryCommentLength, next),
    });
    at = next;
  }
  return { bytes, entries, comment: bytes.subarray(end + 22, end + 22 + commentLength), codec };
}

/** Where an entry's compressed data starts, after its local header. */
function dataStart(archive: ZipArchive, entry: ZipEntry): number {
  const { bytes } = archive;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (entry.offset + 30 > bytes.length || view.getUint32(entry.offset, true) !== SIG_LOCAL)
    throw new ZipError("local header missing", entry.name);
  const start =
    entry.offset +
    30 +
    view.getUint16(entry.offset + 26, true) +
    view.getUint16(entry.offset + 28, true);
  if (start + entry.compressedSize > bytes.length)
    throw new ZipError("runs past the end of the file", entry.name);
  return start;
}

/** The entry's content; throws ZipError when it cannot be inflated to the size the directory gives. */
export function inflateEntry(archive: ZipArchive, entry: ZipEntry): Uint8Array {
  if (entry.flags & 1) throw new ZipError("is encrypted", entry.name);
  const start = dataStart(archive, entry);
  const raw = archive.bytes.subarray(start, start + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) data = raw.slice();
  else if (entry.method === 8) {
    try {
      data = archive.codec.inflate(raw, entry.size);
    } catch {
      throw new ZipError("cannot be inflated to its size", entry.name);
    }
  } else throw new ZipError(`uses compression method ${entry.method}`, entry.name);
  if (data.length !== entry.size) throw new ZipError("has the wrong size", entry.name);
  if (archive.codec.crc32(data) !== entry.crc) throw new ZipError("fails its checksum", entry.name);
  return data;
}

let crcTable: Int32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  const table = crcTable;
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

/** What goes into the new archive: an entry of the old one as it was, or new content under a name. */
export type OutEntry =
  { copy: ZipEntry } | { name: string; data: Uint8Array; like?: ZipEntry; deflated?: Uint8Array };

/** The bytes an entry occupies in the old archive: local header, data and any data descriptor. */
function span(archive: ZipArchive, entry: ZipEntry): [number, number] {
  const data = dataStart(archive, entry) + entry.compressedSize;
  if (!(entry.flags & 8)) return [entry.offset, data];
  const { bytes } = archive;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const signed = data + 4 <= bytes.length && view.getUint32(data, true) === 0x08074b50;
  // Sizes are 8 bytes each in the descriptor when the local header carries a zip64 field.
  const sizes =
    entry.size > 0xfffffffe || entry.compressedSize > 0xfffffffe || hasZip64(archive, entry)
      ? 16
      : 8;
  const stop = data + (signed ? 4 : 0) + 4 + sizes;
  if (stop > bytes.length) throw new ZipError("data descriptor missing", entry.name);
  return [entry.offset, stop];
}

function hasZip64(archive: ZipArchive, entry: ZipEntry): boolean {
  const { bytes } = archive;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nameLength = view.getUint16(entry.offset + 26, true);
  const extraStart = entry.offset + 30 + nameLength;
  const extraEnd = extraStart + view.getUint16(entry.offset + 28, true);
  for (let at = extraStart; at + 4 <= extraEnd; at += 4 + view.getUint16(at + 2, true))
    if (view.getUint16(at, true) === 1) return true;
  return false;
}

function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(d.getFullYear() - 1980, 0) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

const encoder = new TextEncoder();

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7e) return false;
  return true;
}

/** Strips the zip64 field (id 1) from an extra field: the rewritten central record needs none. */
function withoutZip64(extra: Uint8Array): Uint8Array {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  const keep: Uint8Array[] = [];
  for (let at = 0; at + 4 <= extra.length;) {
    const length = view.getUint16(at + 2, true);
    if (view.getUint16(at, true) !== 1) keep.push(extra.subarray(at, at + 4 + length));
    at += 4 + length;
  }
  return concat(...keep);
}

export function concat(...chunks: Uint8Array[]): Uint8Array {
  let total = 0;
  for (const c of chunks) total += c.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A new archive: copied entries keep their local header and compressed bytes exactly; new content is
 * deflated (or stored when that is not smaller). Central records are written anew with the offsets.
 */
export function writeZip(archive: ZipArchive, out: readonly OutEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const now = dosNow();
  for (const item of out) {
    let record: CentralRecord;
    if ("copy" in item) {
      const e = item.copy;
      const [from, to] = span(archive, e);
      chunks.push(archive.bytes.subarray(from, to));
      record = {
        name: e.rawName,
        flags: e.flags,
        method: e.method,
        time: e.time,
        date: e.date,
        crc: e.crc,
        compressed: e.compressedSize,
        size: e.size,
        madeBy: e.versionMadeBy,
        external: e.externalAttributes,
        extra: withoutZip64(e.extra),
        comment: e.comment,
      };
      offset += to - from;
      central.push(centralRecord(record, offset - (to - from)));
      continue;
    }
    const name = encoder.encode(item.name);
    const deflated = item.deflated ?? archive.codec.deflate(item.data);
    const stored = deflated.length >= item.data.length;
    const data = stored ? item.data : deflated;
    record = {
      name,
      flags: isAscii(item.name) ? 0 : 0x800,
      method: stored ? 0 : 8,
      time: item.like?.time ?? now.time,
      date: item.like?.date ?? now.date,
      crc: archive.codec.crc32(item.data),
      compressed: data.length,
      size: item.data.length,
      madeBy: 20,
      external: item.like?.externalAttributes ?? 0,
      extra: new Uint8Array(0),
      comment: new Uint8Array(0),
    };
    const local = new Uint8Array(30 + name.length);
    const view = new DataView(local.buffer);
    view.setUint32(0, SIG_LOCAL, true);
    view.setUint16(4, 20, true);
    view.setUint16(6, record.flags, true);
    view.setUint16(8, record.method, true);
    view.setUint16(10, record.time, true);
    view.setUint16(12, record.date, true);
    view.setUint32(14, record.crc, true);
    view.setUint32(18, record.compressed, true);
    view.setUint32(22, record.size, true);
    view.setUint16(26, name.length, true);
    view.setUint16(28, 0, true);
    local.set(name, 30);
    chunks.push(local, data);
    central.push(centralRecord(record, offset));
    offset += local.length + data.length;
  }
  if (offset > 0xfffffffe || out.length > 0xfffe) throw new ZipError("archive too large");
  const directory = concat(...central);
  const end = new Uint8Array(22 + archive.comment.length);
  const view = new DataView(end.buffer);
  view.setUint32(0, SIG_END, true);
  view.setUint16(8, out.length, true);
  view.setUint16(10, out.length, true);
  view.setUint32(12, directory.length, true);
  view.setUint32(16, offset, true);
  view.setUint16(20, archive.comment.length, true);
  end.set(archive.comment, 22);
  return concat(...chunks, directory, end);
}

/** An entry's fields as the central directory holds them. */
interface CentralRecord {
  name: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressed: number;
  size: number;
  madeBy: number;
  external: number;
  extra: Uint8Array;
  comment: Uint8Array;
}

function centralRecord(r: CentralRecord, offset: number): Uint8Array {
  const out = new Uint8Array(46 + r.name.length + r.extra.length + r.comment.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, SIG_CENTRAL, true);
  view.setUint16(4, r.madeBy, true);
  view.setUint16(6, 20, true);
  view.setUint16(8, r.flags, true);
  view.setUint16(10, r.method, true);
  view.setUint16(12, r.time, true);
  view.setUint16(14, r.date, true);
  view.setUint32(16, r.crc, true);
  view.setUint32(20, r.compressed, true);
  view.setUint32(24, r.size, true);
  view.setUint16(28, r.name.length, true);
  view.setUint16(30, r.extra.length, true);
  view.setUint16(32, r.comment.length, true);
  view.setUint32(38, r.external, true);
  view.setUint32(42, offset, true);
  out.set(r.name, 46);
  out.set(r.extra, 46 + r.name.length);
  out.set(r.comment, 46 + r.name.length + r.extra.length);
  return out;
}
