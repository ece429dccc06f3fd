/**
 * A 301-page PDF whose report comes last (296 pages of other text first): read page by page to the end, the
 * report found and read whole, in bounded time and memory. The exact figures come from `npm run bench:long-pdf`;
 * the limits here leave room for a loaded CI machine.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readContent } from '../../electron/services/report-file';
import { checkReviewDocument, reviewContent } from '../../shared/engine/check';
import { scoreCells, type TruthFile } from '../bench/truth-score';

const FILE = fileURLToPath(new URL('../fixtures/long/report-last-301-pages.pdf', import.meta.url));
const truth: TruthFile = JSON.parse(readFileSync(FILE.replace(/\.pdf$/, '.truth.json'), 'utf8'));

describe('a 301-page PDF with the report at its end', () => {
  it('reads every page, finds the report and all 200 cells, within 6 s and 256 MB', async () => {
    const bytes = new Uint8Array(readFileSync(FILE));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    const started = performance.now();
    const content = await readContent(FILE, bytes);
    const { doc } = checkReviewDocument(reviewContent(content));
    const millis = performance.now() - started;
    clearInterval(sampler);
    expect(content).toMatchObject({ pageCount: 301, pagesRead: 301 });
    expect(scoreCells(doc.report, truth.report).wrong).toEqual([]);
    expect(millis).toBeLessThan(6000);
    expect(peak - before).toBeLessThan(256 * 1048576);
  }, 30_000);
});
