/**
 * The reviewer's corrections of misread cells, applied as an overlay: the original reading is kept beside the
 * corrected one, and the report is assembled again so the rules run on the corrected values.
 */
import type { CellId } from '../model/ids';
import type { CellReading, ReviewDocument } from '../model/review-document';
import { assembleReport } from '../layout/assemble-report';

/** A corrected value per cell id; `null` means the reviewer says the cell is really empty. */
export type Corrections = Record<CellId, number | null>;

export function applyCorrections(doc: ReviewDocument, corrections: Corrections): ReviewDocument {
  const ids = Object.keys(corrections).filter((id) => doc.cells[id]);
  if (ids.length === 0) return doc;
  const cells: Record<CellId, CellReading> = { ...doc.cells };
  for (const id of ids) {
    const original = doc.cells[id];
    const value = corrections[id];
    cells[id] = {
      ...original,
      status: value === null ? 'blank' : 'ok',
      value,
      correctedFrom: original.correctedFrom ?? { status: original.status, value: original.value, raw: original.raw },
    };
  }
  const { format, organ, year, signedDate } = doc.report;
  return { ...doc, cells, report: assembleReport(structuredClone(doc.report), cells, { format, organ, year, signedDate }) };
}
