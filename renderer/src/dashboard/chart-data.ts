/** What the dashboard's charts draw, summed over the session's documents. */
import type { DocumentSummary } from '../../../shared/api/contract';
import type { RuleId } from '../../../shared/model/ids';
import { ruleTitle } from '../../../shared/rules';
import type { Bar } from './BarChart';

export function findingsByRule(documents: DocumentSummary[]): Bar[] {
  const totals = new Map<string, number>();
  for (const doc of documents) for (const [rule, count] of Object.entries(doc.ruleCounts ?? {})) totals.set(rule, (totals.get(rule) ?? 0) + count);
  return [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([rule, value]) => ({ label: ruleTitle(rule as RuleId), value, title: `${ruleTitle(rule as RuleId)}（${rule}）：${value} 处` }));
}

const RESULT_CATEGORIES: { label: string; prefix: string }[] = [
  { label: '予以公开', prefix: 'granted' },
  { label: '部分公开', prefix: 'partiallyGranted' },
  { label: '不予公开', prefix: 'denied.' },
  { label: '无法提供', prefix: 'unable.' },
  { label: '不予处理', prefix: 'notProcessed.' },
  { label: '其他处理', prefix: 'other.' },
];

function sumRows(totals: Record<string, number | null>, prefix: string): number {
  return Object.entries(totals)
    .filter(([row]) => row === prefix || (prefix.endsWith('.') && row.startsWith(prefix)))
    .reduce((sum, [, value]) => sum + (value ?? 0), 0);
}

export function applicationsByResult(documents: DocumentSummary[]): Bar[] {
  const checked = documents.filter((doc) => doc.status === 'checked' && doc.table3Totals);
  return RESULT_CATEGORIES.map(({ label, prefix }) => ({ label, value: checked.reduce((sum, doc) => sum + sumRows(doc.table3Totals!, prefix), 0) }));
}

/** 本年新收政府信息公开申请数量, this year against last year, for the documents paired across years. */
export function newReceivedByYear(documents: DocumentSummary[]): Bar[] {
  const byId = new Map(documents.map((doc) => [doc.id, doc]));
  return documents
    .filter((doc) => doc.previousId && byId.get(doc.previousId)?.table3Totals)
    .map((doc) => {
      const previous = byId.get(doc.previousId!)!;
      return {
        label: doc.organ ?? doc.name,
        value: doc.table3Totals?.newReceived ?? 0,
        compare: previous.table3Totals?.newReceived ?? 0,
        title: `${doc.organ ?? doc.name}：${doc.year ?? ''} 年新收 ${doc.table3Totals?.newReceived ?? '—'} 件，${previous.year ?? '上'} 年 ${previous.table3Totals?.newReceived ?? '—'} 件`,
      };
    });
}
