import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import type { Report } from '../../shared/model/report';
import type { Rule } from '../../shared/rules/rule';
import { late } from '../../shared/rules/late';
import { noDate } from '../../shared/rules/no-date';
import { organNameMismatch } from '../../shared/rules/organ-name-mismatch';
import { sameOrgan } from '../../shared/rules/organ-name';
import { section5Empty } from '../../shared/rules/section5-empty';
import { section6Fee } from '../../shared/rules/section6-fee';
import { MAX_CLAIMS, textTableMismatch } from '../../shared/rules/text-table-mismatch';
import { yearMismatch } from '../../shared/rules/year-mismatch';
import { reviewDocumentFromReport, zeroReport, type ReviewDocumentOverrides } from '../helpers/review-document';

const ORGAN = '临川市自然资源和规划局';

function busy(): Report {
  const report = zeroReport(ORGAN, 2023, '2024-01-26');
  report.table3.newReceived = [348, 103, 0, 0, 0, 0, 451];
  report.table3.carriedOver = [6, 0, 0, 0, 0, 0, 6];
  report.table3.granted = [100, 20, 0, 0, 0, 0, 120];
  report.table3['denied.processInfo'] = [32, 0, 0, 0, 0, 0, 32];
  report.table3.resultTotal = [132, 20, 0, 0, 0, 0, 152];
  report.table3.carriedForward = [222, 83, 0, 0, 0, 0, 305];
  report.table4.review = [1, 0, 0, 1, 2];
  report.table4.litigationDirect = [4, 0, 0, 1, 5];
  report.table4.litigationAfterReview = [2, 0, 0, 1, 3];
  report.table2.licensing = 558;
  return report;
}

function prose(section1: string[], section6 = ['本年度我局未收取信息处理费。'], section5 = ['一是政策解读形式较为单一；下一步将丰富解读形式，加强栏目维护，规范依申请办理流程。']): string[] {
  return [
    `${ORGAN}2023年政府信息公开工作年度报告`,
    '本报告中所列数据的统计期限为2023年1月1日至2023年12月31日。',
    '一、总体情况',
    ...section1,
    '二、主动公开政府信息情况',
    '三、收到和处理政府信息公开申请情况',
    '四、政府信息公开行政复议、行政诉讼情况',
    '五、存在的主要问题及改进情况',
    ...section5,
    '六、其他需要报告的事项',
    ...section6,
  ];
}

function run(rule: Rule, overrides: ReviewDocumentOverrides, report = busy()) {
  return rule.check({ doc: reviewDocumentFromReport(report, overrides), settings: DEFAULT_SETTINGS });
}

const GOOD_SENTENCE =
  '2023年，全年共收到政府信息公开申请451件，上年结转6件；已办结152件，其中予以公开120件，不予公开32件；结转下年度继续办理305件。从申请主体看，自然人申请348件，法人或其他组织申请103件。全年因政府信息公开被申请行政复议2件，被提起行政诉讼8件。全年在“双公示”专栏公开行政许可决定558件。';

