/**
 * From Word's row-by-row cell list to a grid of origin cells with spans. Word places cells on grid columns:
 * a row may skip columns before (w:gridBefore) and after (w:gridAfter) its cells, a cell may cover several
 * columns (w:gridSpan, or the legacy w:hMerge restart/continue), and a cell "continues" the cell above it
 * (w:vMerge). Malformed input (rows of differing widths, spans past the table grid, a continuation with
 * nothing to continue) yields a sensible grid, never an error.
 */
import type { GridCell, SourceRef, TableGrid } from '../../model/grid';

export type MergeMark = 'restart' | 'continue';

export interface RawCell {
  /** Index of the w:tc within its row, as written. */
  cellIndex: number;
  gridSpan: number;
  vMerge?: MergeMark;
  hMerge?: MergeMark;
  text: string;
}

export interface RawRow {
  /** Index of the w:tr within its table, as written. */
  rowIndex: number;
  gridBefore: number;
  gridAfter: number;
  cells: RawCell[];
}

export interface RawTable {
  index: number;
  /** Number of w:gridCol in w:tblGrid. */
  gridColumnCount: number;
  rows: RawRow[];
}

function covers(cell: GridCell, col: number): boolean {
  return col >= cell.col && col < cell.col + cell.colSpan;
}

class GridBuilder {
  readonly cells: GridCell[] = [];
  /** Origins of vertical merges (w:vMerge="restart"), by starting column. */
  private readonly verticalOrigins = new Map<number, GridCell>();
  /** The cell the previous w:tc of the current row ended up in (its own origin, or the one it merged into). */
  private lastPlaced: GridCell | undefined;
  colCount: number;

  constructor(private readonly table: RawTable) {
    this.colCount = table.gridColumnCount;
  }

  addRow(row: RawRow, gridRow: number): void {
    let col = row.gridBefore;
    this.lastPlaced = undefined;
    for (const cell of row.cells) {
      this.lastPlaced = this.place(cell, gridRow, col, row.rowIndex);
      col += cell.gridSpan;
    }
    this.colCount = Math.max(this.colCount, col + row.gridAfter);
  }

  private place(cell: RawCell, gridRow: number, col: number, rowIndex: number): GridCell {
    return (
      this.mergeHorizontally(cell, gridRow, col) ??
      this.mergeVertically(cell, gridRow, col) ??
      this.createOrigin(cell, gridRow, col, rowIndex)
    );
  }

  private mergeHorizontally(cell: RawCell, gridRow: number, col: number): GridCell | undefined {
    const previous = this.lastPlaced;
    if (cell.hMerge !== 'continue' || !previous) return undefined;
    if (covers(previous, col)) return previous;
    if (previous.row !== gridRow || previous.col + previous.colSpan !== col) return undefined;
    previous.colSpan += cell.gridSpan;
    return previous;
  }

  private mergeVertically(cell: RawCell, gridRow: number, col: number): GridCell | undefined {
    if (cell.vMerge !== 'continue') return undefined;
    const origin = this.verticalOrigins.get(col);
    if (!origin || origin.row + origin.rowSpan !== gridRow) return undefined;
    origin.rowSpan += 1;
    return origin;
  }

  private createOrigin(cell: RawCell, gridRow: number, col: number, rowIndex: number): GridCell {
    const source: SourceRef = { kind: 'docx', table: this.table.index, row: rowIndex, cell: cell.cellIndex };
    const origin: GridCell = { row: gridRow, col, rowSpan: 1, colSpan: cell.gridSpan, text: cell.text, source };
    this.cells.push(origin);
    // An orphan "continue" starts a merge of its own, so the continuations below it still join it.
    if (cell.vMerge) this.verticalOrigins.set(col, origin);
    else this.verticalOrigins.delete(col);
    return origin;
  }
}

export function buildTableGrid(table: RawTable): TableGrid {
  const builder = new GridBuilder(table);
  table.rows.forEach((row, gridRow) => builder.addRow(row, gridRow));
  return { index: table.index, rowCount: table.rows.length, colCount: builder.colCount, cells: builder.cells };
}
