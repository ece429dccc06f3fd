/** OCR values are never silently trusted: counts, confirmation as a same-value correction, findings marked. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkReviewDocument } from '../../shared/engine/check';
import { OCR_FINDING_SUFFIX, isConfirmedOcr, isUncheckedOcr, ocrCounts } from '../../shared/engine/ocr-values';
import { buildReviewDocument } from '../../shared/layout/build-review-document';
import type { DocumentContent } from '../../shared/model/grid';
import { DEFAULT_APP_SETTINGS, appSettingsSchema, checkSettingsOf } from '../../shared/model/settings';
import { readDocx } from '../../shared/read/docx';
import { snapLabel } from '../../shared/read/ocr/label-lexicon';

/**
 * A scanned report read by OCR, made from the Word twin of d09_scan: every table cell marked ocr, every page
 * without a text layer, and table 4's 行政复议 总计 misread (21 → 27).
 */
function scannedContent(): DocumentContent {
  const content = readDocx(new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/corpus/d09_docx.docx', import.meta.url)))));
  const blocks = content.blocks.map((block) => {
    if (block.type !== 'table') return block;
    const cells = block.grid.cells.map((cell) => ({ ...cell, ocr: true, text: cell.text.trim() === '21' ? '27' : cell.text }));
    return { ...block, grid: { ...block.grid, cells } };
  });
  return { ...content, format: 'pdf', blocks, pageCount: 5, pagesRead: 5, pagesWithoutText: [1, 2, 3, 4, 5] };
}

describe('OCR values', () => {
  it('marks findings resting on unchecked OCR values, and says so in NO-TEXT-LAYER', () => {
    const { doc, findings } = checkReviewDocument(buildReviewDocument(scannedContent()));
    expect(ocrCounts(doc.cells).total).toBeGreaterThan(0);
    expect(ocrCounts(doc.cells).unchecked).toBe(ocrCounts(doc.cells).total);
    const sum = findings.find((finding) => finding.rule === 'T4-SUM');
    expect(sum?.message.endsWith(OCR_FINDING_SUFFIX)).toBe(true);
    expect(findings.find((finding) => finding.rule === 'NO-TEXT-LAYER')?.message).toContain('OCR');
  });

  it('takes a correction to the same value as a confirmation; a finding on checked values is unmarked', () => {
    const doc = buildReviewDocument(scannedContent());
    const cellIds = Object.keys(doc.cells).filter((id) => id.startsWith('table4.review.'));
    const confirmed = checkReviewDocument(doc, { corrections: Object.fromEntries(cellIds.map((id) => [id, doc.cells[id].value])) });
    expect(cellIds.every((id) => isConfirmedOcr(confirmed.doc.cells[id]) && !isUncheckedOcr(confirmed.doc.cells[id]))).toBe(true);
    const sums = confirmed.findings.filter((finding) => finding.rule === 'T4-SUM' && (finding.cells ?? []).every((id) => cellIds.includes(id)));
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.every((finding) => !finding.message.endsWith(OCR_FINDING_SUFFIX))).toBe(true);
    expect(ocrCounts(confirmed.doc.cells).unchecked).toBe(ocrCounts(confirmed.doc.cells).total - cellIds.length);
    // A real correction (another value) is a correction, not a confirmation.
    const corrected = checkReviewDocument(doc, { corrections: { 'table4.review.total': 21 } });
    expect(isConfirmedOcr(corrected.doc.cells['table4.review.total'])).toBe(false);
    expect(isUncheckedOcr(corrected.doc.cells['table4.review.total'])).toBe(false);
  });

  it('keeps the OCR setting off by default and out of the rules\' settings', () => {
    expect(DEFAULT_APP_SETTINGS.ocrScans).toBe(false);
    expect(appSettingsSchema.parse({ ocrScans: true }).ocrScans).toBe(true);
    expect('ocrScans' in checkSettingsOf({ ...DEFAULT_APP_SETTINGS, ocrScans: true })).toBe(false);
  });
});

describe('OCR label post-correction', () => {
  it('puts labels a character or two off back to the template wording, and leaves the rest', () => {
    expect(snapLabel('规守')).toBe('规章');
    expect(snapLabel('日然人')).toBe('自然人');
    expect(snapLabel('二、上年结转政府让妃公开申请数基')).toBe('二、上年结转政府信息公开申请数量');
    expect(snapLabel('行政许可')).toBe('行政许可');
    expect(snapLabel('清源县人民政府')).toBe('清源县人民政府');
    expect(snapLabel('其他')).toBe('其他');
  });
});
