import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { runRules } from '../../shared/rules';
import { carryMismatch } from '../../shared/rules/carry-mismatch';
import { hierarchySum } from '../../shared/rules/hierarchy-sum';
import { t2StockFlow } from '../../shared/rules/t2-stock-flow';
import { textDuplicate } from '../../shared/rules/text-duplicate';
import { yoyOutlier } from '../../shared/rules/yoy-outlier';
import { compareWithTruth, corpusDocument, loadProse, loadTruth } from '../helpers/corpus';
import { reviewDocumentFromReport, zeroReport } from '../helpers/review-document';

const settings = DEFAULT_SETTINGS;

function pair() {
  const last = zeroReport('平江县交通运输局', 2022, '2023-01-13');
  last.table3.carriedForward = [1, 0, 0, 0, 0, 0, 1];
  last.table2.normativeDocuments = { issued: 2, repealed: 0, inForce: 10 };
  last.table2.licensing = 100;
  const current = zeroReport('平江县交通运输局', 2023, '2024-01-11');
  current.table3.carriedOver = [1, 0, 0, 0, 0, 0, 1];
  current.table2.normativeDocuments = { issued: 3, repealed: 1, inForce: 12 };
  current.table2.licensing = 120;
  return { last, current };
}

describe('CARRY-MISMATCH', () => {
  it('nothing when this year carries over what last year carried forward', () => {
    const { last, current } = pair();
    const context = { doc: reviewDocumentFromReport(current), previous: { doc: reviewDocumentFromReport(last) }, settings };
    expect(carryMismatch.check(context)).toEqual([]);
  });

  it('one finding per differing column with thisYear/lastYear', () => {
    const { last, current } = pair();
    current.table3.carriedOver = [2, 0, 0, 0, 0, 0, 2];
    const context = { doc: reviewDocumentFromReport(current), previous: { doc: reviewDocumentFromReport(last), file: 'd15.docx' }, settings };
    expect(carryMismatch.check(context).map((f) => [f.column, f.thisYear, f.lastYear, f.comparedWith])).toEqual([
      ['naturalPerson', 2, 1, 'd15.docx'],
      ['total', 2, 1, 'd15.docx'],
    ]);
  });

  it('is not run without the previous report', () => {
    const { current } = pair();
    current.table3.carriedOver = [2, 0, 0, 0, 0, 0, 2];
    expect(runRules({ doc: reviewDocumentFromReport(current), settings }).some((f) => f.rule === 'CARRY-MISMATCH')).toBe(false);
  });
});

describe('T2-STOCK-FLOW', () => {
  it('inForce = last inForce + issued − repealed', () => {
    const { last, current } = pair();
    const previous = { doc: reviewDocumentFromReport(last) };
    expect(t2StockFlow.check({ doc: reviewDocumentFromReport(current), previous, settings })).toEqual([]);
    current.table2.normativeDocuments.inForce = 15;
    expect(t2StockFlow.check({ doc: reviewDocumentFromReport(current), previous, settings })).toEqual([
      expect.objectContaining({ table: 'table2', row: 'normativeDocuments', column: 'inForce', expected: 12, actual: 15 }),
    ]);
  });
});

describe('TEXT-DUPLICATE', () => {
  const text = '我局坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实政府信息公开条例，围绕群众关注关切扎实推进政府信息公开工作，不断提升政务公开质量和实效，进一步规范依申请公开办理流程。';
  const withSection1 = (body: string) => reviewDocumentFromReport(zeroReport(), { prose: ['一、总体情况', body, '五、存在的主要问题及改进情况', '无'] });

  it('flags section 一 copied from last year', () => {
    const findings = textDuplicate.check({ doc: withSection1(text), previous: { doc: withSection1(text) }, settings });
    expect(findings).toEqual([expect.objectContaining({ section: '一', actual: 100 })]);
  });

  it('not for different texts', () => {
    const other = '本年度围绕医保待遇、医药价格和基金监管三个重点领域，新建公开目录两项，开展培训四次，整改网站栏目问题十一处，群众满意度明显提高。';
    expect(textDuplicate.check({ doc: withSection1(text), previous: { doc: withSection1(other) }, settings })).toEqual([]);
  });
});

describe('HIERARCHY-SUM and YOY-OUTLIER', () => {
  it('HIERARCHY-SUM per cell that differs from the sum of subordinates', () => {
    const a = zeroReport('甲局');
    a.table2.licensing = 5;
    const b = zeroReport('乙局');
    b.table2.licensing = 7;
    const government = zeroReport('清源县人民政府');
    government.table2.licensing = 12;
    const subordinates = [{ doc: reviewDocumentFromReport(a) }, { doc: reviewDocumentFromReport(b) }];
    expect(hierarchySum.check({ doc: reviewDocumentFromReport(government), subordinates, settings })).toEqual([]);
    government.table2.licensing = 13;
    expect(hierarchySum.check({ doc: reviewDocumentFromReport(government), subordinates, settings })).toEqual([
      expect.objectContaining({ table: 'table2', row: 'licensing', expected: 12, actual: 13 }),
    ]);
  });

  it('YOY-OUTLIER beyond 5× or below 0.2×, never from 0 or for small numbers', () => {
    const { last, current } = pair();
    const previous = { doc: reviewDocumentFromReport(last) };
    expect(yoyOutlier.check({ doc: reviewDocumentFromReport(current), previous, settings })).toEqual([]);
    current.table2.licensing = 600;
    current.table2.punishment = 3; // last year 0: skipped
    expect(yoyOutlier.check({ doc: reviewDocumentFromReport(current), previous, settings })).toEqual([
      expect.objectContaining({ table: 'table2', row: 'licensing', thisYear: 600, lastYear: 100 }),
    ]);
    current.table2.licensing = 15;
    last.table2.licensing = 2; // 7.5×, but both below the floor
    expect(yoyOutlier.check({ doc: reviewDocumentFromReport(current), previous: { doc: reviewDocumentFromReport(last) }, settings })).toEqual([]);
  });
});

describe('consecutive years in the dev corpus', () => {
  const prose = loadProse();
  const withPrevious = Object.keys(prose)
    .filter((file) => loadTruth(file).previousYear)
    .sort();

  it.each(withPrevious)('%s with last year', (file) => {
    const truth = loadTruth(file);
    const previousFile = `${truth.previousYear?.reportId}_docx.docx`;
    const previous = { doc: corpusDocument(previousFile, prose[previousFile]), file: previousFile };
    const produced = runRules({ doc: corpusDocument(file, prose[file], truth), previous, settings });
    const { missed, unexpected } = compareWithTruth(produced, truth.findings, truth.tolerated);
    expect({ missed, unexpected }).toEqual({ missed: [], unexpected: [] });
  });
});
