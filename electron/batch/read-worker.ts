/** Worker thread: reads the report files it is sent, one at a time, and posts back their review documents. */
import { parentPort } from 'node:worker_threads';
import { readDocumentFile } from './read-document';

export interface ReadRequest {
  index: number;
  file: string;
  /** Pages without a text layer are read by OCR; progress is posted as `{ index, ocr }` messages. */
  ocr?: boolean;
}

parentPort?.on('message', async (request: ReadRequest) => {
  const onOcrProgress = request.ocr ? (ocr: unknown) => parentPort?.postMessage({ index: request.index, ocr }) : undefined;
  const result = await readDocumentFile(request.file, { ocr: request.ocr, onOcrProgress });
  parentPort?.postMessage({ index: request.index, result });
});

/** Loaded and listening: the pool starts a file's time limit only from here. */
parentPort?.postMessage({ ready: true });
