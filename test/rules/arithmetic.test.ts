import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  TABLE3_COLUMNS,
  TABLE3_RESULT_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table3CellId,
  table3GroupCellId,
  table4CellId,
  type Table3Column,
  type Table3Row,
} from '../../shared/model/ids';
import type { Finding } from '../../shared/model/finding';
import type { Report } from '../../shared/model/report';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { runRules } from '../../shared/rules';
import { arithmeticValue } from '../../shared/rules/arithmetic';
import { t3Balance } from '../../shared/rules/t3-balance';
import { t3ColSum } from '../../shared/rules/t3-col-sum';
import { t3RowSum } from '../../shared/rules/t3-row-sum';
import { t4Sum } from '../../shared/rules/t4-sum';
import { consistentReport } from '../helpers/random-report';
import { cloneReport, reviewDocumentFromReport, zeroReport, type ReviewDocumentOverrides } from '../helpers/review-document';

const ARITHMETIC = new Set(['T3-ROW-SUM', 'T3-COL-SUM', 'T3-BALANCE', 'T4-SUM']);

function check(report: Report, overrides: ReviewDocumentOverrides = {}): Finding[] {
  return runRules({ doc: reviewDocumentFromReport(report, overrides), settings: DEFAULT_SETTINGS }).filter((f) => ARITHMETIC.has(f.rule));
}

/** A consistent busy report: granted [10,1,0,0,0,0,11], notHeld [5,0,…,5], new = results. */
function busyReport(): Report {
  const report = zeroReport();
  report.table3.granted = [10, 1, 0, 0, 0, 0, 11];
  report.table3['unable.notHeld'] = [5, 0, 0, 0, 0, 0, 5];
  report.table3.resultTotal = [15, 1, 0, 0, 0, 0, 16];
  report.table3.newReceived = [15, 1, 0, 0, 0, 0, 16];
  report.table4.review = [1, 0, 0, 1, 2];
  return report;
}

describe('value semantics', () => {
  it('reads ok as its value, blank and missing as 0, bad/unreadable/notInFormat as not assessable', () => {
    const doc = reviewDocumentFromReport(busyReport(), {
      cells: {
        'table3.granted.research': { status: 'blank' },
        'table3.granted.legalService': { status: 'missing' },
        'table3.granted.otherOrg': { status: 'bad', raw: '无' },
        'table3.granted.publicInterest': { status: 'unreadable' },
        'table3.granted.commercial': { status: 'notInFormat' },
      },
    });
    expect(arithmeticValue(doc, 'table3.granted.naturalPerson')).toBe(10);
    expect(arithmeticValue(doc, 'table3.granted.research')).toBe(0);
    expect(arithmeticValue(doc, 'table3.granted.legalService')).toBe(0);
    expect(arithmeticValue(doc, 'table3.granted.otherOrg')).toBeNull();
    expect(arithmeticValue(doc, 'table3.granted.publicInterest')).toBeNull();
    expect(arithmeticValue(doc, 'table3.granted.commercial')).toBeNull();
  });
});

