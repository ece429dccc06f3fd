import type { DocumentSummary } from '../../../shared/api/contract';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { DropZone } from './DropZone';
import { useOpen } from './use-open';

const REVIEW_STATE_TEXT = { unreviewed: '未审核', inProgress: '审核中', done: '已完成' } as const;
const FILE_TYPE_TEXT = { docx: 'Word', doc: 'Word 97', pdf: 'PDF' } as const;

function StatusCell({ doc }: { doc: DocumentSummary }) {
  if (doc.status === 'unreadable') return <span className="status-unreadable" title={doc.error?.code}>无法读取：{doc.error?.message ?? '未知原因'}</span>;
  if (doc.status === 'pending') return <span className="muted">正在校验…</span>;
  const { error, warning, info } = doc.counts;
  if (error + warning + info === 0) return <span className="status-clean">未发现问题</span>;
  return (
    <span className="status-counts">
      {error > 0 && <span className="count count-error">错误 {error}</span>}
      {warning > 0 && <span className="count count-warning">警告 {warning}</span>}
      {info > 0 && <span className="count count-info">提示 {info}</span>}
    </span>
  );
}

function DocumentRow({ doc }: { doc: DocumentSummary }) {
  const open = () => navigate({ name: 'review', id: doc.id });
  return (
    <tr className={`doc-row ${doc.status}`} onClick={open} tabIndex={0} onKeyDown={(event) => event.key === 'Enter' && open()} data-doc-id={doc.id}>
      <td className="doc-file-cell">
        <div className="doc-file-name">{doc.name}</div>
        <div className="doc-file-path" title={doc.path}>{doc.path}</div>
      </td>
      <td>{doc.organ ?? <span className="muted">未识别</span>}</td>
      <td className="num">{doc.year ?? '—'}</td>
      <td>{FILE_TYPE_TEXT[doc.fileType]}</td>
      <td><StatusCell doc={doc} /></td>
      <td><span className={`review-state state-${doc.reviewState}`}>{REVIEW_STATE_TEXT[doc.reviewState]}</span></td>
      <td>{doc.verdict ? <span className={`verdict-tag verdict-${doc.verdict}`}>{doc.verdict}</span> : <span className="muted">—</span>}</td>
    </tr>
  );
}

function Totals({ documents }: { documents: DocumentSummary[] }) {
  const done = documents.filter((doc) => doc.reviewState === 'done').length;
  const unreadable = documents.filter((doc) => doc.status === 'unreadable').length;
  const withErrors = documents.filter((doc) => doc.counts.error > 0).length;
  return (
    <div className="list-totals">
      共 {documents.length} 份 · 有错误 {withErrors} 份 · 无法读取 {unreadable} 份 · 已完成审核 {done} 份
    </div>
  );
}

export function DocumentList() {
  const { documents, loaded, error } = useSession();
  const open = useOpen();
  return (
    <div className="list-page">
      <header className="topbar">
        <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'start' })}>← 首页</button>
        <div className="topbar-title"><div className="doc-name">本次审核的报告</div></div>
        {open.transport === 'ipc' && <button type="button" className="btn" onClick={() => open.pick(false)}>添加文件…</button>}
        {open.transport === 'ipc' && <button type="button" className="btn" onClick={() => open.pick(true)}>添加文件夹…</button>}
      </header>
      <DropZone onPaths={open.openPaths}>
        <div className="list-body">
          <Totals documents={documents} />
          {error && <div className="page-error">{error}</div>}
          {open.error && <div className="page-error">{open.error}</div>}
          {loaded && documents.length === 0 && <p className="muted">尚未打开任何报告。<a href="#/">去打开</a></p>}
          {documents.length > 0 && (
            <table className="doc-table" data-testid="document-list">
              <thead>
                <tr><th>文件</th><th>机关</th><th>年度</th><th>类型</th><th>校验结果</th><th>审核状态</th><th>结论</th></tr>
              </thead>
              <tbody>
                {documents.map((doc) => <DocumentRow key={doc.id} doc={doc} />)}
              </tbody>
            </table>
          )}
        </div>
      </DropZone>
    </div>
  );
}
