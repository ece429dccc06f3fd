/**
 * Hand-made hostile PDFs (support/hostile-pdf.ts): each must end in a result or a clear error (the one
 * expected, where there is only one right answer), in time, with bounded memory. Not time-boxed: all run.
 */
import { describe, expect, it } from 'vitest';
import { familySeed, recordCount } from './support/config';
import { hostilePdfCases } from './support/hostile-pdf';
import { checkCaseSet } from './support/run-files';

const FAMILY = 'pdf-hostile';

describe('fuzz: hostile PDFs', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const builders = await hostilePdfCases();
    const outcomes: Record<string, number> = {};
    const started = performance.now();
    let cases = 0;
    try {
      const run = await checkCaseSet(FAMILY, builders, outcomes);
      cases = run.cases;
      expect(run.failures, run.failures.join('\n\n')).toEqual([]);
    } finally {
      recordCount({ family: FAMILY, seed: familySeed(FAMILY), cases, millis: performance.now() - started, outcomes });
    }
  });
});
