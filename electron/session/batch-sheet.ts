/**
 * The batch summary sheet (批次汇总表): one row per report of the session, with its main problems in a few
 * Chinese words — the rules it breaks, errors first, findings the reviewer dismissed left out.
 */
import type { BatchSheet, BatchSheetRow } from '../../shared/api/contract';
import { findingKey } from '../../shared/model/annotations';
import type { Finding } from '../../shared/model/finding';
import { ruleTitle } from '../../shared/rules';
import { summaryOf } from './review-view';
import type { SessionDocument } from './session-document';

/** At most this many rules are named; the rest are counted. */
const MAX_RULES_NAMED = 3;

export function batchSheetRowOf(document: SessionDocument): BatchSheetRow {
  const summary = summaryOf(document);
  const annotations = document.notes?.annotations ?? null;
  return {
    id: summary.id,
    name: summary.name,
    organ: summary.organ,
    organKind: summary.organKind ?? null,
    year: summary.year,
    fileType: summary.fileType,
    status: summary.status,
    errors: summary.counts.error,
    warnings: summary.counts.warning,
    reviewState: summary.reviewState,
    verdict: summary.verdict,
    reviewer: annotations?.verdict.reviewer || null,
    problems: problemsOf(document),
  };
}

export function batchSheetOf(documents: SessionDocument[], reviewing: { office: string; reviewers: string[] }, now = new Date()): BatchSheet {
  return { office: reviewing.office, reviewers: reviewing.reviewers, generatedAt: now.toISOString(), rows: documents.map(batchSheetRowOf) };
}

/** E.g. “表三办理结果合计不符（2处）；落款日期晚于截止日期；等共 5 类问题”. */
export function problemsOf(document: SessionDocument): string {
  if (document.read.status === 'pending') return '正在检查';
  if (document.read.status === 'unreadable') return `无法读取：${document.read.error.message}`;
  const decisions = document.notes?.annotations.findings ?? {};
  const open = (document.analysis?.findings ?? []).filter((finding) => finding.severity !== 'info' && decisions[findingKey(finding)]?.decision !== 'dismissed');
  if (open.length === 0) return (document.analysis?.findings ?? []).some((finding) => finding.severity !== 'info') ? '问题均已排除' : '未发现问题';
  const rules = rulesOf(open);
  const named = rules.slice(0, MAX_RULES_NAMED).map(({ rule, count }) => `${ruleTitle(rule)}${count > 1 ? `（${count}处）` : ''}`);
  if (rules.length > MAX_RULES_NAMED) named.push(`等共 ${rules.length} 类问题`);
  return named.join('；');
}

function rulesOf(findings: Finding[]): { rule: Finding['rule']; count: number; errors: number }[] {
  const byRule = new Map<Finding['rule'], { rule: Finding['rule']; count: number; errors: number }>();
  for (const finding of findings) {
    const entry = byRule.get(finding.rule) ?? { rule: finding.rule, count: 0, errors: 0 };
    entry.count++;
    if (finding.severity === 'error') entry.errors++;
    byRule.set(finding.rule, entry);
  }
  return [...byRule.values()].sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || b.count - a.count);
}
