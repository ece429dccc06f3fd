/**
 * OCR accuracy on scanned reports: each PDF given is read with OCR, and its 200 canonical cells compared with
 * its truth file (<name>.truth.json beside it). Prints cells right, the cells misread, and time per page.
 *
 *   npx tsx test/bench/ocr-accuracy.ts test/fixtures/corpus/d09_scan.pdf [more.pdf …]
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { buildReviewDocument } from '../../shared/layout/build-review-document';
import { allCanonicalCellIds } from '../../shared/model/ids';
import { valueOfCell } from '../../shared/engine/report-values';
import { readPdfFileWithOcr } from '../../electron/ocr/ocr-pdf';
import { scoreCells, type TruthFile } from './truth-score';

for (const file of process.argv.slice(2)) {
  const truthFile = process.env.TRUTH ?? file.replace(/\.pdf$/i, '.truth.json');
  const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as TruthFile;
  const started = performance.now();
  const content = await readPdfFileWithOcr(new Uint8Array(readFileSync(file)));
  const seconds = (performance.now() - started) / 1000;
  const doc = buildReviewDocument(content);
  const score = scoreCells(doc.report, truth.report);
  const ids = allCanonicalCellIds();
  const ocrMarked = ids.filter((id) => doc.cells[id]?.ocr).length;
  console.log(`${basename(file)}: cells ${score.right}/${score.total} right, ${ocrMarked} marked ocr; ${seconds.toFixed(1)} s for ${content.pagesRead} pages (${(seconds / (content.pagesRead ?? 1)).toFixed(1)} s/page)`);
  console.log(`  organ ${doc.report.organ} year ${doc.report.year} format ${doc.report.format} signed ${doc.report.signedDate}`);
  for (const id of score.wrong.slice(0, 60)) {
    const cell = doc.cells[id];
    console.log(id.includes(":") || !cell ? `  ✗ ${id}` : `  ✗ ${id}: read ${JSON.stringify(cell.raw)} (${cell.status}) expected ${valueOfCell(truth.report, id)}`);
  }
}
