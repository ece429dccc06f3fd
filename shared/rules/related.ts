/** Helpers for the rules that compare with another document (last year's, subordinates'). */
import type { RelatedDocument } from './rule';

/** “与《2022年报告.docx》相比” or “与上年报告相比”. */
export function comparedWithText(related: RelatedDocument, fallback: string): string {
  return related.file ? `《${related.file}》` : fallback;
}

export function comparedWith(related: RelatedDocument): { comparedWith?: string } {
  return related.file ? { comparedWith: related.file } : {};
}

/** Last year's report really is the year before (when both years are known). */
export function isPreviousYear(thisYear: number | null, lastYear: number | null): boolean {
  return thisYear === null || lastYear === null || lastYear === thisYear - 1;
}
