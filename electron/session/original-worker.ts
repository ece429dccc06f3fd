/**
 * Worker thread: a Word package (already reduced to bounded parts by original.ts) to HTML with mammoth. It runs
 * apart from the main process, under a heap cap and a time limit, because mammoth inflates whole parts and
 * builds a DOM of every XML part it reads: a hostile document must not take the app's memory or freeze it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import mammoth from 'mammoth';

export type OriginalWorkerReply = { html: string } | { error: string };

const { bytes } = workerData as { bytes: Uint8Array };

mammoth
  // Linked pictures and other external files are never read (mammoth's default, said again here).
  .convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { externalFileAccess: false })
  .then(
    ({ value }) => parentPort?.postMessage({ html: value } satisfies OriginalWorkerReply),
    (error: unknown) => parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies OriginalWorkerReply),
  );
