/** PDF reading, Node side: pdf.js with its assets from the installed pdfjs-dist. */
import type { DocumentContent } from '../../shared/model/grid';
import { reportHasEnded } from '../../shared/layout/prose';
import { readPdf, type ReadPdfOptions } from '../../shared/read/pdf/read-pdf';
import { installDomMatrix } from './dom-matrix';
import { installFontFaceSink } from './font-face-sink';
import { pdfAssets } from './pdf-assets';
import { useJsInflateForPdfJs } from './pdf-inflate';

/**
 * Reads a PDF as far as the report goes (a report inside a long document stops being read where it ends);
 * `ocrPage` reads its pages without text (ocr-pdf.ts).
 */
export function readPdfFile(bytes: Uint8Array, { ocrPage }: Pick<ReadPdfOptions, 'ocrPage'> = {}): Promise<DocumentContent> {
  // Before pdf.js first loads: it needs a DOMMatrix, and the installed app has no @napi-rs/canvas (dom-matrix.ts).
  installDomMatrix();
  useJsInflateForPdfJs();
  installFontFaceSink();
  return readPdf(bytes, { ...pdfAssets(), stopAfter: reportHasEnded, ...(ocrPage ? { ocrPage } : {}) });
}
