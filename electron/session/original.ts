/**
 * The original document as the review view shows it: PDFs are rendered by the renderer from their bytes;
 * Word documents as mammoth's HTML, with a map from the reader's cell sources to mammoth's <td>s.
 *
 * The document is hostile until shown otherwise. mammoth gets a copy of the package holding only its XML parts
 * and pictures, each inflated by the reader's capped zip code (a zip bomb in styles.xml or in a picture stops
 * at the cap and is left out), and runs on a worker thread with a heap cap and a time limit; its HTML has a
 * size limit too. External files (linked pictures) are never read.
 */
import { readFile } from 'node:fs/promises';
import type { Worker } from 'node:worker_threads';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Original } from '../../shared/api/contract';
import type { DocumentContent, GridCell } from '../../shared/model/grid';
import { DOCX_READ_LIMITS, readDocx } from '../../shared/read/docx';
import { findMainDocumentEntry } from '../../shared/read/docx/package-parts';
import { extractZipEntry, readZipDirectory, type ZipEntry } from '../../shared/read/docx/zip';
import { convertDocToDocx } from '../services/doc-convert';
import { startEntryWorker } from '../services/entry-worker';
import type { OriginalWorkerReply } from './original-worker';

export interface OriginalLimits {
  /** Time for the conversion to HTML (the worker is stopped after it). */
  timeoutMs: number;
  /** The conversion worker's heap (old generation), in MB. */
  heapMb: number;
  /** Longest HTML sent to the renderer, in characters. */
  maxHtmlChars: number;
  /** Largest picture kept, and all pictures together (they become data: URIs in the HTML), in bytes. */
  maxPictureBytes: number;
  maxPicturesBytes: number;
  /** Most bytes inflated for the package as a whole, parts left out included. */
  maxInflatedBytes: number;
}

export const ORIGINAL_LIMITS: OriginalLimits = Object.freeze({
  timeoutMs: 30_000,
  heapMb: 384,
  maxHtmlChars: 48 * 1024 * 1024,
  maxPictureBytes: 8 * 1024 * 1024,
  maxPicturesBytes: 24 * 1024 * 1024,
  maxInflatedBytes: 128 * 1024 * 1024,
});

/** What the reviewer reads instead of the original when it cannot be shown (the review itself is unaffected). */
export class OriginalUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OriginalUnavailable';
  }
}

export async function wordOriginal(path: string, fileType: 'docx' | 'doc', limits: OriginalLimits = ORIGINAL_LIMITS): Promise<Original> {
  const bytes = fileType === 'doc' ? await convertDocToDocx(path) : new Uint8Array(await readFile(path));
  const cellMap = cellMapOf(readDocx(bytes));
  const html = await htmlInWorker(packageForHtml(bytes, limits), limits);
  return { kind: 'html', html, cellMap };
}

const XML_PART = /\.(?:xml|rels)$/;

/**
 * A copy of the package for mammoth: its XML parts (the main document up to the reader's limit, the others up
 * to the reader's limit for parts) and its other files as pictures, each inflated under its cap and the whole
 * under `maxInflatedBytes`. A part over its cap, broken or encrypted is left out: mammoth then does without it
 * (a picture is missing, say; an empty part stands in for styles, numbering and notes), or fails with a message.
 */
export function packageForHtml(bytes: Uint8Array, limits: OriginalLimits = ORIGINAL_LIMITS): Uint8Array {
  const entries = readZipDirectory(bytes);
  const main = findMainDocumentEntry(bytes, entries, { maxPartBytes: DOCX_READ_LIMITS.maxPartBytes, maxXmlDepth: DOCX_READ_LIMITS.maxXmlDepth, maxXmlElements: DOCX_READ_LIMITS.maxXmlElements });
  const copy: Zippable = Object.create(null);
  let inflated = 0;
  let pictures = 0;
  for (const entry of entries) {
    if (entry.name.endsWith('/') || copy[entry.name]) continue;
    const isXml = XML_PART.test(entry.key);
    const cap = entry === main ? DOCX_READ_LIMITS.maxDocumentXmlBytes : isXml ? DOCX_READ_LIMITS.maxPartBytes : Math.min(limits.maxPictureBytes, limits.maxPicturesBytes - pictures);
    const allowed = Math.min(cap, limits.maxInflatedBytes - inflated);
    if (allowed <= 0) continue;
    const data = extractWithin(bytes, entry, allowed);
    inflated += data ? data.length : allowed;
    if (!data) {
      const stub = isXml ? stubPart(entry.key) : null;
      if (stub) copy[entry.name] = [strToU8(stub), { level: 0 }];
      continue;
    }
    if (!isXml && entry !== main) pictures += data.length;
    copy[entry.name] = [data, { level: 0 }];
  }
  return zipSync(copy);
}

