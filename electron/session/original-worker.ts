/**
 * Worker thread: a Word package (already reduced to bounded parts by original.ts) to HTML with mammoth. It runs
 * apart from the main process, under a heap cap and a time limit, because mammoth inflates whole parts and
 * builds a DOM of every XML part it reads: a hostile document must not take the app's memory or freeze it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { htmlOfPackage } from './original-html';

export type OriginalWorkerReply = { html: string } | { error: string };

const { bytes } = workerData as { bytes: Uint8Array };

htmlOfPackage(bytes).then(
  (html) => parentPort?.postMessage({ html } satisfies OriginalWorkerReply),
  (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies OriginalWorkerReply),
);