describe('T3-ROW-SUM / T3-COL-SUM / T3-BALANCE / T4-SUM', () => {
  it('a consistent report has no arithmetic finding', () => {
    expect(check(busyReport())).toEqual([]);
  });

  it('a wrong applicant cell gives ROW-SUM on its row and COL-SUM on its column, both pointing at it', () => {
    const report = busyReport();
    report.table3.granted[0] = 11;
    const findings = check(report);
    expect(findings.map((f) => [f.rule, f.row, f.column])).toEqual([
      ['T3-ROW-SUM', 'granted', 'total'],
      ['T3-COL-SUM', 'resultTotal', 'naturalPerson'],
    ]);
    expect(findings[0]).toMatchObject({ expected: 12, actual: 11, rootCause: 'table3.granted.naturalPerson' });
    expect(findings[0].message).toBe('“（一）予以公开”行：各类申请人之和为 12，总计栏为 11；疑为“（一）予以公开/自然人”一格有误');
    expect(findings[1]).toMatchObject({ expected: 16, actual: 15, rootCause: 'table3.granted.naturalPerson' });
  });

  it('a wrong total of a result row gives ROW-SUM and COL-SUM on 总计 with that cell as root cause', () => {
    const report = busyReport();
    report.table3.granted[6] = 12;
    const findings = check(report);
    expect(findings.map((f) => [f.rule, f.column, f.rootCause])).toEqual([
      ['T3-ROW-SUM', 'total', 'table3.granted.total'],
      ['T3-COL-SUM', 'total', 'table3.granted.total'],
    ]);
  });

  it('does not link findings whose differences disagree (two real errors stay visible)', () => {
    const report = busyReport();
    report.table3.granted[0] = 11; // row +1, column naturalPerson −1
    report.table3['unable.notHeld'][0] = 7; // row +2 …, column naturalPerson now −3 in total
    const findings = check(report);
    expect(findings.filter((f) => f.rule === 'T3-ROW-SUM').map((f) => f.row)).toEqual(['granted', 'unable.notHeld']);
    expect(findings.every((f) => f.rootCause === undefined)).toBe(true);
  });

  it('one application moved between two columns gives two COL-SUM findings and no root cause', () => {
    const report = busyReport();
    report.table3.granted = [9, 2, 0, 0, 0, 0, 11];
    const findings = check(report);
    expect(findings.map((f) => [f.rule, f.column, f.rootCause])).toEqual([
      ['T3-COL-SUM', 'naturalPerson', undefined],
      ['T3-COL-SUM', 'commercial', undefined],
    ]);
  });

  it('T3-BALANCE: carriedForward one too high in 自然人 and 总计 gives two BALANCE findings, unlinked', () => {
    const report = busyReport();
    report.table3.carriedForward = [1, 0, 0, 0, 0, 0, 1];
    const findings = check(report);
    expect(findings.map((f) => [f.rule, f.column, f.rootCause])).toEqual([
      ['T3-BALANCE', 'naturalPerson', undefined],
      ['T3-BALANCE', 'total', undefined],
    ]);
    expect(findings[0]).toMatchObject({ expected: 15, actual: 16, table: 'table3' });
    expect(findings[0].message).toContain('“自然人”列');
  });

  it('a wrong resultTotal cell explains COL-SUM, BALANCE and its ROW-SUM', () => {
    const report = busyReport();
    report.table3.resultTotal[1] = 3;
    const findings = check(report);
    expect(findings.map((f) => f.rule).sort()).toEqual(['T3-BALANCE', 'T3-COL-SUM', 'T3-ROW-SUM']);
    expect(new Set(findings.map((f) => f.rootCause))).toEqual(new Set(['table3.resultTotal.commercial']));
  });

  it('blank counts 0; a bad value makes its relations not assessable', () => {
    const report = busyReport();
    report.table3.granted[1] = null; // blank where 1 was printed: counts 0, so the sums break
    expect(check(report).map((f) => [f.rule, f.rootCause])).toEqual([
      ['T3-ROW-SUM', 'table3.granted.commercial'],
      ['T3-COL-SUM', 'table3.granted.commercial'],
    ]);
    const clean = zeroReport();
    clean.table3.granted[0] = null;
    expect(check(clean)).toEqual([]);
    const bad = busyReport();
    bad.table3.granted[1] = null;
    expect(check(bad, { cells: { 'table3.granted.commercial': { status: 'bad', raw: '无' } } })).toEqual([]);
  });

  it('a collapsed group stands in for its sub-rows in T3-COL-SUM', () => {
    const report = busyReport();
    report.table3['other.overdueCorrection'] = [null, null, null, null, null, null, null];
    report.table3['other.overdueFee'] = [null, null, null, null, null, null, null];
    report.table3['other.other'] = [null, null, null, null, null, null, null];
    report.table3Groups = { other: [2, 0, 0, 0, 0, 0, 2] };
    report.table3.resultTotal = [17, 1, 0, 0, 0, 0, 18];
    report.table3.newReceived = [17, 1, 0, 0, 0, 0, 18];
    expect(check(report, { nullStatus: 'missing' })).toEqual([]);
    report.table3Groups = { other: [3, 0, 0, 0, 0, 0, 2] };
    const findings = check(report, { nullStatus: 'missing' });
    expect(findings.map((f) => [f.rule, f.row, f.column, f.rootCause])).toEqual([
      ['T3-ROW-SUM', 'other', 'total', table3GroupCellId('other', 'naturalPerson')],
      ['T3-COL-SUM', 'resultTotal', 'naturalPerson', table3GroupCellId('other', 'naturalPerson')],
    ]);
  });

  it('T4-SUM: one finding per group whose total is not the sum of its four results', () => {
    const report = busyReport();
    report.table4.review = [2, 0, 0, 1, 2];
    const findings = check(report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'T4-SUM', table: 'table4', group: 'review', column: 'total', expected: 3, actual: 2 });
    expect(findings[0].message).toBe('“行政复议”：四项结果之和为 3，总计栏为 2');
  });

  it('each rule passes on the clean report by itself', () => {
    const doc = reviewDocumentFromReport(busyReport());
    for (const rule of [t3RowSum, t3ColSum, t3Balance, t4Sum]) expect(rule.check({ doc, settings: DEFAULT_SETTINGS })).toEqual([]);
  });
});

