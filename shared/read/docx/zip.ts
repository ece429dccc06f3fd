/**
 * A minimal, defensive zip reader: the central directory is parsed by hand, and only the entries asked for
 * are inflated, streaming, with a hard cap on the bytes really produced (whatever the headers declare).
 * fflate does the inflating.
 */
import { Inflate } from 'fflate';
import { ReadError } from '../errors';

export interface ZipEntry {
  /** Name as stored, with backslashes turned into slashes and a leading slash dropped. */
  name: string;
  /** Lower-cased name: part names in a Word package are case-insensitive. */
  key: string;
  method: number;
  flags: number;
  compressedSize: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const ZIP64_EOCD_SIGNATURE = 0x06064b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const EOCD_MIN_SIZE = 22;
const MAX_COMMENT = 0xffff;
const MAX_ENTRIES = 100_000;
const INFLATE_INPUT_CHUNK = 4096;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
const FLAG_ENCRYPTED = 0x1;

const nameDecoder = new TextDecoder('utf-8');

/**
 * An entry's name as shown in a message: names come from the file (up to 64 KB of anything), so control
 * characters are dropped and a long name is cut.
 */
function shownName(entry: ZipEntry): string {
  const name = Array.from(entry.name.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''));
  return name.length > 80 ? `${name.slice(0, 80).join('')}…` : name.join('');
}

function corrupt(detail: string, cause?: unknown): ReadError {
  return new ReadError('CORRUPT_DOCX', `Word 文件已损坏，无法解压读取（${detail}）`, { cause });
}

class ByteView {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(offset: number, size: number): void {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset + size > this.bytes.length) {
      throw corrupt('目录指向文件之外');
    }
  }
  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset, true);
  }
  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset, true);
  }
  u64(offset: number): number {
    return this.u32(offset) + this.u32(offset + 4) * 0x1_0000_0000;
  }
  slice(offset: number, size: number): Uint8Array {
    this.check(offset, size);
    return this.bytes.subarray(offset, offset + size);
  }
}

function findEndOfCentralDirectory(view: ByteView): number {
  const length = view.bytes.length;
  const lowest = Math.max(0, length - EOCD_MIN_SIZE - MAX_COMMENT);
  for (let offset = length - EOCD_MIN_SIZE; offset >= lowest; offset--) {
    if (view.u32(offset) === EOCD_SIGNATURE) return offset;
  }
  throw corrupt('找不到压缩包目录，文件可能不完整');
}

interface DirectoryLocation {
  entryCount: number;
  offset: number;
}

function locateDirectory(view: ByteView): DirectoryLocation {
  const eocd = findEndOfCentralDirectory(view);
  const entryCount = view.u16(eocd + 10);
  const offset = view.u32(eocd + 16);
  if (entryCount !== 0xffff && offset !== 0xffffffff) return { entryCount, offset };
  return locateZip64Directory(view, eocd);
}

function locateZip64Directory(view: ByteView, eocd: number): DirectoryLocation {
  const locator = eocd - 20;
  if (locator < 0 || view.u32(locator) !== ZIP64_LOCATOR_SIGNATURE) throw corrupt('ZIP64 目录缺失');
  const record = view.u64(locator + 8);
  if (view.u32(record) !== ZIP64_EOCD_SIGNATURE) throw corrupt('ZIP64 目录损坏');
  return { entryCount: view.u64(record + 32), offset: view.u64(record + 48) };
}

interface Zip64Values {
  compressedSize: number;
  localHeaderOffset: number;
}

/** Reads the ZIP64 extra field (id 1): only the fields whose 32-bit value is 0xFFFFFFFF are present. */
function readZip64Extra(view: ByteView, start: number, length: number, entry: Zip64Values & { uncompressed: number }): Zip64Values {
  let offset = start;
  const end = start + length;
  while (offset + 4 <= end) {
    const id = view.u16(offset);
    const size = view.u16(offset + 2);
    if (id === 0x0001) return applyZip64Fields(view, offset + 4, entry);
    offset += 4 + size;
  }
  return entry;
}

