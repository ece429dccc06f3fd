/** What the mapping found for one canonical cell: a printed cell, or why there is none. */
import type { GridCell } from '../model/grid';

export type CellSlot =
  | { cell: GridCell }
  | { status: 'missing' | 'notInFormat' | 'unreadable'; near?: GridCell };

export function slotOf(cell: GridCell | undefined, otherwise: 'missing' | 'unreadable' = 'unreadable'): CellSlot {
  return cell ? { cell } : { status: otherwise };
}
