import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../shared/read/docx';
import { asNumber, FIXTURES, findTable, readBytes, readTruth, rowCells, rowStartingWith, tablesOf } from './corpus-helpers';

/** Shape of table 3 per fixture: its rows, and the rows spanned by 三、本年度办理结果. */
const CASES = {
  d01: { table3Rows: 29, resultsSpan: 22 }, // note row separate
  d02: { table3Rows: 28, resultsSpan: 22 },
  d03: { table3Rows: 28, resultsSpan: 22 }, // results label with line breaks
  d17: { table3Rows: 28, resultsSpan: 22 },
  d27: { table3Rows: 26, resultsSpan: 20 }, // （六）其他处理 collapsed into one row; full-width digits
  d30: { table3Rows: 27, resultsSpan: 20 }, // 2019 format, note row separate
  s000: { table3Rows: 28, resultsSpan: 22 }, // table 2 split in four; label with trailing spaces
  s001: { table3Rows: 28, resultsSpan: 22 },
} as const;

const TABLES_BEFORE_TABLE3 = { single: 1, split2: 2, split4: 4 } as const;
const TABLE3_MARKER = '申请人情况';
const TABLE4_MARKER = '行政复议';

function toFullWidth(text: string): string {
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
}

describe.each(Object.entries(CASES))('readDocx on corpus document %s', (id, expected) => {
  const truth = readTruth(join(FIXTURES, 'corpus', `${id}_docx.truth.json`));
  const bytes = readBytes(join(FIXTURES, 'corpus', `${id}_docx.docx`));
  const content = readDocx(bytes);
  const table3 = findTable(content, TABLE3_MARKER);

  it('finds table 3 with 10 grid columns and the expected rows', () => {
    expect(table3.colCount).toBe(10);
    expect(table3.rowCount).toBe(expected.table3Rows);
    expect(table3.nested).toBeUndefined();
  });

  it('merges 三、本年度办理结果 vertically over all result rows', () => {
    const results = table3.cells.find((cell) => cell.text.replace(/\n/g, '') === '三、本年度办理结果');
    expect(results).toMatchObject({ col: 0, colSpan: 1, rowSpan: expected.resultsSpan });
    const hasBreaks = truth.layout.labels.resultsLabel === 'linebreaks';
    expect(results?.text.includes('\n')).toBe(hasBreaks);
  });

  it('reads the new-applications row exactly as printed', () => {
    const rowIndex = rowStartingWith(table3, '一、本年新收');
    const [label, ...values] = rowCells(table3, rowIndex);
    expect(label.text.includes('\n')).toBe(truth.layout.labels.breaks === true);
    const numbers = truth.report.table3.newReceived.map(String);
    const fullWidth = truth.layout.numbers.fullWidthDigits?.includes('newReceived') === true;
    expect(values.map((cell) => cell.text)).toEqual(fullWidth ? numbers.map(toFullWidth) : numbers);
  });

  it('places the note row as the layout says', () => {
    const corner = rowCells(table3, 0)[0];
    expect(corner).toMatchObject({ row: 0, col: 0, rowSpan: 3, colSpan: 3 });
    if (truth.layout.table3NoteRow === 'corner') {
      expect(corner.text).toContain('勾稽关系');
    } else {
      expect(corner.text).toBe('');
      expect(table3.cells.find((cell) => cell.text.includes('勾稽关系'))).toMatchObject({ colSpan: 10 });
    }
  });

  it('keeps labels verbatim, trailing spaces included', () => {
    for (const label of Object.values(truth.layout.labelOverrides ?? {})) {
      if (!label.includes('\n')) expect(table3.cells.some((cell) => cell.text === label)).toBe(true);
    }
  });

  it('reads table 4 with its 15 values', () => {
    const table4 = findTable(content, TABLE4_MARKER);
    expect(table4.colCount).toBe(15);
    const values = rowCells(table4, table4.rowCount - 1).map((cell) => asNumber(cell.text));
    const { review, litigationDirect, litigationAfterReview } = truth.report.table4;
    expect(values).toEqual([...review, ...litigationDirect, ...litigationAfterReview]);
  });

  it('finds table 2 split as the layout says, before table 3', () => {
    const before = tablesOf(content).filter((grid) => grid.index < table3.index);
    expect(before).toHaveLength(TABLES_BEFORE_TABLE3[truth.layout.table2]);
    expect(tablesOf(content).map((grid) => grid.index)).toEqual(tablesOf(content).map((_, index) => index));
  });

  it('reads the title paragraphs first', () => {
    const paragraphs = content.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
    expect(paragraphs.join('').replace(/\s/g, '')).toContain(truth.meta.titleLines.join('').replace(/\s/g, ''));
  });

  it('reads fast', () => {
    const runs = 30;
    readDocx(bytes);
    const start = performance.now();
    for (let run = 0; run < runs; run++) readDocx(bytes);
    const average = (performance.now() - start) / runs;
    console.info(`${id}: ${average.toFixed(2)} ms per read`);
    expect(average).toBeLessThan(50);
  });
});
