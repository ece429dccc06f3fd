/**
 * Rules over the prose of a hostile document, twenty million characters in a paragraph (found by fuzzing:
 * ORGAN-NAME-MISMATCH looked at every place the organ's last two characters occur, some 30 µs each, minutes
 * for a paragraph of them; TEXT-DUPLICATE made a set of every 6-character piece of a section, gigabytes).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { misspeltMentions } from '../../shared/rules/organ-name';
import { organNameMismatch } from '../../shared/rules/organ-name-mismatch';
import { duplicateShare, textDuplicate } from '../../shared/rules/text-duplicate';
import { CLEAN_PROSE, reviewDocumentFromReport, zeroReport } from '../helpers/review-document';

const ORGAN = '临川市自然资源和规划局';

function within<T>(millis: number, run: () => T): T {
  const started = performance.now();
  const result = run();
  expect(performance.now() - started).toBeLessThan(millis);
  return result;
}

describe('ORGAN-NAME-MISMATCH on huge prose', () => {
  it('looks at a bounded number of places, and still finds a misspelling among the first', () => {
    const text = `临川市自然资源与规划局${'规划局'.repeat(2_000_000)}`;
    expect(within(3_000, () => misspeltMentions(text, ORGAN))).toEqual(['临川市自然资源与规划局']);
    const doc = reviewDocumentFromReport(zeroReport(ORGAN), { prose: [...CLEAN_PROSE.slice(0, 2), text, ...CLEAN_PROSE.slice(2)] });
    expect(within(5_000, () => organNameMismatch.check({ doc, settings: DEFAULT_SETTINGS }))).toHaveLength(1);
  });

  it("takes no name longer than an organ's for one", () => {
    expect(misspeltMentions('年'.repeat(100_000), '年'.repeat(50_000))).toEqual([]);
  });
});

describe('TEXT-DUPLICATE on huge sections', () => {
  it('compares a bounded share of each, in bounded time', () => {
    // 17 million characters, hardly a 6-character piece twice: some 2 GB of shingles when compared whole.
    let state = 1;
    const codes = new Uint16Array(17_000_000).map(() => 0x4e00 + ((state = (state * 1103515245 + 12345) % 2 ** 31) % 20_000));
    const section = new TextDecoder('utf-16le').decode(codes);
    expect(within(3_000, () => duplicateShare(section, section))).toBe(1);
    const prose = ['一、总体情况', section, '五、存在的主要问题及改进情况', section];
    const doc = reviewDocumentFromReport(zeroReport(ORGAN, 2023), { prose });
    const previous = reviewDocumentFromReport(zeroReport(ORGAN, 2022), { prose });
    const findings = within(20_000, () => textDuplicate.check({ doc, previous: { doc: previous, file: '2022.docx' }, settings: DEFAULT_SETTINGS }));
    expect(findings.length).toBeGreaterThan(0);
  });
});