describe('TEXT-TABLE-MISMATCH', () => {
  it('no finding when every stated number agrees', () => {
    expect(run(textTableMismatch, { prose: prose([GOOD_SENTENCE]) })).toEqual([]);
  });

  it('one finding per disagreeing number, with stated/inTable/text and place', () => {
    const text = GOOD_SENTENCE.replace('申请451件', '申请454件').replace('不予公开32件', '不予公开30件').replace('行政诉讼8件', '行政诉讼7件');
    const findings = run(textTableMismatch, { prose: prose([text]) });
    expect(findings).toEqual([
      expect.objectContaining({ table: 'table3', row: 'newReceived', column: 'total', stated: 454, inTable: 451, text: '全年共收到政府信息公开申请454件' }),
      expect.objectContaining({ table: 'table3', rows: expect.arrayContaining(['denied.stateSecret', 'denied.queryMatter']), column: 'total', stated: 30, inTable: 32 }),
      expect.objectContaining({ table: 'table4', groups: ['litigationDirect', 'litigationAfterReview'], stated: 7, inTable: 8 }),
    ]);
  });

  it('a figure too long to be a count is no claim (found by fuzzing: 400 nines made a finding stating Infinity)', () => {
    const findings = run(textTableMismatch, { prose: prose([`全年共收到政府信息公开申请${'9'.repeat(400)}件，予以公开99999999999999999999件。`]) });
    expect(findings).toEqual([]);
  });

  it('compares at most MAX_CLAIMS figures, quickly, however many the prose states (found by fuzzing)', () => {
    const started = performance.now();
    const findings = run(textTableMismatch, { prose: prose(['本年度收到政府信息公开申请12件'.repeat(300_000)]) });
    expect(findings.length).toBe(MAX_CLAIMS);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('收到 N may be new + carried over', () => {
    expect(run(textTableMismatch, { prose: prose(['全年共收到政府信息公开申请457件。']) })).toEqual([]);
  });

  it('zero phrases compare with 0', () => {
    const findings = run(textTableMismatch, { prose: prose(['2023年，我局未收到政府信息公开申请，无上年结转申请。']) });
    expect(findings.map((f) => [f.row, f.stated, f.inTable])).toEqual([
      ['newReceived', 0, 451],
      ['carriedOver', 0, 6],
    ]);
  });

  it('ignores 主动公开, 政策性文件, 解读材料 and numbers in other sections', () => {
    const lines = ['主动公开政府信息1609条，其中机构职能类180条。制发政策性文件11件，发布解读材料13篇。'];
    expect(run(textTableMismatch, { prose: prose(lines, ['未收取信息处理费。'], ['全年共收到政府信息公开申请1件。']) })).toEqual([]);
  });

  it('skips a number whose table cell is not assessable', () => {
    const cells = { 'table3.newReceived.total': { status: 'bad' as const, raw: '无' }, 'table3.carriedOver.total': { status: 'unreadable' as const } };
    expect(run(textTableMismatch, { prose: prose(['全年共收到政府信息公开申请1件。']), cells })).toEqual([]);
  });

  it('does not read an organ’s own review work as appeals about disclosure', () => {
    const lines = ['我局全年办理行政复议案件120件，公开行政复议决定书15件，行政诉讼应诉案件9件。'];
    expect(run(textTableMismatch, { prose: prose(lines) })).toEqual([]);
    const disclosure = run(textTableMismatch, { prose: prose(['全年因政府信息公开被申请行政复议3件。']) });
    expect(disclosure).toEqual([expect.objectContaining({ table: 'table4', group: 'review', stated: 3, inTable: 2 })]);
  });

  it('现行有效 belongs to 规范性文件 of its sentence', () => {
    const report = busy();
    report.table2.normativeDocuments = { issued: 3, repealed: 0, inForce: 10 };
    expect(run(textTableMismatch, { prose: prose(['本年度制发行政规范性文件3件，截至年底现行有效10件。']) }, report)).toEqual([]);
    const findings = run(textTableMismatch, { prose: prose(['本年度制发行政规范性文件3件，截至年底现行有效12件。']) }, report);
    expect(findings).toEqual([expect.objectContaining({ table: 'table2', row: 'normativeDocuments', column: 'inForce', stated: 12, inTable: 10 })]);
  });
});

describe('YEAR-MISMATCH', () => {
  it('nothing when title, period and statistics sentences agree; plans are not statistics', () => {
    const lines = ['2023年，我局主动公开政府信息36条。', '2024年，将加强政策解读，计划发布解读材料10篇。'];
    const statisticsPeriod = { text: '统计期限为2023年1月1日至2023年12月31日', fromYear: 2023, toYear: 2023 };
    expect(run(yearMismatch, { prose: prose(lines), statisticsPeriod })).toEqual([]);
  });

  it('one finding when the statistics period or a statistics sentence names another year', () => {
    const statisticsPeriod = { text: '统计期限为2022年1月1日至2022年12月31日', fromYear: 2022, toYear: 2022 };
    const findings = run(yearMismatch, { prose: prose(['2022年，我局主动公开政府信息36条。']), statisticsPeriod });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ expected: 2023, actual: 2022 });
  });

  it('title year differs', () => {
    expect(run(yearMismatch, { title: { text: `${ORGAN}2022年政府信息公开工作年度报告` } })).toHaveLength(1);
  });
});

