/**
 * Checking a set of files as one run: each file read on its own (one bad file never stops the run), then the
 * rules, with last year's report of the same organ paired automatically from the files of the run (or given).
 */
import type { Finding } from '../../shared/model/finding';
import type { Report } from '../../shared/model/report';
import type { ReviewDocument } from '../../shared/model/review-document';
import type { CheckSettings } from '../../shared/model/settings';
import { checkReviewDocument } from '../../shared/engine/check';
import { findPreviousYearPairs } from '../../shared/engine/pairing';
import { ReadError, type ReadErrorCode } from '../../shared/read/errors';
import { readDocumentFile, type DocumentRead } from '../batch/read-document';
import { readInParallel, type ReadPoolOptions } from '../batch/read-pool';
import { ResultCache, hashFile } from '../batch/result-cache';

export interface CheckedFile {
  file: string;
  status: 'checked';
  report: Report;
  findings: Finding[];
  doc: ReviewDocument;
  sha256: string;
  /** The file used as last year's report, if any. */
  previousFile?: string;
  /** Engine time for this file (reading, mapping, rules), in milliseconds. */
  millis: number;
}

export interface UnreadableFile {
  file: string;
  status: 'unreadable';
  error: { code: ReadErrorCode | 'INTERNAL'; message: string };
  findings: [];
  millis: number;
}

export type FileResult = CheckedFile | UnreadableFile;

export interface CheckFilesOptions {
  settings?: CheckSettings;
  /** A previous year's report given explicitly: used for every file of the run that has no pair of its own. */
  previousFile?: string;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Cancels the files not yet started (they end as CANCELLED). */
  signal?: AbortSignal;
  /** Where review documents are cached by file hash; no cache when absent. */
  cacheDir?: string;
  /** Worker threads reading files; default: the machine's cores. */
  concurrency?: number;
  /** Each file once settled: from the cache, or read (and, when readable, cached) — in the order they finish. */
  onFile?: (file: string, outcome: { cached: boolean; read: DocumentRead }) => void;
  /** Time limit per file read on a worker (default: the read pool's). */
  timeoutMs?: number;
  /** Every file on a worker, however few (the app's setting; see ReadPoolOptions.isolate). */
  isolate?: boolean;
  /** Scanned pages read by OCR (see ReadPoolOptions.ocr); cached apart from documents read without. */
  ocr?: boolean;
  onOcrProgress?: ReadPoolOptions['onOcrProgress'];
}

export async function checkFiles(files: string[], options: CheckFilesOptions = {}): Promise<FileResult[]> {
  const read = await readFiles(files, options);
  const given = options.previousFile ? await readPreviousFile(options.previousFile, options) : undefined;
  if (given?.error) throw new ReadError(given.error.code === 'INTERNAL' ? 'FILE_UNREADABLE' : given.error.code, `上一年度报告无法读取：${given.error.message}`);
  return checkAll(read, given, options.settings);
}

/** The previous year's report given explicitly: read like the others (on a worker when the run isolates). */
async function readPreviousFile(file: string, options: CheckFilesOptions): Promise<DocumentRead> {
  if (!options.isolate) return readDocumentFile(file);
  const [read] = await readInParallel([file], { isolate: true, timeoutMs: options.timeoutMs, signal: options.signal });
  return read;
}

/**
 * Cached documents first (by file hash), the rest read in parallel; each fresh document is cached as soon as its
 * file is read (so a run cut short keeps what it did), and `onFile` is told of every file once it is settled.
 */
export async function readFiles(files: string[], options: Omit<CheckFilesOptions, 'settings' | 'previousFile'>): Promise<DocumentRead[]> {
  const cache = options.cacheDir ? new ResultCache(options.cacheDir, options.ocr ? 'ocr' : undefined) : null;
  const results = new Array<DocumentRead>(files.length);
  const misses: number[] = [];
  for (const [i, file] of files.entries()) {
    const started = performance.now();
    const sha256 = cache ? await hashFile(file) : null;
    const doc = sha256 ? await cache!.get(sha256) : null;
    if (doc && sha256) {
      results[i] = { file, doc, sha256, millis: performance.now() - started };
      options.onFile?.(file, { cached: true, read: results[i] });
    } else misses.push(i);
  }
  const done = files.length - misses.length;
  let writes: Promise<void> = Promise.resolve();
  const settle = (result: DocumentRead) => {
    if (result.error?.code === 'CANCELLED') return;
    writes = writes.then(async () => {
      if (cache && result.doc && result.sha256) {
        await cache.put(result.sha256, result.doc).catch((error: unknown) => console.error(`[cache] ${result.file}: ${error instanceof Error ? error.message : String(error)}`));
      }
      options.onFile?.(result.file, { cached: false, read: result });
    });
  };
  const fresh = await readInParallel(
    misses.map((i) => files[i]),
    {
      signal: options.signal,
      concurrency: options.concurrency,
      timeoutMs: options.timeoutMs,
      isolate: options.isolate,
      ocr: options.ocr,
      onOcrProgress: options.onOcrProgress,
      onProgress: (n, _total, file) => options.onProgress?.(done + n, files.length, file),
      onResult: (_k, result) => settle(result),
    },
  );
  await writes;
  for (const [k, i] of misses.entries()) results[i] = fresh[k];
  return results;
}

function checkAll(read: DocumentRead[], given: DocumentRead | undefined, settings?: CheckSettings): FileResult[] {
  const readable = read.filter((r): r is DocumentRead & { doc: ReviewDocument } => r.doc !== undefined);
  const pairs = findPreviousYearPairs(readable.map((r) => ({ file: r.file, doc: r.doc })));
  return read.map((result) => {
    if (!result.doc) return { file: result.file, status: 'unreadable', error: result.error!, findings: [], millis: result.millis };
    const index = readable.indexOf(result as DocumentRead & { doc: ReviewDocument });
    const paired = pairs[index] >= 0 ? readable[pairs[index]] : given?.doc ? (given as DocumentRead & { doc: ReviewDocument }) : undefined;
    const started = performance.now();
    const previous = paired ? { doc: paired.doc, file: paired.file } : undefined;
    const { doc, findings } = checkReviewDocument(result.doc, { settings, previous });
    return {
      file: result.file,
      status: 'checked',
      report: doc.report,
      findings,
      doc,
      sha256: result.sha256!,
      ...(paired ? { previousFile: paired.file } : {}),
      millis: result.millis + performance.now() - started,
    };
  });
}

