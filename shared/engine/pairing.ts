/** Finding last year's report of the same organ among the documents of one run. */
import type { ReviewDocument } from '../model/review-document';
import { compactText } from '../text/normalize';

export interface PairCandidate {
  file: string;
  doc: ReviewDocument;
}

export function organKey(organ: string | null): string | null {
  if (!organ) return null;
  const key = compactText(organ).replace(/[（(][^）)]*[）)]$/, '').replace(/[“”"《》]/g, '');
  return key.length >= 2 ? key : null;
}

/**
 * For each document, the index of the previous year's report of the same organ (normalised name, year − 1), or
 * -1. Where several files qualify (the same report as .docx and .pdf), one of the same file type is preferred,
 * then the first by file name.
 */
export function findPreviousYearPairs(candidates: PairCandidate[]): number[] {
  const byKey = new Map<string, number[]>();
  candidates.forEach((candidate, i) => {
    const key = pairKey(candidate.doc);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), i]);
  });
  return candidates.map((candidate) => {
    const organ = organKey(candidate.doc.report.organ);
    const year = candidate.doc.report.year;
    if (!organ || year === null) return -1;
    const matches = byKey.get(`${organ}|${year - 1}`) ?? [];
    if (matches.length === 0) return -1;
    const sameFormat = matches.filter((i) => candidates[i].doc.sourceFormat === candidate.doc.sourceFormat);
    const pool = sameFormat.length > 0 ? sameFormat : matches;
    return [...pool].sort((a, b) => candidates[a].file.localeCompare(candidates[b].file))[0];
  });
}

function pairKey(doc: ReviewDocument): string | null {
  const organ = organKey(doc.report.organ);
  return organ && doc.report.year !== null ? `${organ}|${doc.report.year}` : null;
}
