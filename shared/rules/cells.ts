/** Iterating a document's cell readings in reading order. */
import { allCanonicalCellIds, collapsedGroupCellIds, type CellId } from './cell-order';
import type { CellReading, ReviewDocument } from '../model/review-document';

/** The canonical cells first (reading order), then collapsed-group cells, then anything else present. */
export function cellsInOrder(doc: ReviewDocument): CellReading[] {
  const order: CellId[] = [...allCanonicalCellIds(), ...collapsedGroupCellIds()];
  const seen = new Set<CellId>();
  const readings: CellReading[] = [];
  for (const id of [...order, ...Object.keys(doc.cells)]) {
    if (seen.has(id) || !doc.cells[id]) continue;
    seen.add(id);
    readings.push(doc.cells[id]);
  }
  return readings;
}
