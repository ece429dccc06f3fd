/** Worker thread: reads the report files it is sent, one at a time, and posts back their review documents. */
import { parentPort } from 'node:worker_threads';
import { readDocumentFile } from './read-document';

export interface ReadRequest {
  index: number;
  file: string;
}

parentPort?.on('message', async (request: ReadRequest) => {
  const result = await readDocumentFile(request.file);
  parentPort?.postMessage({ index: request.index, result });
});

/** Loaded and listening: the pool starts a file's time limit only from here. */
parentPort?.postMessage({ ready: true });
