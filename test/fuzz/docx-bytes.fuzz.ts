/**
 * Real .docx reports with damaged bytes (truncated, bits flipped, bytes overwritten, ranges zeroed, deleted or
 * duplicated), aimed anywhere, at the compressed document.xml, the central directory or the local headers.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusFiles, docxRegions, type DocxRegion } from './support/corpus';
import { byteMutation, mutateBytes } from './support/mutate-bytes';
import { fuzzFileFamily, type FileCase } from './support/run-files';

const FAMILY = 'docx-bytes';
const BATCH = 96;

describe('fuzz: real .docx files with damaged bytes', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const sources = corpusFiles('.docx');
    const regions = new Map(sources.map((name) => [name, docxRegions(corpusBytes(name))]));
    const spec = fc.record({
      source: fc.constantFrom(...sources),
      region: fc.constantFrom<DocxRegion>('any', 'main', 'main', 'directory', 'headers'),
      mutations: fc.array(byteMutation, { minLength: 1, maxLength: 6 }),
    });
    const cases = await fuzzFileFamily(FAMILY, BATCH, spec, (input, i): FileCase => ({
      name: `${input.source.replace(/\.docx$/, '')}-${i}`,
      ext: '.docx',
      bytes: mutateBytes(corpusBytes(input.source), regions.get(input.source)![input.region], input.mutations),
      input,
    }));
    expect(cases).toBeGreaterThan(0);
  });
});
