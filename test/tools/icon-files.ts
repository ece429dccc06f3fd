/**
 * The icon containers, written and read without any tool: PNG size from its IHDR chunk, Windows .ico and
 * macOS .icns holding PNG-compressed images (both formats allow it: .ico since Vista, .icns since 10.7).
 * Used by test/tools/make-icons.ts and by test/project/packaging.test.ts.
 */

/** The sizes made by test/tools/make-icons.ts: build/icons/<n>x<n>.png, build/icon.ico, build/icon.icns. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
export const ICNS_SIZES = [16, 32, 64, 128, 256, 512, 1024];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  /** 6 = RGBA. */
  colorType: number;
}

/** Width, height and pixel format of a PNG, from its IHDR chunk; throws when the bytes are not a PNG. */
export function readPngInfo(bytes: Uint8Array): PngInfo {
  if (bytes.length < 33 || PNG_SIGNATURE.some((value, i) => bytes[i] !== value)) throw new Error('not a PNG');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== 'IHDR') throw new Error('PNG without IHDR first');
  return { width: view.getUint32(16), height: view.getUint32(20), bitDepth: bytes[24], colorType: bytes[25] };
}

export interface IcoEntry {
  /** From the directory: 0 there means 256. */
  width: number;
  height: number;
  bitCount: number;
  image: Uint8Array;
}

/** An .ico file whose images are the given PNGs (square, at most 256 px), in that order. */
export function encodeIco(pngs: Uint8Array[]): Uint8Array {
  const headerSize = 6 + 16 * pngs.length;
  const total = headerSize + pngs.reduce((sum, png) => sum + png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0, true); // reserved
  view.setUint16(2, 1, true); // 1 = icon
  view.setUint16(4, pngs.length, true);
  let offset = headerSize;
  pngs.forEach((png, i) => {
    const { width, height } = readPngInfo(png);
    if (width > 256 || height > 256) throw new Error(`an .ico image is at most 256 px, not ${width}`);
    const entry = 6 + 16 * i;
    out[entry] = width === 256 ? 0 : width;
    out[entry + 1] = height === 256 ? 0 : height;
    out[entry + 2] = 0; // no palette
    out[entry + 3] = 0;
    view.setUint16(entry + 4, 1, true); // colour planes
    view.setUint16(entry + 6, 32, true); // bits per pixel
    view.setUint32(entry + 8, png.length, true);
    view.setUint32(entry + 12, offset, true);
    out.set(png, offset);
    offset += png.length;
  });
  return out;
}

export function readIco(bytes: Uint8Array): IcoEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint16(0, true) !== 0 || view.getUint16(2, true) !== 1) throw new Error('not an .ico');
  const count = view.getUint16(4, true);
  const entries: IcoEntry[] = [];
  for (let i = 0; i < count; i++) {
    const entry = 6 + 16 * i;
    const size = view.getUint32(entry + 8, true);
    const offset = view.getUint32(entry + 12, true);
    if (offset + size > bytes.length) throw new Error('an .ico entry runs past the end of the file');
    entries.push({
      width: bytes[entry] || 256,
      height: bytes[entry + 1] || 256,
      bitCount: view.getUint16(entry + 6, true),
      image: bytes.subarray(offset, offset + size),
    });
  }
  return entries;
}

/** The .icns element type that holds a PNG of each size. */
export const ICNS_TYPES: Record<number, string> = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };

/** An .icns file with one PNG element per size (sizes among ICNS_TYPES). */
export function encodeIcns(pngs: Uint8Array[]): Uint8Array {
  const elements = pngs.map((png) => {
    const { width } = readPngInfo(png);
    const type = ICNS_TYPES[width];
    if (!type) throw new Error(`no .icns element type for ${width} px`);
    return { type, png };
  });
  const total = 8 + elements.reduce((sum, element) => sum + 8 + element.png.length, 0);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  const writeType = (at: number, type: string) => [...type].forEach((char, i) => (out[at + i] = char.charCodeAt(0)));
  writeType(0, 'icns');
  view.setUint32(4, total);
  let offset = 8;
  for (const { type, png } of elements) {
    writeType(offset, type);
    view.setUint32(offset + 4, 8 + png.length);
    out.set(png, offset + 8);
    offset += 8 + png.length;
  }
  return out;
}

export function readIcns(bytes: Uint8Array): { type: string; image: Uint8Array }[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const typeAt = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (typeAt(0) !== 'icns' || view.getUint32(4) !== bytes.length) throw new Error('not an .icns');
  const elements: { type: string; image: Uint8Array }[] = [];
  for (let offset = 8; offset < bytes.length; ) {
    const length = view.getUint32(offset + 4);
    if (length < 8 || offset + length > bytes.length) throw new Error('a broken .icns element');
    elements.push({ type: typeAt(offset), image: bytes.subarray(offset + 8, offset + length) });
    offset += length;
  }
  return elements;
}
