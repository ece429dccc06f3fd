/** One way through: intermediate form → review document → (corrections) → findings. */
import type { DocumentContent } from '../model/grid';
import type { Finding } from '../model/finding';
import type { ReviewDocument } from '../model/review-document';
import { DEFAULT_SETTINGS, type CheckSettings } from '../model/settings';
import { buildReviewDocument } from '../layout/build-review-document';
import { ReadError } from '../read/errors';
import { runRules, type RelatedDocument } from '../rules';
import { applyCorrections, type Corrections } from './corrections';
import { markOcrFindings } from './ocr-values';

export interface CheckOptions {
  settings?: CheckSettings;
  corrections?: Corrections;
  previous?: RelatedDocument;
  subordinates?: RelatedDocument[];
}

/** The review document of a file's content; a file with nothing of a report in it is an error. */
export function reviewContent(content: DocumentContent): ReviewDocument {
  const doc = buildReviewDocument(content);
  if (!looksLikeReport(doc)) throw new ReadError('NOT_A_REPORT');
  return doc;
}

export function checkReviewDocument(doc: ReviewDocument, options: CheckOptions = {}): { doc: ReviewDocument; findings: Finding[] } {
  const corrected = options.corrections ? applyCorrections(doc, options.corrections) : doc;
  const findings = runRules({
    doc: corrected,
    previous: options.previous,
    subordinates: options.subordinates,
    settings: options.settings ?? DEFAULT_SETTINGS,
  });
  return { doc: corrected, findings: markOcrFindings(findings, corrected) };
}

/** A report has at least one of its tables, or a title naming a 年度报告, or two of its section headings. */
export function looksLikeReport(doc: ReviewDocument): boolean {
  if (doc.noTextLayer?.pages === 'all') return true;
  const tables = Object.values(doc.tables).filter((table) => table.status !== 'absent').length;
  const headings = Object.values(doc.sections).filter((section) => section.heading !== null).length;
  return tables > 0 || headings >= 2 || (doc.title !== null && /年度报告|年报/.test(doc.title.text));
}
