/**
 * Real PDF reports with damaged bytes (truncated, bits flipped, bytes overwritten, ranges zeroed, deleted or
 * duplicated), aimed anywhere, at the header and first objects, or at the cross-reference table and trailer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusFiles, pdfRegions, type PdfRegion } from './support/corpus';
import { byteMutation, mutateBytes } from './support/mutate-bytes';
import { fuzzFileFamily, type FileCase } from './support/run-files';

const FAMILY = 'pdf-bytes';
const BATCH = 12;

describe('fuzz: real PDF files with damaged bytes', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const sources = corpusFiles('.pdf');
    const regions = new Map(sources.map((name) => [name, pdfRegions(corpusBytes(name))]));
    const spec = fc.record({
      source: fc.constantFrom(...sources),
      region: fc.constantFrom<PdfRegion>('any', 'any', 'head', 'tail'),
      mutations: fc.array(byteMutation, { minLength: 1, maxLength: 6 }),
    });
    const cases = await fuzzFileFamily(FAMILY, BATCH, spec, (input, i): FileCase => ({
      name: `${input.source.replace(/\.pdf$/, '')}-${i}`,
      ext: '.pdf',
      bytes: mutateBytes(corpusBytes(input.source), regions.get(input.source)![input.region], input.mutations),
      input,
    }));
    expect(cases).toBeGreaterThan(0);
  });
});
