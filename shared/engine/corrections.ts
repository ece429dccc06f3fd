/**
 * The reviewer's corrections of misread cells, applied as an overlay: the original reading is kept beside the
 * corrected one, and the report is assembled again so the rules run on the corrected values.
 *
 * Corrections come from the sidecar, which is outside input like the document: only those naming a cell of the
 * document (its own key, never an inherited one such as “constructor”) with a value that cell can hold are
 * applied. A count is a non-negative safe integer, the fee (万元) a non-negative number; others are left out.
 */
import type { CellId } from '../model/ids';
import type { CellReading, ReviewDocument } from '../model/review-document';
import { assembleReport } from '../layout/assemble-report';

/** A corrected value per cell id; `null` means the reviewer says the cell is really empty. */
export type Corrections = Record<CellId, number | null>;

const DECIMAL_CELLS: ReadonlySet<string> = new Set(['table2.fees']);

/** Whether `value` is one the cell can hold (null: the cell is really empty). */
export function isValidCorrection(id: CellId, value: unknown): value is number | null {
  if (value === null) return true;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return false;
  return DECIMAL_CELLS.has(id) ? value <= Number.MAX_SAFE_INTEGER : Number.isSafeInteger(value);
}

export function applyCorrections(doc: ReviewDocument, corrections: Corrections): ReviewDocument {
  const applied = new Map(
    Object.entries(corrections).filter(([id, value]) => Object.hasOwn(doc.cells, id) && isValidCorrection(id, value)),
  );
  if (applied.size === 0) return doc;
  const cells: Record<CellId, CellReading> = Object.fromEntries(
    Object.entries(doc.cells).map(([id, original]) => [id, applied.has(id) ? corrected(original, applied.get(id)!) : original]),
  );
  const { format, organ, year, signedDate } = doc.report;
  return { ...doc, cells, report: assembleReport(structuredClone(doc.report), cells, { format, organ, year, signedDate }) };
}

function corrected(original: CellReading, value: number | null): CellReading {
  return {
    ...original,
    status: value === null ? 'blank' : 'ok',
    value,
    correctedFrom: original.correctedFrom ?? { status: original.status, value: original.value, raw: original.raw },
  };
}
