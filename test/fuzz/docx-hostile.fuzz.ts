/**
 * Hand-made hostile .docx files (support/hostile-docx.ts): each must end in a result or a clear error (the one
 * expected, where there is only one right answer), in time, with bounded memory. Not time-boxed: all run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ORIGINAL_LIMITS, OriginalUnavailable, wordOriginal } from '../../electron/session/original';
import { readDocx } from '../../shared/read/docx';
import { familySeed, recordCount, tally } from './support/config';
import { SENTINEL, externalReferenceDocx, hostileDocxCases } from './support/hostile-docx';
import { clearMessageProblem } from './support/outcome';
import { RssWatch, checkRecordedCaseSet } from './support/run-files';

const FAMILY = 'docx-hostile';

type Outcome = { html: string } | { unavailable: string } | { error: string };
/** The hostile cases the Word reader accepts, whose original the review view then shows. */
const FOR_THE_ORIGINAL = ['nested-tables-60-report', 'sibling-tables-3000-in-a-cell', 'table3-wide-spans', 'hmerge-chain-20k', 'giant-paragraph-20M-chars', 'bomb-styles', 'bomb-picture', 'giant-picture-50MB-stored', 'billion-laughs-styles'];

describe('fuzz: hostile .docx files', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const builders = await hostileDocxCases();
    const failures = await checkRecordedCaseSet(FAMILY, builders);
    expect(failures, failures.join('\n\n')).toEqual([]);
  });

  it('show their original (mammoth on a worker) or say in Chinese why not, in time, the main heap untouched', async () => {
    const builders = await hostileDocxCases();
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-original-'));
    const outcomes: Record<string, number> = {};
    const failures: string[] = [];
    const started = performance.now();
    let cases = 0;
    const named = builders.filter((build) => FOR_THE_ORIGINAL.includes(build.caseName));
    const sentinel = join(folder, `${SENTINEL}.png`);
    writeFileSync(sentinel, 'secret');
    const external = () => ({ name: 'external-references', ext: '.docx' as const, bytes: externalReferenceDocx({ absolute: sentinel, fileUrl: pathToFileURL(sentinel).href, relative: `../${SENTINEL}.png` }) });
    try {
      for (const build of [...named, external]) {
        const fileCase = build();
        const path = join(folder, `${fileCase.name}.docx`);
        writeFileSync(path, fileCase.bytes);
        cases++;
        try {
          readDocx(fileCase.bytes);
        } catch {
          tally(outcomes, 'unreadable (no original shown)');
          continue;
        }
        globalThis.gc?.();
        const heapBefore = process.memoryUsage().heapUsed;
        const watch = new RssWatch().start();
        const began = performance.now();
        const outcome: Outcome = await wordOriginal(path, 'docx').then(
          (original) => (original.kind === 'html' ? { html: original.html } : { error: `kind ${original.kind}` }),
          (error: unknown) => (error instanceof OriginalUnavailable ? { unavailable: error.message } : { error: String((error as Error)?.stack ?? error) }),
        );
        const millis = performance.now() - began;
        watch.stop();
        const heapGrowthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
        tally(outcomes, 'html' in outcome ? 'html' : 'unavailable' in outcome ? 'unavailable' : 'error');
        const problem =
          'error' in outcome
            ? outcome.error
            : 'unavailable' in outcome
              ? clearMessageProblem(outcome.unavailable)
              : outcome.html.length > ORIGINAL_LIMITS.maxHtmlChars || outcome.html.includes('secret')
                ? `HTML of ${outcome.html.length} characters`
                : null;
        if (problem) failures.push(`${fileCase.name}: ${problem}`);
        if (millis > ORIGINAL_LIMITS.timeoutMs + 5_000) failures.push(`${fileCase.name}: took ${millis.toFixed(0)} ms`);
        if ('html' in outcome ? heapGrowthMb > 200 + (outcome.html.length * 2) / 1024 / 1024 : heapGrowthMb > 200) failures.push(`${fileCase.name}: main heap grew by ${heapGrowthMb.toFixed(0)} MB`);
        if (process.env.FUZZ_VERBOSE) console.info(`[fuzz] original of ${fileCase.name}: ${Object.keys(outcome)[0]} in ${millis.toFixed(0)} ms, heap +${heapGrowthMb.toFixed(0)} MB, peak RSS ${(watch.peak / 1024 / 1024).toFixed(0)} MB`);
      }
      expect(failures, failures.join('\n')).toEqual([]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      recordCount({ family: 'original-view', seed: familySeed('original-view'), cases, millis: performance.now() - started, outcomes });
    }
  });
});
