/** The real reports of test/fixtures/corpus the mutation families start from, and the regions of their bytes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readZipDirectory } from '../../../shared/read/docx/zip';

export const CORPUS_DIR = fileURLToPath(new URL('../../fixtures/corpus/', import.meta.url));

export function corpusFiles(extension: '.docx' | '.pdf'): string[] {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith(extension))
    .sort();
}

const cache = new Map<string, Uint8Array>();

export function corpusBytes(name: string): Uint8Array {
  let bytes = cache.get(name);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(CORPUS_DIR, name)));
    cache.set(name, bytes);
  }
  return bytes;
}

/** A range of a file's bytes: [start, end). */
export type Range = readonly [number, number];

export type DocxRegion = 'any' | 'main' | 'directory' | 'headers';

/**
 * Where mutations land in a .docx: anywhere, in the compressed word/document.xml (what the reader inflates), in
 * the central directory, or in the local file headers. Random bytes anywhere mostly hit other parts (fonts,
 * styles), which the reader never inflates; the regions aim the mutations at what it does read.
 */
export function docxRegions(bytes: Uint8Array): Record<DocxRegion, Range[]> {
  const entries = readZipDirectory(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataStart = (offset: number) => offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  const main = entries.find((entry) => entry.key === 'word/document.xml');
  const headers = entries.map((entry) => [entry.localHeaderOffset, dataStart(entry.localHeaderOffset)] as const);
  const directoryStart = Math.max(...entries.map((entry) => dataStart(entry.localHeaderOffset) + entry.compressedSize));
  const mainStart = main ? dataStart(main.localHeaderOffset) : 0;
  return {
    any: [[0, bytes.length]],
    main: main ? [[mainStart, mainStart + main.compressedSize]] : [[0, bytes.length]],
    directory: [[Math.min(directoryStart, bytes.length - 1), bytes.length]],
    headers,
  };
}

export type PdfRegion = 'any' | 'head' | 'tail';

/** Where mutations land in a PDF: anywhere, in its first 4 KB (header, first objects), or its last 4 KB (xref, trailer). */
export function pdfRegions(bytes: Uint8Array): Record<PdfRegion, Range[]> {
  return {
    any: [[0, bytes.length]],
    head: [[0, Math.min(bytes.length, 4096)]],
    tail: [[Math.max(0, bytes.length - 4096), bytes.length]],
  };
}

/** The byte at `position` (any natural number) of the ranges, taken modulo their total length. */
export function positionIn(ranges: Range[], position: number): number {
  const total = ranges.reduce((sum, [start, end]) => sum + Math.max(0, end - start), 0);
  if (total === 0) return 0;
  let offset = position % total;
  for (const [start, end] of ranges) {
    const length = Math.max(0, end - start);
    if (offset < length) return start + offset;
    offset -= length;
  }
  return 0;
}
