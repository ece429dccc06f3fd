/** The shape of a rule, ESLint-style: id, severity, Chinese title and explanation, a pure check function. */
import type { RuleId, Severity } from '../model/ids';
import type { FindingDraft } from '../model/finding';
import type { ReviewDocument } from '../model/review-document';
import type { CheckSettings } from '../model/settings';

export interface RelatedDocument {
  doc: ReviewDocument;
  /** File name shown in messages, e.g. “2022年报告.docx”. */
  file?: string;
}

export interface RuleContext {
  doc: ReviewDocument;
  /** Last year's report of the same organ, when known. */
  previous?: RelatedDocument;
  /** For a people's government's summary report: the reports of its subordinate organs, same year. */
  subordinates?: RelatedDocument[];
  settings: CheckSettings;
}

export interface Rule {
  id: RuleId;
  severity: Severity;
  /** Short Chinese title, e.g. “表三行合计不符”. */
  title: string;
  /** What the rule checks and why, in words a reviewer understands (Chinese). */
  description: string;
  /** Where the rule comes from (条例, 格式, practice). */
  source: string;
  /** Cross-document rules run only when their related documents are given. */
  needs?: 'previous' | 'subordinates';
  check(context: RuleContext): FindingDraft[];
}
