/**
 * Document text quoted in findings' messages is cut to a readable length (found by the fuzz suite: a cell of
 * 170 000 characters made a BAD-VALUE message as long); the finding's own fields keep the whole text.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { runRules } from '../../shared/rules';
import { quoted } from '../../shared/rules/quote';
import { reviewDocumentFromReport, zeroReport } from '../helpers/review-document';

const HUGE = '年'.repeat(100_000);

describe('text quoted in messages', () => {
  it('is kept whole when short, and cut with its length when long', () => {
    expect(quoted('本年新收')).toBe('本年新收');
    expect(quoted(HUGE)).toBe(`${'年'.repeat(60)}…（共 100000 字）`);
    expect(quoted('😀'.repeat(61))).toBe(`${'😀'.repeat(60)}…（共 61 字）`);
  });

  it('a huge bad value, blank placeholder, label and layout note give short messages, the fields keep it all', () => {
    const doc = reviewDocumentFromReport(zeroReport(), {
      cells: {
        'table3.granted.naturalPerson': { status: 'bad', raw: HUGE },
        'table3.granted.commercial': { status: 'blank', raw: `/${HUGE}` },
      },
      labels: [{ table: 'table3', kind: 'row', id: 'granted', expected: '（一）予以公开', actual: HUGE, status: 'altered' }],
      layoutNotes: [{ table: 'table3', kind: 'extraRow', text: HUGE }],
    });
    const findings = runRules({ doc, settings: DEFAULT_SETTINGS });
    for (const rule of ['BAD-VALUE', 'BLANK-CELL', 'LABEL-ALTERED', 'TABLE-LAYOUT']) {
      const finding = findings.find((f) => f.rule === rule && (f.raw ?? f.text ?? f.actual)?.toString().includes(HUGE));
      expect(finding, rule).toBeDefined();
      expect(finding!.message.length, rule).toBeLessThan(200);
    }
  });
});
