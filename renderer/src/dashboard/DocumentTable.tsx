import type { DocumentSummary } from '../../../shared/api/contract';
import { navigate } from '../app/router';
import { FILE_TYPE_TEXT, ORGAN_KIND_TEXT, REVIEW_STATE_TEXT, type DashboardView, type SortKey } from './dashboard-model';

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: 'name', label: '文件' },
  { key: 'organ', label: '机关' },
  { key: 'organKind', label: '机关类型' },
  { key: 'year', label: '年度', numeric: true },
  { key: 'fileType', label: '类型' },
  { key: 'error', label: '错误', numeric: true },
  { key: 'warning', label: '警告', numeric: true },
  { key: 'unreadable', label: '无法读取' },
  { key: 'reviewState', label: '审核状态' },
  { key: 'verdict', label: '结论' },
];

function SortHeader({ column, sort, onSort }: { column: (typeof COLUMNS)[number]; sort: DashboardView['sort']; onSort(key: SortKey): void }) {
  const active = sort?.key === column.key;
  const arrow = active ? (sort.descending ? '▼' : '▲') : '';
  return (
    <th className={`${column.numeric ? 'num' : ''} ${active ? 'is-sorted' : ''}`} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="th-sort" onClick={() => onSort(column.key)} title="点击排序">
        {column.label}<span className="sort-arrow">{arrow}</span>
      </button>
    </th>
  );
}

function CountCell({ doc, severity }: { doc: DocumentSummary; severity: 'error' | 'warning' }) {
  if (doc.status !== 'checked') return <td className="num muted">—</td>;
  const count = doc.counts[severity];
  return <td className="num">{count > 0 ? <span className={`count count-${severity}`}>{count}</span> : <span className="muted">0</span>}</td>;
}

function UnreadableCell({ doc }: { doc: DocumentSummary }) {
  if (doc.status === 'pending') return <td><span className="muted pending-text">正在检查…</span></td>;
  if (doc.status === 'checked') return <td className="muted">—</td>;
  return <td><span className="status-unreadable" title={`${doc.error?.code ?? ''} ${doc.error?.message ?? ''}`}>{doc.error?.message ?? '无法读取'}</span></td>;
}

function DocumentRow({ doc }: { doc: DocumentSummary }) {
  const open = () => navigate({ name: 'review', id: doc.id });
  return (
    <tr className={`doc-row ${doc.status}`} onClick={open} tabIndex={0} onKeyDown={(event) => event.key === 'Enter' && open()} data-doc-id={doc.id} data-status={doc.status}>
      <td className="doc-file-cell">
        <div className="doc-file-name" title={doc.name}>{doc.name}</div>
        <div className="doc-file-path" title={doc.path}>{doc.path}</div>
      </td>
      <td className="doc-organ-cell" title={doc.organ ?? undefined}>{doc.organ ?? <span className="muted">{doc.status === 'pending' ? '…' : '未识别'}</span>}</td>
      <td>{doc.organKind ? ORGAN_KIND_TEXT[doc.organKind] : <span className="muted">—</span>}</td>
      <td className="num">{doc.year ?? '—'}</td>
      <td>{FILE_TYPE_TEXT[doc.fileType]}</td>
      <CountCell doc={doc} severity="error" />
      <CountCell doc={doc} severity="warning" />
      <UnreadableCell doc={doc} />
      <td><span className={`review-state state-${doc.reviewState}`}>{REVIEW_STATE_TEXT[doc.reviewState]}</span></td>
      <td>{doc.verdict ? <span className={`verdict-tag verdict-${doc.verdict}`}>{doc.verdict}</span> : <span className="muted">—</span>}</td>
    </tr>
  );
}

export function DocumentTable({ rows, sort, onSort }: { rows: DocumentSummary[]; sort: DashboardView['sort']; onSort(key: SortKey): void }) {
  return (
    <table className="doc-table" data-testid="document-list">
      <thead>
        <tr>{COLUMNS.map((column) => <SortHeader key={column.key} column={column} sort={sort} onSort={onSort} />)}</tr>
      </thead>
      <tbody>
        {rows.map((doc) => <DocumentRow key={doc.id} doc={doc} />)}
      </tbody>
    </table>
  );
}
