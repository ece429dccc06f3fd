/**
 * Values read by OCR: never silently trusted. A value read by OCR stays “to be checked” until the reviewer
 * confirms it (a correction to the same value, noted as a check) or corrects it; findings that rest on such
 * values say so in their message.
 */
import type { Finding } from '../model/finding';
import type { CellReading, ReviewDocument } from '../model/review-document';

/** What these checks read of a cell (the renderer's copy of a reading has looser types). */
type OcrCell = Pick<CellReading, 'ocr' | 'value'> & { status: string; correctedFrom?: { status: string; value: number | null } };

/** Appended to the message of a finding computed from OCR values not yet checked. */
export const OCR_FINDING_SUFFIX = '（依据 OCR 识别值，待核对）';
/** The note of a correction that confirms an OCR value as read. */
export const OCR_CONFIRMED_NOTE = 'OCR 识别值已对照原件核对无误';

/** Read by OCR and neither confirmed nor corrected by the reviewer. */
export function isUncheckedOcr(cell: OcrCell | undefined): boolean {
  return cell?.ocr === true && cell.correctedFrom === undefined && cell.status !== 'notInFormat';
}

/** The reviewer confirmed the OCR value as read (a correction to the same value). */
export function isConfirmedOcr(cell: OcrCell | undefined): boolean {
  return cell?.ocr === true && cell.correctedFrom !== undefined && cell.correctedFrom.value === cell.value && cell.correctedFrom.status === cell.status;
}

/** How many of the document's values came from OCR, and how many of them are still unchecked. */
export function ocrCounts(cells: Record<string, OcrCell>): { total: number; unchecked: number } {
  let total = 0;
  let unchecked = 0;
  for (const cell of Object.values(cells)) {
    if (cell.ocr !== true || cell.status === 'notInFormat') continue;
    total++;
    if (isUncheckedOcr(cell)) unchecked++;
  }
  return { total, unchecked };
}

/** Findings resting on unchecked OCR values get the suffix; others are returned as they are. */
export function markOcrFindings(findings: Finding[], doc: ReviewDocument): Finding[] {
  if (!Object.values(doc.cells).some((cell) => cell.ocr)) return findings;
  return findings.map((finding) =>
    (finding.cells ?? []).some((id) => isUncheckedOcr(doc.cells[id])) && !finding.message.endsWith(OCR_FINDING_SUFFIX)
      ? { ...finding, message: `${finding.message}${OCR_FINDING_SUFFIX}` }
      : finding,
  );
}
