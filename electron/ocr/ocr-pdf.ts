/** Reading a scanned PDF with OCR (Node side): the PDF reader with the OCR hook and a tesseract recognizer. */
import type { DocumentContent } from '../../shared/model/grid';
import { ocrPages, type OcrProgress } from '../../shared/read/ocr/ocr-page';
import type { OcrRecognizer } from '../../shared/read/ocr/recognizer';
import { readPdfFile } from '../services/pdf-file';
import { TesseractRecognizer } from './tesseract-recognizer';

export type { OcrProgress };

export interface OcrReadOptions {
  onProgress?: (progress: OcrProgress) => void;
  /** Another recognizer (tests); default tesseract.js with the installed Chinese model. */
  recognizer?: OcrRecognizer;
}

/** Reads a PDF; its pages without a text layer are read by OCR, their cells marked as such. */
export async function readPdfFileWithOcr(bytes: Uint8Array, options: OcrReadOptions = {}): Promise<DocumentContent> {
  const own = options.recognizer ? null : new TesseractRecognizer();
  const recognizer = options.recognizer ?? own!;
  try {
    const onError = (page: number, error: unknown) => console.error(`[ocr] page ${page}: ${error instanceof Error ? error.message : String(error)}`);
    return await readPdfFile(bytes, { ocrPage: ocrPages(recognizer, options.onProgress, onError) });
  } finally {
    await own?.terminate();
  }
}
