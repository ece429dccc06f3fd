/** The dashboard's rows: filtering, sorting and the summary line, pure functions of the session's summaries. */
import type { DocumentSummary } from '../../../shared/api/contract';

export const ORGAN_KIND_TEXT = { department: '部门', government: '人民政府', township: '乡镇街道', other: '其他' } as const;
export const REVIEW_STATE_TEXT = { unreviewed: '未审核', inProgress: '审核中', done: '已完成' } as const;
export const FILE_TYPE_TEXT = { docx: 'Word', doc: 'Word 97', pdf: 'PDF' } as const;

export type SortKey = 'name' | 'organ' | 'organKind' | 'year' | 'fileType' | 'error' | 'warning' | 'unreadable' | 'reviewState' | 'verdict';

export interface DashboardView {
  onlyErrors: boolean;
  onlyUnreviewed: boolean;
  onlyUnreadable: boolean;
  search: string;
  sort: { key: SortKey; descending: boolean } | null;
}

export const EMPTY_VIEW: DashboardView = { onlyErrors: false, onlyUnreviewed: false, onlyUnreadable: false, search: '', sort: null };

export function matchesView(doc: DocumentSummary, view: DashboardView): boolean {
  if (view.onlyErrors && doc.counts.error === 0) return false;
  if (view.onlyUnreviewed && doc.reviewState !== 'unreviewed') return false;
  if (view.onlyUnreadable && doc.status !== 'unreadable') return false;
  const needle = view.search.trim().toLowerCase();
  if (!needle) return true;
  return `${doc.organ ?? ''}\n${doc.name}\n${doc.path}`.toLowerCase().includes(needle);
}

const REVIEW_ORDER = { unreviewed: 0, inProgress: 1, done: 2 } as const;

function sortValue(doc: DocumentSummary, key: SortKey): string | number {
  switch (key) {
    case 'name': return doc.name;
    case 'organ': return doc.organ ?? '';
    case 'organKind': return doc.organKind ? ORGAN_KIND_TEXT[doc.organKind] : '';
    case 'year': return doc.year ?? 0;
    case 'fileType': return doc.fileType;
    case 'error': return doc.counts.error;
    case 'warning': return doc.counts.warning;
    case 'unreadable': return doc.status === 'unreadable' ? 1 : 0;
    case 'reviewState': return REVIEW_ORDER[doc.reviewState];
    case 'verdict': return doc.verdict ?? '';
  }
}

function compare(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'zh-CN');
}

export function visibleRows(documents: DocumentSummary[], view: DashboardView): DocumentSummary[] {
  const rows = documents.filter((doc) => matchesView(doc, view));
  const sort = view.sort;
  if (!sort) return rows;
  const sign = sort.descending ? -1 : 1;
  return rows.map((doc, i) => ({ doc, i })).sort((x, y) => sign * compare(sortValue(x.doc, sort.key), sortValue(y.doc, sort.key)) || x.i - y.i).map(({ doc }) => doc);
}

/**
 * The reports N/P walk through from the review of `currentId`: the dashboard's rows as filtered and sorted,
 * with the current report kept in its sorted place even when it no longer matches the filter (reviewed under
 * 只看未审核的, say), so that the next one is the one after it in the dashboard.
 */
export function navigationList(documents: DocumentSummary[], view: DashboardView, currentId: string): DocumentSummary[] {
  const sorted = visibleRows(documents, { ...view, onlyErrors: false, onlyUnreviewed: false, onlyUnreadable: false, search: '' });
  return sorted.filter((doc) => doc.id === currentId || matchesView(doc, view));
}

/** Clicking a header: ascending, then descending, then back to the session's order. */
export function nextSort(current: DashboardView['sort'], key: SortKey): DashboardView['sort'] {
  if (!current || current.key !== key) return { key, descending: false };
  return current.descending ? null : { key, descending: true };
}

export interface BatchSummary {
  total: number;
  pending: number;
  clean: number;
  withErrors: number;
  unreadable: number;
  reviewed: number;
}

export function summarize(documents: DocumentSummary[]): BatchSummary {
  const checked = documents.filter((doc) => doc.status === 'checked');
  return {
    total: documents.length,
    pending: documents.filter((doc) => doc.status === 'pending').length,
    clean: checked.filter((doc) => doc.counts.error + doc.counts.warning === 0).length,
    withErrors: checked.filter((doc) => doc.counts.error > 0).length,
    unreadable: documents.filter((doc) => doc.status === 'unreadable').length,
    reviewed: documents.filter((doc) => doc.reviewState === 'done').length,
  };
}
