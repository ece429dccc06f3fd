/** Finds the <td> of a Word cell in mammoth's HTML through `cellMap`, and tags each td with its cell id. */
import { docxSourceKey } from '../review/source-index';

export type CellMap = number[][][];

/** The td of table t, row r, w:tc index c: the td at position cellMap[t][r].indexOf(c) in the r-th row. */
export function findWordCell(tables: HTMLTableElement[], cellMap: CellMap, t: number, r: number, c: number): HTMLTableCellElement | null {
  const position = cellMap[t]?.[r]?.indexOf(c) ?? -1;
  if (position < 0) return null;
  return tables[t]?.rows[r]?.cells[position] ?? null;
}

/** Marks every td that holds a canonical cell with `data-cell-id`; returns the td per cell id. */
export function tagWordCells(root: HTMLElement, cellMap: CellMap, sourceIndex: Map<string, string>): Map<string, HTMLTableCellElement> {
  const tables = [...root.querySelectorAll('table')];
  const byCell = new Map<string, HTMLTableCellElement>();
  cellMap.forEach((rows, t) =>
    rows.forEach((cells, r) =>
      cells.forEach((c) => {
        const id = sourceIndex.get(docxSourceKey(t, r, c));
        const td = id ? findWordCell(tables, cellMap, t, r, c) : null;
        if (!id || !td) return;
        td.dataset.cellId = id;
        byCell.set(id, td);
      }),
    ),
  );
  return byCell;
}
