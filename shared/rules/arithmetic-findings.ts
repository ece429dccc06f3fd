/** Shared shaping of the table-3 arithmetic findings (root-cause note in the message, cells). */
import type { FindingDraft } from '../model/finding';
import { cellName } from '../model/labels';
import { diagnoseTable3, isViolated, rootCauseOf, type RelationKind, type RelationResult } from './arithmetic';
import type { ReviewDocument } from '../model/review-document';

export function violatedTable3Relations(doc: ReviewDocument, kind: RelationKind): { result: RelationResult; rootCause?: string }[] {
  const diagnosis = diagnoseTable3(doc);
  return diagnosis.results
    .filter((result) => result.kind === kind && isViolated(result))
    .map((result) => ({ result, rootCause: rootCauseOf(diagnosis, result) }));
}

/** Adds the root cause (if any) to a draft: the field, and a sentence in the message. */
export function withRootCause(draft: FindingDraft, rootCause: string | undefined): FindingDraft {
  if (!rootCause) return draft;
  return { ...draft, rootCause, message: `${draft.message}；疑为“${cellName(rootCause)}”一格有误` };
}

export function relationCells(result: RelationResult): string[] {
  return [...result.left, ...result.right];
}
