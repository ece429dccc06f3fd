/**
 * The PDF reader's hook for pages without a text layer: the page's picture, among the images its drawing paints,
 * read by OCR (read-scanned-page.ts); and for a table pasted as a picture into a page that has text. Pure:
 * pdf.js objects come in through the reader's ScannedPdfPage.
 */
import type { Box, TextPiece } from '../pdf/geometry';
import { pageScan, type PaintedImage } from '../pdf/page-content';
import type { PdfTable } from '../pdf/table-grid';
import { greyFromPdfImage } from './grey-image';
import type { OcrRecognizer } from './recognizer';
import { readScannedPage } from './read-scanned-page';

/** What the PDF reader hands over of a page that has no text. */
export interface ScannedPdfPage {
  page: number;
  frame: Box;
  /** The images the page paints (page-content.ts's readRulings). */
  images: PaintedImage[];
  /** A painted image's decoded pixels (pdf.js's `{ width, height, kind, data }`). */
  image(objId: string): Promise<unknown>;
  /** On a page that has text: the picture of a table pasted into it, to be read instead of the page's scan. */
  picture?: PaintedImage;
}

export interface OcrPageResult {
  tables: PdfTable[];
  pieces: TextPiece[];
}

export interface OcrProgress {
  /** The page being read (1-based). */
  page: number;
  /** Cells of that page read, and its cells. */
  cells: number;
  totalCells: number;
}

/** A reader of scanned pages with the given recognizer, for ReadPdfOptions.ocrPage. */
export function ocrPages(recognizer: OcrRecognizer, onProgress?: (progress: OcrProgress) => void, onError?: (page: number, error: unknown) => void) {
  return async (page: ScannedPdfPage): Promise<OcrPageResult | null> => {
    try {
      return await ocrPage(page, recognizer, onProgress);
    } catch (error) {
      // A page the recognizer fails on stays a page without text (NO-TEXT-LAYER); the others are still read.
      onError?.(page.page, error);
      return null;
    }
  };
}

async function ocrPage(page: ScannedPdfPage, recognizer: OcrRecognizer, onProgress?: (progress: OcrProgress) => void): Promise<OcrPageResult | null> {
  const scan = page.picture ?? pageScan(page.images, page.frame);
  if (!scan) return null;
  const decoded = scan.objId ? await page.image(scan.objId) : scan.inline;
  const image = decoded ? greyFromPdfImage(decoded as Parameters<typeof greyFromPdfImage>[0]) : null;
  if (!image) return null;
  onProgress?.({ page: page.page, cells: 0, totalCells: 0 });
  const content = await readScannedPage({ page: page.page, image, matrix: scan.matrix }, recognizer, {
    onCell: (cells, totalCells) => onProgress?.({ page: page.page, cells, totalCells }),
  });
  return { tables: content.tables, pieces: content.pieces };
}
