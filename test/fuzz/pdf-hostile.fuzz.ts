/**
 * Hand-made hostile PDFs (support/hostile-pdf.ts): each must end in a result or a clear error (the one
 * expected, where there is only one right answer), in time, with bounded memory. Not time-boxed: all run.
 */
import { describe, expect, it } from 'vitest';
import { hostilePdfCases } from './support/hostile-pdf';
import { checkRecordedCaseSet } from './support/run-files';

const FAMILY = 'pdf-hostile';

describe('fuzz: hostile PDFs', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const builders = await hostilePdfCases();
    const failures = await checkRecordedCaseSet(FAMILY, builders);
    expect(failures, failures.join('\n\n')).toEqual([]);
  });
});
