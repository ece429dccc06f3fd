/**
 * A long PDF: `npm run -s bench:long-pdf [-- file.pdf]` (default test/fixtures/long/report-last-301-pages.pdf,
 * 296 pages of other text and then a 5-page report). Reports the time of the whole check (read, map, rules),
 * pages read, and the memory it took beyond what the process held before (resident set, sampled every 5 ms).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readContent } from '../../electron/services/report-file';
import { checkReviewDocument, reviewContent } from '../../shared/engine/check';

const DEFAULT = fileURLToPath(new URL('../fixtures/long/report-last-301-pages.pdf', import.meta.url));
const WARM_UP = fileURLToPath(new URL('../fixtures/corpus/d05_chrome.pdf', import.meta.url));

async function main(): Promise<void> {
  const file = process.argv[2] ?? DEFAULT;
  const bytes = new Uint8Array(readFileSync(file));
  await readContent(WARM_UP, new Uint8Array(readFileSync(WARM_UP)));
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const started = performance.now();
  const content = await readContent(file, bytes);
  const { findings } = checkReviewDocument(reviewContent(content));
  const millis = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const mb = (n: number) => Math.round(n / 1048576);
  console.log(`long-pdf: pages=${content.pageCount} read=${content.pagesRead} time=${Math.round(millis)}ms extraRSS=${mb(peak - before)}MB findings=${findings.length}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
