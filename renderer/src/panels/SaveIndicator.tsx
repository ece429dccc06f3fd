import type { DocumentReview } from '../../../shared/api/contract';
import type { SaveState } from '../review/use-review';

const STATUS_TEXT = { saved: '已保存', pending: '正在保存', saving: '正在保存', error: '保存失败' } as const;

const WARNING_TEXT = {
  documentChanged: '文件内容已变化，原有批注是针对旧版本文件所作',
  invalidSidecar: '原批注文件已损坏，无法读取',
  newerVersion: '批注文件由更新版本的程序写入',
} as const;

export function SaveIndicator({ save, onRetry }: { save: SaveState; onRetry(): void }) {
  return (
    <span className={`save-state save-${save.status}`} data-testid="save-state" data-status={save.status} title={save.error ?? ''}>
      {STATUS_TEXT[save.status]}
      {save.status === 'error' && (
        <button type="button" className="link-button" onClick={onRetry}>重试</button>
      )}
    </span>
  );
}

/** Where the notes go, with a clear warning when they cannot go beside the document or something is off. */
export function SidecarNotice({ info }: { info: DocumentReview['annotationsInfo'] }) {
  const warn = info.fallback || info.warning;
  return (
    <div className={`sidecar ${warn ? 'is-warning' : ''}`} data-testid="sidecar-info">
      <span className="sidecar-label">批注保存于：</span>
      <span className="sidecar-path" title={info.path}>{info.path}</span>
      {info.fallback && <div className="sidecar-warning">文件所在文件夹不可写，批注改存到本程序的数据文件夹。移交文件时请一并导出审核意见单。</div>}
      {info.warning && <div className="sidecar-warning">{WARNING_TEXT[info.warning]}{info.message ? `：${info.message}` : ''}</div>}
    </div>
  );
}
