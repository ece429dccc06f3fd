/** Reading one report file into its review document: what a worker does per file, and the fallback in-process. */
import type { ReviewDocument } from '../../shared/model/review-document';
import { reviewContent } from '../../shared/engine/check';
import { ReadError, type ReadErrorCode } from '../../shared/read/errors';
import type { OcrProgress } from '../ocr/ocr-pdf';
import { readReportFile } from '../services/report-file';

export interface ReadFailure {
  code: ReadErrorCode | 'INTERNAL';
  message: string;
}

export interface DocumentRead {
  file: string;
  doc?: ReviewDocument;
  sha256?: string;
  error?: ReadFailure;
  /** Engine time for reading and mapping, in milliseconds. */
  millis: number;
}

export interface ReadDocumentOptions {
  /** Pages of a PDF without a text layer are read by OCR. */
  ocr?: boolean;
  onOcrProgress?: (progress: OcrProgress) => void;
}

export async function readDocumentFile(file: string, options: ReadDocumentOptions = {}): Promise<DocumentRead> {
  const started = performance.now();
  try {
    const ocr = options.ocr ? { onProgress: options.onOcrProgress } : undefined;
    const { content, sha256 } = await readReportFile(file, { ocr });
    return { file, doc: reviewContent(content), sha256, millis: performance.now() - started };
  } catch (error) {
    return { file, error: describeReadError(error), millis: performance.now() - started };
  }
}

export function describeReadError(error: unknown): ReadFailure {
  if (error instanceof ReadError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `读取时发生内部错误：${detail}` };
}