/** The relations a single table-3 cell takes part in. */
function expectedRelations(row: Table3Row, column: Table3Column): string[] {
  const expected = [`T3-ROW-SUM:${row}`];
  if ((TABLE3_RESULT_ROWS as readonly string[]).includes(row)) expected.push(`T3-COL-SUM:${column}`);
  if (row === 'resultTotal') expected.push(`T3-COL-SUM:${column}`, `T3-BALANCE:${column}`);
  if (row === 'newReceived' || row === 'carriedOver' || row === 'carriedForward') expected.push(`T3-BALANCE:${column}`);
  return expected.sort();
}

function relationOf(finding: Finding): string {
  if (finding.rule === 'T3-ROW-SUM') return `T3-ROW-SUM:${finding.row}`;
  if (finding.rule === 'T4-SUM') return `T4-SUM:${finding.group}`;
  return `${finding.rule}:${finding.column}`;
}

const delta = fc.integer({ min: 1, max: 5 });

describe('properties', () => {
  it('a random consistent report yields no arithmetic finding', () => {
    fc.assert(fc.property(consistentReport, (report) => check(report).length === 0), { numRuns: 200 });
  });

  it('changing one table-3 cell yields exactly the relations it is part of, all pointing at it', () => {
    const table3Cell = fc.record({
      row: fc.constantFrom(...(Object.keys(zeroReport().table3) as Table3Row[])),
      column: fc.constantFrom(...TABLE3_COLUMNS),
    });
    fc.assert(
      fc.property(consistentReport, table3Cell, delta, fc.boolean(), (report, { row, column }, d, down) => {
        const changed = cloneReport(report);
        const index = TABLE3_COLUMNS.indexOf(column);
        const value = changed.table3[row][index] ?? 0;
        const step = down && value >= d ? -d : d;
        changed.table3[row][index] = value + step;
        const findings = check(changed);
        expect(findings.map(relationOf).sort()).toEqual(expectedRelations(row, column));
        for (const finding of findings) expect(finding.rootCause).toBe(table3CellId(row, column));
      }),
      { numRuns: 300 },
    );
  });

  it('changing one table-4 cell yields exactly T4-SUM on its group', () => {
    const table4Cell = fc.record({ group: fc.constantFrom(...TABLE4_GROUPS), column: fc.constantFrom(...TABLE4_COLUMNS) });
    fc.assert(
      fc.property(consistentReport, table4Cell, delta, (report, { group, column }, d) => {
        const changed = cloneReport(report);
        const index = TABLE4_COLUMNS.indexOf(column);
        changed.table4[group][index] = (changed.table4[group][index] ?? 0) + d;
        const findings = check(changed);
        expect(findings.map(relationOf)).toEqual([`T4-SUM:${group}`]);
        expect(findings[0].cells).toContain(table4CellId(group, column));
      }),
      { numRuns: 100 },
    );
  });
});
