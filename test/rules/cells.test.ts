import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import type { Rule } from '../../shared/rules/rule';
import type { ReviewDocument } from '../../shared/model/review-document';
import { badValue } from '../../shared/rules/bad-value';
import { blankCell } from '../../shared/rules/blank-cell';
import { labelAltered } from '../../shared/rules/label-altered';
import { missingRow } from '../../shared/rules/missing-row';
import { missingSection } from '../../shared/rules/missing-section';
import { missingTable } from '../../shared/rules/missing-table';
import { noTextLayer } from '../../shared/rules/no-text-layer';
import { oldFormat } from '../../shared/rules/old-format';
import { tableLayout } from '../../shared/rules/table-layout';
import { reviewDocumentFromReport, zeroReport, type ReviewDocumentOverrides } from '../helpers/review-document';

function run(rule: Rule, overrides: ReviewDocumentOverrides = {}, report = zeroReport()) {
  return rule.check({ doc: reviewDocumentFromReport(report, overrides), settings: DEFAULT_SETTINGS });
}

const clean = reviewDocumentFromReport(zeroReport());
const missingRowOf = (row: string) =>
  Object.fromEntries(
    ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'].map((c) => [
      `table3.${row}.${c}`,
      { status: 'missing' as const },
    ]),
  );

describe('cell and structure rules on a clean report', () => {
  it.each([blankCell, badValue, missingRow, missingSection, oldFormat, noTextLayer, missingTable, tableLayout, labelAltered])(
    '$id gives nothing',
    (rule) => {
      expect(rule.check({ doc: clean, settings: DEFAULT_SETTINGS })).toEqual([]);
    },
  );
});

describe('BLANK-CELL and BAD-VALUE', () => {
  it('one BLANK-CELL per blank cell, with its place', () => {
    const findings = run(blankCell, {
      cells: { 'table2.coercion': { status: 'blank', raw: '/' }, 'table2.regulations.issued': { status: 'blank', raw: '' } },
    });
    expect(findings.map((f) => [f.table, f.row, f.column])).toEqual([
      ['table2', 'regulations', 'issued'],
      ['table2', 'coercion', undefined],
    ]);
    expect(findings[1]).toMatchObject({ raw: '/', cells: ['table2.coercion'] });
  });

  it('one BAD-VALUE per bad cell, keeping raw', () => {
    const findings = run(badValue, { cells: { 'table3.unable.notHeld.naturalPerson': { status: 'bad', raw: '无' } } });
    expect(findings).toEqual([
      expect.objectContaining({ table: 'table3', row: 'unable.notHeld', column: 'naturalPerson', raw: '无' }),
    ]);
    expect(findings[0].message).toContain('“无”');
  });
});

describe('MISSING-ROW', () => {
  it('one finding per absent row', () => {
    const findings = run(missingRow, { cells: missingRowOf('denied.queryMatter') });
    expect(findings).toEqual([expect.objectContaining({ table: 'table3', row: 'denied.queryMatter' })]);
  });

  it('a collapsed group gives one finding on its first sub-row listing all sub-rows', () => {
    const report = zeroReport();
    report.table3Groups = { other: [0, 0, 0, 0, 0, 0, 0] };
    const cells = { ...missingRowOf('other.overdueCorrection'), ...missingRowOf('other.overdueFee'), ...missingRowOf('other.other') };
    const findings = run(missingRow, { cells }, report);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ row: 'other.overdueCorrection', rows: ['other.overdueCorrection', 'other.overdueFee', 'other.other'] });
  });

  it('no finding for a 2019-format report of 2020 whose （六） is one row', () => {
    const report = { ...zeroReport(), format: '2019' as const, year: 2020, table3Groups: { other: [0, 0, 0, 0, 0, 0, 0] } };
    const cells = { ...missingRowOf('other.overdueCorrection'), ...missingRowOf('other.overdueFee'), ...missingRowOf('other.other') };
    expect(run(missingRow, { cells }, report)).toEqual([]);
  });

  it('a table-2 item absent', () => {
    const findings = run(missingRow, { cells: { 'table2.coercion': { status: 'missing' } } });
    expect(findings).toEqual([expect.objectContaining({ table: 'table2', row: 'coercion' })]);
  });

  it('nothing when the table itself was not read', () => {
    const tables: ReviewDocument['tables'] = { ...clean.tables, table3: { status: 'unreadable', grids: [] } };
    expect(run(missingRow, { cells: missingRowOf('granted'), tables })).toEqual([]);
  });
});

