/**
 * Reading many report files on all cores: a pool of worker threads, each file with a time limit. A file that
 * hangs or crashes its worker (a hostile document) ends as unreadable and its worker is replaced; the run goes
 * on. The window stays responsive because no parsing happens on the main thread.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { READ_ERROR_MESSAGES } from '../../shared/read/errors';
import type { OcrProgress } from '../ocr/ocr-pdf';
import { startEntryWorker } from '../services/entry-worker';
import { readDocumentFile, type DocumentRead } from './read-document';
import type { ReadRequest } from './read-worker';

export interface ReadPoolOptions {
  /** Number of workers; default: the machine's cores, at most the number of files. */
  concurrency?: number;
  /** A file taking longer than this (once its worker is ready) ends as TIMEOUT. Default 120 s: a .doc conversion alone can take a while. */
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number, file: string) => void;
  /** Each file's result as soon as it is known (in the order files finish), before the run ends. */
  onResult?: (index: number, result: DocumentRead) => void;
  /**
   * Read even one file on a worker, under the time limit and heap cap: the app does, so a hostile file cannot
   * freeze or exhaust its main process, and the check command does too, so that it cannot hang. The benchmarks
   * and tests read one or two files in process (faster to start).
   */
  isolate?: boolean;
  /**
   * Pages of PDFs without a text layer are read by OCR (the reviewer asked for it). Such a file may take a
   * minute or more: its time limit is `ocrTimeoutMs` (default 10 minutes) instead of `timeoutMs`.
   */
  ocr?: boolean;
  ocrTimeoutMs?: number;
  onOcrProgress?: (index: number, file: string, progress: OcrProgress) => void;
}

/** OCR reads a scanned page in a few seconds; a long scan of a report can take minutes. */
export const OCR_TIMEOUT_MS = 10 * 60_000;

/** Below this many files, starting workers costs more than it saves. */
const IN_PROCESS_BELOW = 3;

/**
 * Each worker's JavaScript heap is capped: a hostile file that would take all memory ends its worker (the
 * file is reported unreadable and the run goes on), and a batch stays within bounded memory.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

export async function readInParallel(files: string[], options: ReadPoolOptions = {}): Promise<DocumentRead[]> {
  if (options.signal?.aborted) return files.map(cancelled);
  if (files.length === 0) return [];
  const concurrency = Math.max(1, Math.min(options.concurrency ?? availableParallelism(), files.length));
  if (!options.isolate && (files.length < IN_PROCESS_BELOW || concurrency === 1)) return readInProcess(files, options);
  return new ReadPool(files, concurrency, options).run();
}

async function readInProcess(files: string[], options: ReadPoolOptions): Promise<DocumentRead[]> {
  const results: DocumentRead[] = [];
  for (const [i, file] of files.entries()) {
    if (options.signal?.aborted) results.push(cancelled(file));
    else {
      options.onProgress?.(i, files.length, file);
      const onOcrProgress = options.onOcrProgress ? (progress: OcrProgress) => options.onOcrProgress!(i, file, progress) : undefined;
      results.push(await readDocumentFile(file, { ocr: options.ocr, onOcrProgress }));
    }
    options.onResult?.(i, results[i]);
  }
  options.onProgress?.(files.length, files.length, '');
  return results;
}

function cancelled(file: string): DocumentRead {
  return { file, error: { code: 'CANCELLED', message: READ_ERROR_MESSAGES.CANCELLED }, millis: 0 };
}

/** A worker running read-worker (entry-worker.ts), with pdf.js loaded first in development. */
function startWorker(): Worker {
  const entry = { built: new URL('./read-worker.js', import.meta.url), source: new URL('./read-worker.ts', import.meta.url) };
  return startEntryWorker(entry, { resourceLimits: WORKER_LIMITS }, { preloadPdfJs: true });
}

interface Slot {
  worker: Worker;
  busy: { index: number; timer: NodeJS.Timeout } | null;
}