describe('ORGAN-NAME-MISMATCH', () => {
  const organ = '管城回族区政务服务和大数据管理局';
  const report = () => ({ ...busy(), organ });

  it('flags a near-identical name in the body', () => {
    const findings = run(organNameMismatch, { prose: prose(['管城回族区政务服务大数据管理局坚持以公开为常态。']) }, report());
    expect(findings).toEqual([expect.objectContaining({ expected: organ, actual: '管城回族区政务服务大数据管理局' })]);
  });

  it('accepts a dropped region, abbreviations and other organs', () => {
    const lines = ['区政务服务和大数据管理局坚持以公开为常态。', '通过管城回族区人民政府门户网站发布信息。'];
    expect(run(organNameMismatch, { prose: prose(lines) }, report())).toEqual([]);
    expect(sameOrgan('和田地区机关事务管理局', '地区机关事务管理局')).toBe(true);
    expect(sameOrgan('青禾县人力资源和社会保障局', '青禾县人社局')).toBe(true);
    expect(sameOrgan('绿园区工业和信息化局', '绿园区工信局')).toBe(true);
  });

  it('title vs signature', () => {
    const organNames = { title: '管城回族区政务服务大数据管理局', signature: organ };
    expect(run(organNameMismatch, { organNames }, report())).toHaveLength(1);
  });
});

describe('SECTION5-EMPTY and SECTION6-FEE', () => {
  it('SECTION5-EMPTY for empty, 无 or a short text without measures', () => {
    expect(run(section5Empty, { prose: prose([], undefined, []) })).toHaveLength(1);
    expect(run(section5Empty, { prose: prose([], undefined, ['无。']) })).toHaveLength(1);
    expect(run(section5Empty, { prose: prose([], undefined, ['工作总体良好。']) })).toHaveLength(1);
    expect(run(section5Empty, { prose: prose([]) })).toEqual([]);
  });

  it('SECTION5-EMPTY not when the heading is missing (MISSING-SECTION says it)', () => {
    const lines = prose([]).filter((line) => !line.startsWith('五、'));
    expect(run(section5Empty, { prose: lines })).toEqual([]);
  });

  it('SECTION6-FEE accepts the usual statements', () => {
    for (const text of ['本年度没有产生信息公开处理费。', '发出收费通知的件数和总金额以及实际收取的总金额均为0。', '本机关未收取信息处理费。']) {
      expect(run(section6Fee, { prose: prose([], [text]) })).toEqual([]);
    }
  });

  it('SECTION6-FEE when 六 says nothing about fees', () => {
    expect(run(section6Fee, { prose: prose([], ['本年度无其他需要报告的事项。']) })).toEqual([expect.objectContaining({ section: '六' })]);
  });
});

describe('LATE and NO-DATE', () => {
  it('LATE after 31 January for a department', () => {
    const report = { ...busy(), signedDate: '2024-02-23' };
    expect(run(late, {}, report)).toEqual([expect.objectContaining({ signedDate: '2024-02-23', deadline: '2024-01-31' })]);
  });

  it('not LATE for a government signed 20 March, nor on the deadline itself', () => {
    expect(run(late, { organKind: 'government' }, { ...busy(), signedDate: '2024-03-20' })).toEqual([]);
    expect(run(late, {}, { ...busy(), signedDate: '2024-01-31' })).toEqual([]);
  });

  it('township uses the configurable deadline', () => {
    const doc = reviewDocumentFromReport({ ...busy(), signedDate: '2024-02-10' }, { organKind: 'township' });
    expect(late.check({ doc, settings: { ...DEFAULT_SETTINGS, otherDeadline: '02-20' } })).toEqual([]);
    expect(late.check({ doc, settings: DEFAULT_SETTINGS })).toHaveLength(1);
  });

  it('not LATE when the year or date is unknown; NO-DATE when the date is', () => {
    expect(run(late, {}, { ...busy(), year: null, signedDate: '2030-01-01' })).toEqual([]);
    expect(run(late, {}, { ...busy(), signedDate: null })).toEqual([]);
    expect(run(noDate, {}, { ...busy(), signedDate: null })).toHaveLength(1);
    expect(run(noDate, {})).toEqual([]);
  });
});
