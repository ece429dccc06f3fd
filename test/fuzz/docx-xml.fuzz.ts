/**
 * Real .docx reports re-zipped with a damaged word/document.xml: elements shuffled, duplicated, deleted,
 * unwrapped, renamed and moved; absurd spans and merges; cell text replaced by huge numbers, non-numbers, labels
 * and random Unicode; raw markup inserted; tables nested deep; the XML cut short.
 */
import fc from 'fast-check';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { corpusBytes, corpusFiles } from './support/corpus';
import { applyXmlMutation, rezip, unzipDocx, xmlMutation } from './support/mutate-xml';
import { fuzzFileFamily, type FileCase } from './support/run-files';

const FAMILY = 'docx-xml';
const BATCH = 48;

describe('fuzz: real .docx files with a damaged document.xml', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const sources = corpusFiles('.docx');
    const packages = new Map(sources.map((name) => [name, unzipDocx(corpusBytes(name))]));
    const spec = fc.record({ source: fc.constantFrom(...sources), mutations: fc.array(xmlMutation, { minLength: 1, maxLength: 12 }) });
    const cases = await fuzzFileFamily(FAMILY, BATCH, spec, (input, i): FileCase => {
      const parts = packages.get(input.source)!;
      const xml = input.mutations.reduce(applyXmlMutation, strFromU8(parts['word/document.xml']));
      return { name: `${input.source.replace(/\.docx$/, '')}-${i}`, ext: '.docx', bytes: rezip(parts, { 'word/document.xml': xml }), input };
    });
    expect(cases).toBeGreaterThan(0);
  });
});
