/** PDF reading, Node side: pdf.js with its assets from the installed pdfjs-dist. */
import type { DocumentContent } from '../../shared/model/grid';
import { readPdf } from '../../shared/read/pdf/read-pdf';
import { pdfAssets } from './pdf-assets';

export function readPdfFile(bytes: Uint8Array): Promise<DocumentContent> {
  return readPdf(bytes, pdfAssets());
}