/** Parts mammoth cannot do without once its relationships name them: an empty one stands in for one left out. */
const STUB_ROOTS: Readonly<Record<string, string>> = { 'styles.xml': 'w:styles', 'numbering.xml': 'w:numbering', 'footnotes.xml': 'w:footnotes', 'endnotes.xml': 'w:endnotes', 'comments.xml': 'w:comments' };

function stubPart(key: string): string | null {
  const root = STUB_ROOTS[key.slice(key.lastIndexOf('/') + 1)];
  return root ? `<?xml version="1.0" encoding="UTF-8"?><${root} xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>` : null;
}

/** The entry's bytes, or null when it is over `maxBytes` (as much as that was inflated), broken or encrypted. */
function extractWithin(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  try {
    return extractZipEntry(bytes, entry, maxBytes);
  } catch {
    return null;
  }
}

/** mammoth on a worker thread: the HTML, or OriginalUnavailable (time limit, heap cap, conversion error, size). */
function htmlInWorker(bytes: Uint8Array, limits: OriginalLimits): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(bytes, limits);
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const fail = (message: string) => settle(() => reject(new OriginalUnavailable(message)));
    const timer = setTimeout(() => fail(`转换超时（超过 ${Math.round(limits.timeoutMs / 1000)} 秒），文件可能过于复杂或已损坏`), limits.timeoutMs);
    worker.on('message', (reply: OriginalWorkerReply) => {
      if ('error' in reply) fail('Word 文件无法转换为可显示的格式（文件可能已损坏）');
      else if (reply.html.length > limits.maxHtmlChars) fail('原文内容过大，无法在此显示');
      else settle(() => resolve(reply.html));
    });
    worker.on('error', () => fail('原文过大或过于复杂，无法在此显示'));
    worker.on('exit', () => fail('原文过大或过于复杂，无法在此显示'));
  });
}

/** The conversion worker (entry-worker.ts), with the file's bytes, under a heap cap. */
function startWorker(bytes: Uint8Array, limits: OriginalLimits): Worker {
  const entry = { built: new URL('./original-worker.js', import.meta.url), source: new URL('./original-worker.ts', import.meta.url) };
  return startEntryWorker(entry, { workerData: { bytes }, resourceLimits: { maxOldGenerationSizeMb: limits.heapMb, maxYoungGenerationSizeMb: 16 } });
}

/**
 * `cellMap[t][r]`: the w:tc indexes, in order, of the cells of row r of table t that mammoth emits as <td>.
 * mammoth drops the cells that continue a vertical merge; those are exactly the ones that are not origin cells
 * of the reader's grid, so the origin cells of each source row give mammoth's <td>s.
 */
export function cellMapOf(content: DocumentContent): number[][][] {
  const rowsByTable: number[][][] = [];
  for (const block of content.blocks) {
    if (block.type !== 'table') continue;
    for (const cell of block.grid.cells) addCell(rowsByTable, cell, block.grid.rowCount);
  }
  return fillGaps(rowsByTable).map((rows) => fillGaps(rows).map((cells) => [...cells].sort((a, b) => a - b)));
}

function addCell(rowsByTable: number[][][], cell: GridCell, rowCount: number): void {
  const source = cell.source;
  if (source.kind !== 'docx') return;
  const rows = (rowsByTable[source.table] ??= Array.from({ length: rowCount }, () => []));
  (rows[source.row] ??= []).push(source.cell);
}

/** Sparse arrays (a table or row without origin cells) become dense, with empty entries. */
function fillGaps<T>(items: T[][]): T[][] {
  return Array.from({ length: items.length }, (_, i) => items[i] ?? []);
}
