/**
 * Real .docx reports re-zipped with a damaged word/document.xml: elements shuffled, duplicated, deleted,
 * unwrapped, renamed and moved; absurd spans and merges; cell text replaced by huge numbers, non-numbers, labels
 * and random Unicode; raw markup inserted; tables nested deep; the XML cut short.
 */
import fc from 'fast-check';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { familyMillis, familySeed, recordCount } from './support/config';
import { corpusBytes, corpusFiles } from './support/corpus';
import { applyXmlMutation, rezip, unzipDocx, xmlMutation } from './support/mutate-xml';
import { checkAsyncTimeBoxed } from './support/property';
import { checkFileCases, type FileCase } from './support/run-files';

const FAMILY = 'docx-xml';
const BATCH = 48;

describe('fuzz: real .docx files with a damaged document.xml', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const sources = corpusFiles('.docx');
    const packages = new Map(sources.map((name) => [name, unzipDocx(corpusBytes(name))]));
    const spec = fc.record({ source: fc.constantFrom(...sources), mutations: fc.array(xmlMutation, { minLength: 1, maxLength: 12 }) });
    const seed = familySeed(FAMILY);
    const outcomes: Record<string, number> = {};
    let cases = 0;
    const started = performance.now();
    try {
      await checkAsyncTimeBoxed({ family: FAMILY, seed, millis: familyMillis(FAMILY) }, fc.array(spec, { minLength: BATCH, maxLength: BATCH }), async (specs) => {
        const batch: FileCase[] = specs.map((input, i) => {
          const parts = packages.get(input.source)!;
          const xml = input.mutations.reduce(applyXmlMutation, strFromU8(parts['word/document.xml']));
          return { name: `${input.source.replace(/\.docx$/, '')}-${i}`, ext: '.docx', bytes: rezip(parts, { 'word/document.xml': xml }), input };
        });
        cases += batch.length;
        await checkFileCases(FAMILY, batch, outcomes);
      });
    } finally {
      recordCount({ family: FAMILY, seed, cases, millis: performance.now() - started, outcomes });
    }
    expect(cases).toBeGreaterThan(0);
  });
});
