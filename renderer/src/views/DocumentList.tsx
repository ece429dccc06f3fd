/** The dashboard (#/list): the batch's progress, a summary, filters, the sortable table, export and charts. */
import { useMemo } from 'react';
import type { DocumentSummary } from '../../../shared/api/contract';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { BatchCharts } from '../dashboard/BatchCharts';
import { BatchProgressBar } from '../dashboard/BatchProgressBar';
import { DocumentTable } from '../dashboard/DocumentTable';
import { ExportButtons } from '../dashboard/ExportButtons';
import { FilterBar } from '../dashboard/FilterBar';
import { nextSort, summarize, visibleRows } from '../dashboard/dashboard-model';
import { useDashboardView } from '../dashboard/use-dashboard-view';
import { DropZone } from './DropZone';
import { useOpen } from './use-open';

function SummaryLine({ documents }: { documents: DocumentSummary[] }) {
  const s = summarize(documents);
  return (
    <div className="list-totals" data-testid="batch-summary">
      共 <b>{s.total}</b> 份
      {s.pending > 0 && <> · 正在检查 <b>{s.pending}</b> 份</>}
      {' · '}未发现问题 <b className="tone-ok">{s.clean}</b> 份 · 有错误 <b className="tone-error">{s.withErrors}</b> 份 · 无法读取 <b className="tone-warning">{s.unreadable}</b> 份 · 已完成审核 <b>{s.reviewed}</b> 份
    </div>
  );
}

export function DocumentList() {
  const { documents, loaded, error, batch, notice, cancelBatch } = useSession();
  const open = useOpen();
  const [view, setView] = useDashboardView();
  const rows = useMemo(() => visibleRows(documents, view), [documents, view]);
  const checkedCount = documents.filter((doc) => doc.status !== 'pending').length;
  return (
    <div className="list-page">
      <header className="topbar">
        <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'start' })}>← 首页</button>
        <div className="topbar-title"><div className="doc-name">本次审核的报告</div></div>
        {open.transport === 'ipc' && <button type="button" className="btn" onClick={() => open.pick(false)}>添加文件…</button>}
        {open.transport === 'ipc' && <button type="button" className="btn" onClick={() => open.pick(true)}>添加文件夹…</button>}
        <ExportButtons disabled={checkedCount === 0} />
        <button type="button" className="btn" disabled={documents.length === 0} onClick={() => navigate({ name: 'batchSheet' })} title="打印或另存为 PDF：本批次每份报告一行">打印汇总表</button>
        <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'settings' })}>设置</button>
      </header>
      <DropZone onPaths={open.openPaths}>
        <div className="list-body">
          {notice && <div className="page-notice" data-testid="session-notice">{notice}</div>}
          {batch && <BatchProgressBar batch={batch} onCancel={() => void cancelBatch()} />}
          <SummaryLine documents={documents} />
          {error && <div className="page-error">{error}</div>}
          {open.error && <div className="page-error">{open.error}</div>}
          {loaded && documents.length === 0 && <p className="muted">尚未打开任何报告。<a href="#/">去打开</a></p>}
          {documents.length > 0 && (
            <>
              <FilterBar view={view} onChange={setView} shown={rows.length} total={documents.length} />
              <DocumentTable rows={rows} sort={view.sort} onSort={(key) => setView({ sort: nextSort(view.sort, key) })} />
              {rows.length === 0 && <p className="muted empty-filter">没有符合筛选条件的报告。</p>}
              <BatchCharts documents={documents} />
            </>
          )}
        </div>
      </DropZone>
    </div>
  );
}