class ReadPool {
  private readonly results: DocumentRead[];
  private readonly slots = new Set<Slot>();
  private next = 0;
  private done = 0;
  private finish: () => void = () => undefined;

  constructor(
    private readonly files: string[],
    private readonly concurrency: number,
    private readonly options: ReadPoolOptions,
  ) {
    this.results = new Array<DocumentRead>(files.length);
  }

  run(): Promise<DocumentRead[]> {
    return new Promise((resolve) => {
      this.finish = () => {
        for (const slot of this.slots) void slot.worker.terminate();
        this.slots.clear();
        this.options.onProgress?.(this.files.length, this.files.length, '');
        resolve(this.results);
      };
      for (let i = 0; i < this.concurrency; i++) this.startSlot();
      this.options.signal?.addEventListener('abort', () => this.cancelRest(), { once: true });
      if (this.options.signal?.aborted) this.cancelRest();
    });
  }

  private startSlot(): void {
    const slot: Slot = { worker: startWorker(), busy: null };
    this.slots.add(slot);
    slot.worker.on('message', (message: { ready: true } | { index: number; result: DocumentRead } | { index: number; ocr: OcrProgress }) => {
      if ('ready' in message) this.dispatch(slot);
      else if ('ocr' in message) this.options.onOcrProgress?.(message.index, this.files[message.index], message.ocr);
      else this.settle(slot, message.index, message.result);
    });
    slot.worker.on('error', (error) => {
      // The worker's heap cap was reached: the file asks for more memory than any report could.
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') this.fail(slot, 'FILE_TOO_COMPLEX', READ_ERROR_MESSAGES.FILE_TOO_COMPLEX);
      else this.fail(slot, 'INTERNAL', `读取时发生内部错误：${error.message}`);
    });
    slot.worker.on('exit', (code) => {
      if (slot.busy) this.fail(slot, 'INTERNAL', `读取进程意外退出（${code}），文件可能已损坏或过于复杂`);
    });
  }

  private dispatch(slot: Slot): void {
    if (this.options.signal?.aborted || this.next >= this.files.length) return;
    const index = this.next++;
    const limit = this.options.ocr ? (this.options.ocrTimeoutMs ?? OCR_TIMEOUT_MS) : (this.options.timeoutMs ?? 120_000);
    const timer = setTimeout(() => this.fail(slot, 'TIMEOUT', READ_ERROR_MESSAGES.TIMEOUT), limit);
    slot.busy = { index, timer };
    this.options.onProgress?.(this.done, this.files.length, this.files[index]);
    slot.worker.postMessage({ index, file: this.files[index], ...(this.options.ocr ? { ocr: true } : {}) } satisfies ReadRequest);
  }

  private settle(slot: Slot, index: number, result: DocumentRead): void {
    if (!slot.busy || slot.busy.index !== index) return;
    clearTimeout(slot.busy.timer);
    slot.busy = null;
    this.record(index, result);
    this.dispatch(slot);
  }

  /** The file in the slot failed its worker: record it, replace the worker, go on with the rest. */
  private fail(slot: Slot, code: 'TIMEOUT' | 'INTERNAL' | 'FILE_TOO_COMPLEX', message: string): void {
    if (!slot.busy) return;
    const { index, timer } = slot.busy;
    clearTimeout(timer);
    slot.busy = null;
    this.slots.delete(slot);
    void slot.worker.terminate();
    if (this.next < this.files.length && !this.options.signal?.aborted) this.startSlot();
    this.record(index, { file: this.files[index], error: { code, message }, millis: 0 });
  }

  private record(index: number, result: DocumentRead): void {
    this.results[index] = result;
    this.options.onResult?.(index, result);
    this.done++;
    if (this.done === this.files.length) this.finish();
  }

  /** Files not yet started end as cancelled; those being read finish. */
  private cancelRest(): void {
    const rest = this.files.length - this.next;
    const from = this.next;
    this.next = this.files.length;
    for (let i = 0; i < rest; i++) this.record(from + i, cancelled(this.files[from + i]));
  }
}
