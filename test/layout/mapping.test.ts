import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildReviewDocument } from '../../shared/layout/build-review-document';
import { allCanonicalCellIds } from '../../shared/model/ids';
import type { Report } from '../../shared/model/report';
import { valueOfCell } from '../../shared/engine/report-values';
import { consistentReport } from '../helpers/random-report';
import { reportContent, type LayoutKnobs } from '../helpers/template-grids';

const knobs: fc.Arbitrary<LayoutKnobs> = fc.record({
  noteRow: fc.constantFrom('corner' as const, 'separate' as const),
  mergedLabels: fc.boolean(),
  splitAt: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
  repeatHeader: fc.boolean(),
  halfBrackets: fc.boolean(),
  dropNaturalPersonHeader: fc.boolean(),
  totalOnFirstHeaderRow: fc.boolean(),
  table2: fc.constantFrom('single' as const, 'split2' as const, 'split4' as const),
  table4Transposed: fc.boolean(),
  fullWidth: fc.boolean(),
});

function withTable2(report: Report): Report {
  return {
    ...report,
    table2: {
      regulations: { issued: 1, repealed: 0, inForce: 12 },
      normativeDocuments: { issued: 3, repealed: 2, inForce: 57 },
      licensing: 1234,
      punishment: 56,
      coercion: 7,
      fees: 12.5,
    },
  };
}

function expectSameCells(actual: Report, expected: Report): void {
  const wrong = allCanonicalCellIds().filter((id) => valueOfCell(actual, id) !== valueOfCell(expected, id));
  expect(wrong).toEqual([]);
}

describe('mapping tables of any template-like layout to the canonical report', () => {
  it('recovers every cell, whatever the layout knobs', () => {
    fc.assert(
      fc.property(consistentReport, knobs, (report, layout) => {
        const full = withTable2(report);
        const doc = buildReviewDocument(reportContent(full, layout));
        expectSameCells(doc.report, full);
        expect(doc.labels.filter((label) => label.status === 'altered')).toEqual([]);
        expect(doc.layoutNotes).toEqual([]);
      }),
      { numRuns: Number(process.env.MAPPING_RUNS ?? 150) },
    );
  });

  it('reads the title, year, organ and signature date', () => {
    const report = { ...withTable2(fc.sample(consistentReport, 1)[0]), organ: '青禾县人力资源和社会保障局', year: 2023, signedDate: '2024-01-19' };
    const doc = buildReviewDocument(reportContent(report));
    expect(doc.report).toMatchObject({ organ: '青禾县人力资源和社会保障局', year: 2023, signedDate: '2024-01-19', format: '2021' });
    expect(doc.organKind).toBe('department');
    expect(Object.values(doc.sections).every((section) => section.heading !== null)).toBe(true);
  });

  it('keeps blanks, placeholders and bad values apart, with the printed text', () => {
    const report = withTable2(fc.sample(consistentReport, 1)[0]);
    const content = reportContent(report, {
      rawOverrides: { 'table3.granted.commercial': '', 'table3.granted.research': '/', 'table3.granted.publicInterest': '无', 'table2.punishment': '-1', 'table4.review.total': '1,234' },
    });
    const doc = buildReviewDocument(content);
    expect(doc.cells['table3.granted.commercial']).toMatchObject({ status: 'blank', value: null });
    expect(doc.cells['table3.granted.research']).toMatchObject({ status: 'blank', raw: '/' });
    expect(doc.cells['table3.granted.publicInterest']).toMatchObject({ status: 'bad', raw: '无' });
    expect(doc.cells['table2.punishment']).toMatchObject({ status: 'bad', raw: '-1' });
    expect(doc.cells['table4.review.total']).toMatchObject({ status: 'ok', value: 1234 });
  });

  it('reports a row left out as missing and the others in place', () => {
    const report = withTable2(fc.sample(consistentReport, 1)[0]);
    const doc = buildReviewDocument(reportContent(report, { omitRows: ['denied.queryMatter'] }));
    expect(doc.cells['table3.denied.queryMatter.total'].status).toBe('missing');
    expect(doc.report.table3['unable.notHeld']).toEqual(report.table3['unable.notHeld']);
  });

  it('reads a collapsed （六）其他处理 row into table3Groups', () => {
    const report = withTable2(fc.sample(consistentReport, 1)[0]);
    const other = [1, 0, 0, 0, 0, 0, 1];
    const doc = buildReviewDocument(reportContent({ ...report, table3Groups: { other } }, { collapseOther: true }));
    expect(doc.report.table3Groups).toEqual({ other });
    expect(doc.report.table3['other.other']).toEqual([null, null, null, null, null, null, null]);
    expect(doc.cells['table3.other.other.total'].status).toBe('missing');
  });

  it('notes a 法人或其他组织 subtotal column the format does not have, and still reads the others', () => {
    const report = withTable2(fc.sample(consistentReport, 1)[0]);
    const doc = buildReviewDocument(reportContent(report, { subtotalColumn: true }));
    expectSameCells(doc.report, report);
    expect(doc.layoutNotes.map((note) => note.kind)).toContain('extraColumn');
  });

  it('reads labels one character off, or that name nothing known, by their place, and reports them altered', () => {
    const report = withTable2(fc.sample(consistentReport, 1)[0]);
    // As a PDF whose fonts give some glyphs the wrong text reads (ghostscript's rewrite of a Chromium print).
    const damaged: Record<string, string> = { 行政许可: '行政许ÿ', 行政规范性文件: '行政规范性文þ', 本年废止件数: '本废kþ数', 结果纠正: '结果纠l', 其他结果: 'w他结果' };
    const content = reportContent(report, { table2: 'split4' });
    const blocks = content.blocks.map((block) =>
      block.type === 'table' ? { ...block, grid: { ...block.grid, cells: block.grid.cells.map((cell) => ({ ...cell, text: damaged[cell.text] ?? cell.text })) } } : block,
    );
    const doc = buildReviewDocument({ ...content, blocks });
    expectSameCells(doc.report, report);
    const altered = doc.labels.filter((label) => label.status === 'altered').map((label) => `${label.table}.${label.id}:${label.actual}`);
    expect(altered).toEqual(
      expect.arrayContaining(['table2.normativeDocuments:行政规范性文þ', 'table2.licensing:行政许ÿ', 'table2.repealed:本废kþ数', 'table4.corrected:结果纠l', 'table4.other:w他结果']),
    );
  });

  it('does not take a short label one character off for another item', () => {
    const report = withTable2(fc.sample(consistentReport, 1)[0]);
    const content = reportContent(report, { table2: 'split4' });
    const blocks = content.blocks.map((block) =>
      block.type === 'table' ? { ...block, grid: { ...block.grid, cells: block.grid.cells.map((cell) => ({ ...cell, text: cell.text === '规章' ? '规定' : cell.text })) } } : block,
    );
    const doc = buildReviewDocument({ ...content, blocks });
    expect(doc.cells['table2.regulations.issued'].status).toBe('missing');
  });

  it('keeps the source of every value cell for highlighting', () => {
    const report = withTable2(fc.sample(consistentReport, 1)[0]);
    const doc = buildReviewDocument(reportContent(report));
    for (const id of allCanonicalCellIds()) expect(doc.cells[id].source, id).toBeDefined();
  });
});
