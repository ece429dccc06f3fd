/**
 * A zip writer for hostile packages: entries stored or deflated (or given already deflated, e.g. a bomb made
 * once), with sizes, flags and methods that may lie, and an end record that may lie too. fflate's zipSync
 * cannot do that: it always writes the truth.
 */
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  name: string;
  /** The bytes as stored in the archive (already compressed for method 8). */
  data: Uint8Array;
  method: number;
  /** What the headers declare. */
  uncompressedSize: number;
  crc: number;
  flags?: number;
}

const encoder = new TextEncoder();

export function storedEntry(name: string, content: string | Uint8Array): RawEntry {
  const data = typeof content === 'string' ? encoder.encode(content) : content;
  return { name, data, method: 0, uncompressedSize: data.length, crc: crc32(data) };
}

export function deflatedEntry(name: string, content: string | Uint8Array): RawEntry {
  const raw = typeof content === 'string' ? encoder.encode(content) : content;
  return { name, data: new Uint8Array(deflateRawSync(raw, { level: 6 })), method: 8, uncompressedSize: raw.length, crc: crc32(raw) };
}

/**
 * Deflated bytes of `megabytes` MiB of one repeated byte, made by streaming a 1 MiB chunk: a zip bomb of about
 * 4.5 MB per GiB, without ever holding the GiB.
 */
export async function bombBytes(megabytes: number, byte = 0x20): Promise<Uint8Array> {
  const chunk = Buffer.alloc(1 << 20, byte);
  const deflate = createDeflateRaw({ level: 1 });
  const parts: Buffer[] = [];
  deflate.on('data', (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await ended;
  return new Uint8Array(Buffer.concat(parts));
}

export interface ZipOptions {
  /** Entry count written in the end record (default: the real one). */
  declaredEntryCount?: number;
  /** Central directory offset written in the end record (default: the real one). */
  declaredDirectoryOffset?: number;
}

/** Writes the archive: local headers and data, the central directory, the end record. */
export function writeZip(entries: RawEntry[], options: ZipOptions = {}): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = Buffer.alloc(30 + name.length);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0x0800, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(Math.min(entry.data.length, 0xffffffff), 18);
    local.writeUInt32LE(Math.min(entry.uncompressedSize, 0xffffffff) >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    name.forEach((byte, i) => (local[30 + i] = byte));
    const header = Buffer.alloc(46 + name.length);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(entry.flags ?? 0x0800, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(Math.min(entry.data.length, 0xffffffff), 20);
    header.writeUInt32LE(Math.min(entry.uncompressedSize, 0xffffffff) >>> 0, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    name.forEach((byte, i) => (header[46 + i] = byte));
    chunks.push(local, entry.data);
    central.push(header);
    offset += local.length + entry.data.length;
  }
  const directorySize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = options.declaredEntryCount ?? entries.length;
  end.writeUInt16LE(Math.min(count, 0xffff), 8);
  end.writeUInt16LE(Math.min(count, 0xffff), 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE((options.declaredDirectoryOffset ?? offset) >>> 0, 16);
  return new Uint8Array(Buffer.concat([...chunks, ...central, end]));
}
