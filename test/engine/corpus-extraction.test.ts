/**
 * End to end on the dev corpus copied into test/fixtures/corpus (every .docx and .doc, and PDFs of every kind of
 * layout: rows and headers cut by page breaks, repeated headers, Chromium's filled-rectangle rulings, the 2019
 * format, a scan): all read, mapped and checked as one run, then compared with their truth: all 200 cells, the
 * metadata, and the findings.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles, type FileResult } from '../../electron/services/check-files';
import { findSoffice } from '../../electron/services/doc-convert';
import { scoreCells, scoreFindings, type TruthFile } from '../bench/truth-score';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const files = readdirSync(CORPUS).filter((name) => /\.(docx|doc|pdf)$/.test(name)).sort();
const truthOf = (name: string): TruthFile => JSON.parse(readFileSync(join(CORPUS, name.replace(/\.(docx|doc|pdf)$/, '.truth.json')), 'utf8'));
const canConvertDoc = findSoffice() !== undefined;

let results: Map<string, FileResult>;

beforeAll(async () => {
  const checked = await checkFiles(files.map((name) => join(CORPUS, name)));
  results = new Map(checked.map((result) => [result.file.slice(CORPUS.length), result]));
}, 120_000);

describe('the dev corpus', () => {
  it('holds the 36 .docx, 3 .doc and 15 .pdf files', () => {
    expect(files.filter((name) => name.endsWith('.docx'))).toHaveLength(36);
    expect(files.filter((name) => name.endsWith('.doc'))).toHaveLength(3);
    expect(files.filter((name) => name.endsWith('.pdf'))).toHaveLength(15);
  });

  describe.each(files)('%s', (name) => {
    it('gives all 200 cells and the metadata of the truth', () => {
      const result = results.get(name)!;
      if (name.endsWith('.doc') && !canConvertDoc) {
        expect(result.status === 'unreadable' && result.error.code).toBe('DOC_NEEDS_CONVERSION');
        expect(result.status === 'unreadable' && result.error.message).toContain('请另存为 .docx 后重试');
        return;
      }
      expect(result.status).toBe('checked');
      const truth = truthOf(name);
      if (truth.layout?.rendering === 'scan') return expect(result.findings.map((f) => f.rule)).toEqual(['NO-TEXT-LAYER']);
      expect(scoreCells(result.status === 'checked' ? result.report : null, truth.report).wrong).toEqual([]);
    });

    it('gives exactly the findings of the truth (tolerated ones aside)', () => {
      const truth = truthOf(name);
      if (name.endsWith('.doc') && !canConvertDoc) return expect(results.get(name)!.findings).toEqual([]);
      const score = scoreFindings(results.get(name)!.findings, truth.findings, truth.tolerated ?? []);
      expect(score.falsePositives.map((f) => `${f.rule} ${f.table ?? ''} ${f.row ?? ''} ${f.column ?? ''}`)).toEqual([]);
      expect(score.falseNegatives).toEqual([]);
    });
  });
});
