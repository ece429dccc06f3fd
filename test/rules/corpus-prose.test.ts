/**
 * The prose-based rules against the dev corpus: for every dev .docx, a ReviewDocument built from the truth
 * report and the document's paragraphs gives exactly the truth's findings for these rules.
 */
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../shared/model/ids';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { RULES, runRules } from '../../shared/rules';
import { compareWithTruth, corpusDocument, loadProse, loadTruth } from '../helpers/corpus';

const PROSE_RULES: RuleId[] = [
  'TEXT-TABLE-MISMATCH',
  'YEAR-MISMATCH',
  'ORGAN-NAME-MISMATCH',
  'SECTION5-EMPTY',
  'SECTION6-FEE',
  'LATE',
  'NO-DATE',
];

const prose = loadProse();
const files = Object.keys(prose).sort();

function onlyRules(rules: RuleId[]) {
  return {
    ...DEFAULT_SETTINGS,
    rules: Object.fromEntries(RULES.map((rule) => [rule.id, { enabled: rules.includes(rule.id) }])),
  };
}

describe('prose rules on the dev corpus', () => {
  it('has the prose of every dev .docx', () => {
    expect(files.length).toBe(36);
  });

  it.each(files)('%s', (file) => {
    const truth = loadTruth(file);
    const doc = corpusDocument(file, prose[file], truth);
    const produced = runRules({ doc, settings: onlyRules(PROSE_RULES) });
    const expected = truth.findings.filter((finding) => PROSE_RULES.includes(finding.rule as RuleId));
    const { missed, unexpected } = compareWithTruth(produced, expected, truth.tolerated);
    expect({ missed, unexpected }).toEqual({ missed: [], unexpected: [] });
  });
});

describe('all single-document rules on the dev corpus', () => {
  it.each(files)('%s', (file) => {
    const truth = loadTruth(file);
    const doc = corpusDocument(file, prose[file], truth);
    const produced = runRules({ doc, settings: DEFAULT_SETTINGS });
    const expected = truth.findings.filter((finding) => finding.requires === undefined);
    const { missed, unexpected } = compareWithTruth(produced, expected, truth.tolerated);
    expect({ missed, unexpected }).toEqual({ missed: [], unexpected: [] });
  });
});