describe('MISSING-SECTION, MISSING-TABLE', () => {
  it('one finding per section without heading', () => {
    const sections = { ...clean.sections, 六: { id: '六' as const, heading: null, text: '' } };
    expect(run(missingSection, { sections })).toEqual([expect.objectContaining({ section: '六' })]);
  });

  it('MISSING-TABLE when the heading is there but the table is absent or an image', () => {
    const tables: ReviewDocument['tables'] = {
      table2: { status: 'found', grids: [0] },
      table3: { status: 'image', grids: [] },
      table4: { status: 'absent', grids: [] },
    };
    expect(run(missingTable, { tables }).map((f) => f.table)).toEqual(['table3', 'table4']);
    const sections = { ...clean.sections, 四: { id: '四' as const, heading: null, text: '' } };
    expect(run(missingTable, { tables, sections }).map((f) => f.table)).toEqual(['table3']);
  });
});

describe('OLD-FORMAT', () => {
  const markers = [
    { table: 'table2' as const, marker: '本年新制作数量' },
    { table: 'table3' as const, marker: '（六）其他处理（一行）' },
  ];
  it('one finding per table with markers for a 2021+ report', () => {
    expect(run(oldFormat, { oldFormatMarkers: markers }).map((f) => f.table)).toEqual(['table2', 'table3']);
  });
  it('none for a 2020 report', () => {
    expect(run(oldFormat, { oldFormatMarkers: markers }, { ...zeroReport(), year: 2020, format: '2019' })).toEqual([]);
  });
  it('applies when the year is unknown', () => {
    expect(run(oldFormat, { oldFormatMarkers: markers.slice(1) }, { ...zeroReport(), year: null })).toHaveLength(1);
  });
});

describe('NO-TEXT-LAYER, TABLE-LAYOUT, LABEL-ALTERED', () => {
  it('NO-TEXT-LAYER once, with pages', () => {
    expect(run(noTextLayer, { noTextLayer: { pages: 'all' } })).toEqual([expect.objectContaining({ pages: 'all' })]);
    const table3Unread = { ...clean.tables, table3: { status: 'absent' as const, grids: [] } };
    expect(run(noTextLayer, { noTextLayer: { pages: [2, 3] }, tables: table3Unread })[0].message).toContain('第 2、3 页');
  });

  it('NO-TEXT-LAYER not for some pages without text when every table was read (a scanned seal page, a cover picture)', () => {
    expect(run(noTextLayer, { noTextLayer: { pages: [6] } })).toEqual([]);
  });

  it('TABLE-LAYOUT per layout note', () => {
    const layoutNotes = [{ table: 'table3' as const, kind: 'extraColumn' as const, text: '法人或其他组织小计' }];
    expect(run(tableLayout, { layoutNotes })).toEqual([expect.objectContaining({ table: 'table3', text: '法人或其他组织小计' })]);
  });

  it('LABEL-ALTERED per altered label, not for variants', () => {
    const labels = [
      { table: 'table2' as const, kind: 'column' as const, id: 'repealed', expected: '本年废止件数', actual: '本年度止件数', status: 'altered' as const },
      { table: 'table2' as const, kind: 'row' as const, id: 'normativeDocuments', expected: '行政规范性文件', actual: '规范性文件', status: 'variant' as const },
    ];
    expect(run(labelAltered, { labels })).toEqual([expect.objectContaining({ table: 'table2', column: 'repealed', raw: '本年度止件数' })]);
  });
});

describe('BAD-VALUE for a cell that could not be read', () => {
  it('reports an unreadable cell of a table that was found, not those of an absent table', () => {
    const doc = reviewDocumentFromReport(zeroReport(), { cells: { 'table3.granted.research': { status: 'unreadable' } } });
    const findings = badValue.check({ doc, settings: DEFAULT_SETTINGS });
    expect(findings).toEqual([expect.objectContaining({ table: 'table3', row: 'granted', column: 'research', cells: ['table3.granted.research'] })]);
    expect(findings[0].message).toContain('未能读出');
    const absent = { ...doc, tables: { ...doc.tables, table3: { status: 'absent' as const, grids: [] } } };
    expect(badValue.check({ doc: absent, settings: DEFAULT_SETTINGS })).toEqual([]);
  });
});
