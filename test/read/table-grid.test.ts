import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildTableGrid, type RawCell, type RawRow } from '../../shared/read/docx/table-grid';

const mergeMark = fc.constantFrom<RawCell['vMerge']>(undefined, undefined, 'restart', 'continue');

const rawCell = fc.record({
  gridSpan: fc.integer({ min: 1, max: 4 }),
  vMerge: mergeMark,
  hMerge: fc.constantFrom<RawCell['hMerge']>(undefined, undefined, undefined, 'restart', 'continue'),
});

const rawRows = fc.array(
  fc.record({
    gridBefore: fc.integer({ min: 0, max: 2 }),
    gridAfter: fc.integer({ min: 0, max: 2 }),
    cells: fc.array(rawCell, { maxLength: 6 }),
  }),
  { maxLength: 12 },
);

function toRows(rows: { gridBefore: number; gridAfter: number; cells: Omit<RawCell, 'cellIndex' | 'text'>[] }[]): RawRow[] {
  return rows.map((row, rowIndex) => ({
    ...row,
    rowIndex,
    cells: row.cells.map((cell, cellIndex) => ({ ...cell, cellIndex, text: `${rowIndex}.${cellIndex}` })),
  }));
}

describe('buildTableGrid', () => {
  it('keeps every cell inside the grid, with positive spans, whatever the input', () => {
    fc.assert(
      fc.property(rawRows, fc.integer({ min: 0, max: 8 }), (rows, gridColumnCount) => {
        const grid = buildTableGrid({ index: 0, gridColumnCount, rows: toRows(rows) });
        expect(grid.rowCount).toBe(rows.length);
        expect(grid.colCount).toBeGreaterThanOrEqual(gridColumnCount);
        for (const cell of grid.cells) {
          expect(cell.rowSpan).toBeGreaterThanOrEqual(1);
          expect(cell.colSpan).toBeGreaterThanOrEqual(1);
          expect(cell.row + cell.rowSpan).toBeLessThanOrEqual(grid.rowCount);
          expect(cell.col + cell.colSpan).toBeLessThanOrEqual(grid.colCount);
        }
      }),
    );
  });

  it('never loses a cell of a table without merges', () => {
    fc.assert(
      fc.property(rawRows, (rows) => {
        const plain = toRows(rows).map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, vMerge: undefined, hMerge: undefined })) }));
        const grid = buildTableGrid({ index: 0, gridColumnCount: 0, rows: plain });
        expect(grid.cells).toHaveLength(plain.reduce((total, row) => total + row.cells.length, 0));
      }),
    );
  });

  it('merges a spanning cell downwards and leaves an orphan continuation on its own', () => {
    const rows = toRows([
      { gridBefore: 0, gridAfter: 0, cells: [{ gridSpan: 2, vMerge: 'restart' }, { gridSpan: 1 }] },
      { gridBefore: 0, gridAfter: 0, cells: [{ gridSpan: 2, vMerge: 'continue' }, { gridSpan: 1 }] },
      { gridBefore: 0, gridAfter: 0, cells: [{ gridSpan: 1 }, { gridSpan: 1 }, { gridSpan: 1, vMerge: 'continue' }] },
    ]);
    const grid = buildTableGrid({ index: 4, gridColumnCount: 3, rows });
    expect(grid.cells.map((cell) => [cell.row, cell.col, cell.rowSpan, cell.colSpan])).toEqual([
      [0, 0, 2, 2],
      [0, 2, 1, 1],
      [1, 2, 1, 1],
      [2, 0, 1, 1],
      [2, 1, 1, 1],
      [2, 2, 1, 1],
    ]);
  });
});
