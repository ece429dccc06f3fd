/** The contract's views of a session document: its summary for the list and its full review. */
import type { DocumentReview, DocumentSummary } from '../../shared/api/contract';
import { findingKey, type Annotations } from '../../shared/model/annotations';
import type { Finding } from '../../shared/model/finding';
import { SECTIONS, TABLE3_ROWS } from '../../shared/model/ids';
import type { Report } from '../../shared/model/report';
import type { ReviewDocument } from '../../shared/model/review-document';
import type { SessionDocument } from './session-document';

export function summaryOf(document: SessionDocument): DocumentSummary {
  const analysis = document.analysis;
  const annotations = document.notes?.annotations ?? null;
  return {
    id: document.id,
    path: document.path,
    name: document.name,
    fileType: document.fileType,
    status: document.read.status,
    organ: analysis?.doc.report.organ ?? null,
    year: analysis?.doc.report.year ?? null,
    counts: countBySeverity(analysis?.findings ?? []),
    error: document.read.status === 'unreadable' ? document.read.error : null,
    reviewState: reviewStateOf(annotations),
    verdict: annotations?.verdict.value ?? null,
    organKind: analysis?.doc.organKind ?? null,
    ruleCounts: countByRule(analysis?.findings ?? []),
    table3Totals: analysis ? table3TotalsOf(analysis.doc.report) : {},
    previousId: document.previousId,
    subordinateIds: document.subordinateIds ?? [],
  };
}

function countByRule(findings: Finding[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const finding of findings) counts[finding.rule] = (counts[finding.rule] ?? 0) + 1;
  return counts;
}

/** The 总计 column of every row of table 3. */
function table3TotalsOf(report: Report): Record<string, number | null> {
  return Object.fromEntries(TABLE3_ROWS.map((row) => [row, report.table3[row][6]]));
}

export function reviewOf(document: SessionDocument): DocumentReview {
  if (!document.notes) throw new Error(`annotations of ${document.path} not loaded`);
  const analysis = document.analysis;
  return {
    summary: summaryOf(document),
    report: analysis?.doc.report ?? null,
    findings: (analysis?.findings ?? []).map((finding) => ({ ...finding, key: findingKey(finding) })),
    cells: analysis?.doc.cells ?? {},
    sections: analysis ? sectionsOf(analysis.doc) : [],
    annotations: document.notes.annotations,
    annotationsInfo: document.notes.info,
    sha256: document.sha256,
    previousFile: analysis?.previousFile ?? null,
  };
}

function countBySeverity(findings: Finding[]): DocumentSummary['counts'] {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

function reviewStateOf(annotations: Annotations | null): DocumentSummary['reviewState'] {
  if (!annotations) return 'unreviewed';
  if (annotations.verdict.value !== null) return 'done';
  const touched =
    Object.keys(annotations.findings).length > 0 ||
    Object.keys(annotations.cellNotes).length > 0 ||
    Object.keys(annotations.corrections).length > 0 ||
    annotations.verdict.comment !== '';
  return touched ? 'inProgress' : 'unreviewed';
}

function sectionsOf(doc: ReviewDocument): DocumentReview['sections'] {
  return SECTIONS.filter((id) => doc.sections[id]).map((id) => ({
    id,
    heading: doc.sections[id].heading,
    text: doc.sections[id].text,
  }));
}
