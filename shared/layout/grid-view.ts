/** Read-only views over a TableGrid: which origin cell covers each slot, and rows as sequences of cells. */
import type { GridCell, TableGrid } from '../model/grid';
import { compactText } from '../text/normalize';

export class GridView {
  readonly grid: TableGrid;
  private readonly slots: (GridCell | undefined)[][];

  constructor(grid: TableGrid) {
    this.grid = grid;
    this.slots = Array.from({ length: grid.rowCount }, () => new Array<GridCell | undefined>(grid.colCount));
    for (const cell of grid.cells) {
      for (let r = cell.row; r < Math.min(cell.row + cell.rowSpan, grid.rowCount); r++) {
        for (let c = cell.col; c < Math.min(cell.col + cell.colSpan, grid.colCount); c++) {
          this.slots[r][c] ??= cell;
        }
      }
    }
  }

  get rowCount(): number {
    return this.grid.rowCount;
  }

  get colCount(): number {
    return this.grid.colCount;
  }

  at(row: number, col: number): GridCell | undefined {
    return this.slots[row]?.[col];
  }

  /** The distinct cells covering a row's slots from `fromCol` to `toCol` (exclusive), left to right. */
  cellsInRow(row: number, fromCol = 0, toCol = this.colCount): GridCell[] {
    const cells = new Set<GridCell>();
    for (let c = Math.max(0, fromCol); c < Math.min(toCol, this.colCount); c++) {
      const cell = this.at(row, c);
      if (cell) cells.add(cell);
    }
    return [...cells];
  }

  /** The distinct cells covering a column's slots from `fromRow` to `toRow` (exclusive), top to bottom. */
  cellsInColumn(col: number, fromRow = 0, toRow = this.rowCount): GridCell[] {
    const cells = new Set<GridCell>();
    for (let r = Math.max(0, fromRow); r < Math.min(toRow, this.rowCount); r++) {
      const cell = this.at(r, col);
      if (cell) cells.add(cell);
    }
    return [...cells];
  }

  /** All text of the grid, compacted, for classification. */
  allText(): string {
    return this.grid.cells.map((cell) => compactText(cell.text)).join('|');
  }
}

/** A cell's text in the form labels are matched in. */
export function cellKey(cell: GridCell | undefined): string {
  return cell ? compactText(cell.text) : '';
}

/** Whether a cell's text looks like a value (number, placeholder, or short non-label text) rather than a label. */
export function looksLikeValue(text: string): boolean {
  const compact = compactText(text);
  if (compact === '') return true;
  if (/^[+-]?[\d,，.]+(?:件|条|个|项|万元|元)?$/.test(compact)) return true;
  if (/^(?:[/／\\]+|[-‐‑‒–—―－~～_]+|无|空|空白|N\/?A|\.{1,3}|…+)$/i.test(compact)) return true;
  return false;
}