function applyZip64Fields(view: ByteView, start: number, entry: Zip64Values & { uncompressed: number }): Zip64Values {
  let offset = start;
  if (entry.uncompressed === 0xffffffff) offset += 8;
  const compressedSize = entry.compressedSize === 0xffffffff ? view.u64(offset) : entry.compressedSize;
  if (entry.compressedSize === 0xffffffff) offset += 8;
  const localHeaderOffset = entry.localHeaderOffset === 0xffffffff ? view.u64(offset) : entry.localHeaderOffset;
  return { compressedSize, localHeaderOffset };
}

export function normalizePartName(name: string): string {
  return name.replace(/\\/g, '/').replace(/^\/+/, '');
}

function readCentralEntry(view: ByteView, offset: number): { entry: ZipEntry; next: number } {
  if (view.u32(offset) !== CENTRAL_SIGNATURE) throw corrupt('压缩包目录损坏');
  const nameLength = view.u16(offset + 28);
  const extraLength = view.u16(offset + 30);
  const commentLength = view.u16(offset + 32);
  const name = normalizePartName(nameDecoder.decode(view.slice(offset + 46, nameLength)));
  const sizes = readZip64Extra(view, offset + 46 + nameLength, extraLength, {
    uncompressed: view.u32(offset + 24),
    compressedSize: view.u32(offset + 20),
    localHeaderOffset: view.u32(offset + 42),
  });
  const entry: ZipEntry = {
    name,
    key: name.toLowerCase(),
    flags: view.u16(offset + 8),
    method: view.u16(offset + 10),
    ...sizes,
  };
  return { entry, next: offset + 46 + nameLength + extraLength + commentLength };
}

/** The entries of a zip archive, from its central directory. Throws CORRUPT_DOCX when it is unreadable. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new ByteView(bytes);
  const location = locateDirectory(view);
  if (location.entryCount > MAX_ENTRIES) throw corrupt('压缩包内文件数异常');
  const entries: ZipEntry[] = [];
  let offset = location.offset;
  for (let index = 0; index < location.entryCount; index++) {
    const { entry, next } = readCentralEntry(view, offset);
    entries.push(entry);
    offset = next;
  }
  return entries;
}

function entryDataOffset(view: ByteView, entry: ZipEntry): number {
  const header = entry.localHeaderOffset;
  if (view.u32(header) !== LOCAL_SIGNATURE) throw corrupt(`${shownName(entry)} 的文件头损坏`);
  return header + 30 + view.u16(header + 26) + view.u16(header + 28);
}

function bombError(entry: ZipEntry, maxBytes: number): ReadError {
  const limit = `${Math.round(maxBytes / 1024 / 1024)} MiB`;
  return new ReadError('ZIP_BOMB', `Word 文件中的 ${shownName(entry)} 解压后超过 ${limit}（疑似压缩炸弹），已停止读取`);
}

function concatChunks(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const result = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    result.set(chunk, offset);
    offset += chunk.length;
  }
  return result;
}

function inflateCapped(compressed: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inflater = new Inflate((chunk) => {
    total += chunk.length;
    if (total > maxBytes) throw bombError(entry, maxBytes);
    chunks.push(chunk);
  });
  try {
    for (let offset = 0; offset < compressed.length; offset += INFLATE_INPUT_CHUNK) {
      const end = Math.min(offset + INFLATE_INPUT_CHUNK, compressed.length);
      inflater.push(compressed.subarray(offset, end), end === compressed.length);
    }
    if (compressed.length === 0) inflater.push(compressed, true);
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw corrupt(`${shownName(entry)} 解压失败`, error);
  }
  return concatChunks(chunks, total);
}

/** The bytes of one entry, never more than maxBytes of them (ZIP_BOMB beyond that). */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.flags & FLAG_ENCRYPTED) throw new ReadError('DOCX_ENCRYPTED');
  const view = new ByteView(bytes);
  const compressed = view.slice(entryDataOffset(view, entry), entry.compressedSize);
  if (entry.method === METHOD_STORED) {
    if (compressed.length > maxBytes) throw bombError(entry, maxBytes);
    return compressed;
  }
  if (entry.method !== METHOD_DEFLATED) throw corrupt(`${shownName(entry)} 使用了不支持的压缩方式 ${entry.method}`);
  return inflateCapped(compressed, entry, maxBytes);
}
