/**
 * Run by ocr-scan.test.ts in a child process under the network guard (test/e2e/helpers/network-guard.ts,
 * which also guards every worker thread, tesseract's included): reads the PDF given with OCR, checks it, and
 * prints the result as one JSON line.
 */
import { readFileSync } from 'node:fs';
import { readPdfFileWithOcr } from '../../../electron/ocr/ocr-pdf';
import { checkReviewDocument, reviewContent } from '../../../shared/engine/check';

const started = performance.now();
const pages: number[] = [];
const content = await readPdfFileWithOcr(new Uint8Array(readFileSync(process.argv[2])), {
  onProgress: ({ page }) => {
    if (!pages.includes(page)) pages.push(page);
  },
});
const { doc, findings } = checkReviewDocument(reviewContent(content));
process.stdout.write(`${JSON.stringify({ report: doc.report, cells: doc.cells, findings, pages, seconds: (performance.now() - started) / 1000 })}\n`);
