import { useEffect, useState } from 'react';
import { useApiClient } from '../app/api-context';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { DropZone } from './DropZone';
import { typedPaths } from './open-actions';
import { useOpen } from './use-open';

interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
}

function useRecentFiles(): RecentFile[] {
  const { api } = useApiClient();
  const [files, setFiles] = useState<RecentFile[]>([]);
  useEffect(() => {
    api.call('recentFiles', {}).then((result) => setFiles(result.files), () => setFiles([]));
  }, [api]);
  return files;
}

function PathBox({ onOpen, busy }: { onOpen(paths: string[]): void; busy: boolean }) {
  const [text, setText] = useState('');
  return (
    <form className="path-box" onSubmit={(event) => { event.preventDefault(); onOpen(typedPaths(text)); }}>
      <label htmlFor="path-input">文件或文件夹的完整路径（每行一个）</label>
      <textarea id="path-input" rows={2} value={text} placeholder={'例如：D:\\年报\\2023\\某局2023年政府信息公开工作年度报告.docx'} onChange={(event) => setText(event.target.value)} />
      <button type="submit" className="btn-primary" disabled={busy || !text.trim()}>打开</button>
    </form>
  );
}

function RecentList({ files, onOpen }: { files: RecentFile[]; onOpen(path: string): void }) {
  if (files.length === 0) return <p className="muted">还没有打开过的文件。</p>;
  return (
    <ul className="recent-list">
      {files.map((file) => (
        <li key={file.path}>
          <button type="button" className="recent-item" onClick={() => onOpen(file.path)} title={file.path}>
            <span className="recent-name">{file.name}</span>
            <span className="recent-path">{file.path}</span>
            <span className="recent-date">{file.openedAt.slice(0, 10)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function StartPage() {
  const open = useOpen();
  const recent = useRecentFiles();
  const { documents } = useSession();
  const isBrowser = open.transport === 'http';
  return (
    <div className="start-page">
      <header className="start-header">
        <h1>政府信息公开工作年度报告审核</h1>
        <p className="muted">离线核对年报表格的勾稽关系与格式，逐项确认问题，形成审核意见单。文件不离开本机。</p>
      </header>
      <div className="start-grid">
        <section className="card">
          <h2>打开报告</h2>
          <DropZone onPaths={open.openPaths}>
            <div className="drop-text">将 .docx / .doc / .pdf 文件或文件夹拖到此处</div>
            {!isBrowser && (
              <div className="button-row center">
                <button type="button" className="btn-primary" disabled={open.busy} onClick={() => open.pick(false)}>选择文件…</button>
                <button type="button" className="btn" disabled={open.busy} onClick={() => open.pick(true)}>选择文件夹…</button>
              </div>
            )}
          </DropZone>
          {isBrowser && <PathBox onOpen={open.openPaths} busy={open.busy} />}
          <div className="button-row">
            <button type="button" className="btn" disabled={open.busy} onClick={open.openSample}>打开示例报告</button>
            {documents.length > 0 && (
              <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'list' })}>查看已打开的 {documents.length} 份报告 →</button>
            )}
          </div>
          {open.busy && <p className="muted">正在读取和校验…</p>}
          {open.error && <div className="page-error">{open.error}</div>}
        </section>
        <section className="card">
          <h2>最近打开</h2>
          <RecentList files={recent} onOpen={(path) => open.openPaths([path])} />
        </section>
      </div>
    </div>
  );
}
