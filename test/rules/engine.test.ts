import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../shared/model/ids';
import { findingSchema } from '../../shared/model/finding';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { RULES, ruleById, runRules } from '../../shared/rules';
import { reviewDocumentFromReport, zeroReport } from '../helpers/review-document';

function faultyReport() {
  const report = zeroReport();
  report.signedDate = '2024-02-23';
  report.table3.granted = [1, 0, 0, 0, 0, 0, 0];
  report.table4.review = [1, 0, 0, 0, 0];
  return report;
}

describe('registry', () => {
  it('has one rule per id, with Chinese title, description and source', () => {
    expect(RULES.map((rule) => rule.id)).toEqual([...RULE_IDS]);
    for (const id of RULE_IDS) {
      const rule = ruleById(id);
      expect(rule?.id).toBe(id);
      expect(rule?.title).toMatch(/[\u4e00-\u9fff]/);
      expect(rule?.description).toMatch(/[\u4e00-\u9fff]/);
      expect(rule?.source.length).toBeGreaterThan(4);
    }
  });
});

describe('runRules', () => {
  it('a clean report gives no findings', () => {
    expect(runRules({ doc: reviewDocumentFromReport(zeroReport()), settings: DEFAULT_SETTINGS })).toEqual([]);
  });

  it('fills rule and severity, orders errors first then by table and row, and validates', () => {
    const findings = runRules({ doc: reviewDocumentFromReport(faultyReport()), settings: DEFAULT_SETTINGS });
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['T3-ROW-SUM', 'error'],
      ['T3-COL-SUM', 'error'],
      ['T4-SUM', 'error'],
      ['LATE', 'warning'],
    ]);
    for (const finding of findings) expect(findingSchema.safeParse(finding).success).toBe(true);
  });

  it('applies settings: disabled rules and severity overrides', () => {
    const settings = { ...DEFAULT_SETTINGS, rules: { 'T4-SUM': { enabled: false }, LATE: { enabled: true, severity: 'error' as const } } };
    const findings = runRules({ doc: reviewDocumentFromReport(faultyReport()), settings });
    expect(findings.some((f) => f.rule === 'T4-SUM')).toBe(false);
    expect(findings.find((f) => f.rule === 'LATE')?.severity).toBe('error');
  });

  it('a scan without any text layer gives only NO-TEXT-LAYER', () => {
    const report = zeroReport();
    report.signedDate = null;
    const sections = Object.fromEntries(
      (['一', '二', '三', '四', '五', '六'] as const).map((id) => [id, { id, heading: null, text: '' }]),
    ) as ReturnType<typeof reviewDocumentFromReport>['sections'];
    const doc = reviewDocumentFromReport(report, { noTextLayer: { pages: 'all' }, sections });
    expect(runRules({ doc, settings: DEFAULT_SETTINGS }).map((f) => f.rule)).toEqual(['NO-TEXT-LAYER']);
  });
});
