/**
 * Grids too large to be a statistics table are not mapped (found by fuzzing: a table 3 with one row of a
 * thousand cells spanning a thousand columns each, four kilobytes zipped, took more than 4 GB to map), and
 * mapping a grid at the limits stays quick.
 */
import { describe, expect, it } from 'vitest';
import { buildReviewDocument } from '../../shared/layout/build-review-document';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS, groupGrids } from '../../shared/layout/classify';
import type { DocumentContent, GridCell, TableGrid } from '../../shared/model/grid';

const MARKERS = {
  table2: ['信息内容', '规章', '行政许可', '本年制发件数', '行政处罚', '现行有效件数'],
  table3: ['申请人情况', '自然人', '商业企业', '科研机构', '本年新收', '上年结转', '予以公开'],
  table4: ['行政复议', '行政诉讼', '结果维持', '结果纠正', '其他结果', '尚未审结'],
};

/** A grid of single cells: labels (the table's markers) in the first column and rows, numbers elsewhere. */
function markedGrid(rows: number, cols: number, markers: string[], spanned: Partial<GridCell> = {}): TableGrid {
  const cells: GridCell[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const text = c === 0 || r < 3 ? markers[(r * 7 + c) % markers.length] : String((r * c) % 13);
      cells.push({ row: r, col: c, rowSpan: 1, colSpan: 1, text, source: { kind: 'docx', table: 0, row: r, cell: c } });
    }
  }
  if (spanned.colSpan) cells.push({ row: 1, col: cols, rowSpan: 1, colSpan: spanned.colSpan, text: '1', source: { kind: 'docx', table: 0, row: 1, cell: cols } });
  return { index: 0, rowCount: rows, colCount: cols + (spanned.colSpan ?? 0), cells };
}

function contentOf(grid: TableGrid): DocumentContent {
  return { format: 'docx', blocks: [{ type: 'table', grid }] };
}

describe('grids too large for a statistics table', () => {
  it('are not grouped, however many markers they show', () => {
    const wide = markedGrid(30, 8, MARKERS.table3, { colSpan: 1_000_000 });
    const long = markedGrid(MAX_TABLE_ROWS + 1, 8, MARKERS.table3);
    expect(groupGrids([wide, long]).table3).toEqual([]);
    const started = performance.now();
    const doc = buildReviewDocument(contentOf(wide));
    expect(doc.tables.table3.status).toBe('absent');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('are mapped at the limits, each table in a few seconds', () => {
    for (const [table, markers] of Object.entries(MARKERS) as [keyof typeof MARKERS, string[]][]) {
      const started = performance.now();
      const doc = buildReviewDocument(contentOf(markedGrid(MAX_TABLE_ROWS, MAX_TABLE_COLUMNS, markers)));
      expect(doc.tables[table].status, table).toBe('found');
      expect(performance.now() - started, table).toBeLessThan(8_000);
    }
  });
});
