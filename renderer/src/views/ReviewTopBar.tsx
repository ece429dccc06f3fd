import type { DocumentReview } from '../../../shared/api/contract';
import { navigate } from '../app/router';
import { SaveIndicator } from '../panels/SaveIndicator';
import type { SaveState } from '../review/use-review';

interface ReviewTopBarProps {
  review: DocumentReview | null;
  /** Where the report stands in the dashboard's list (filtered: the dashboard shows only some reports). */
  position: { index: number; count: number; filtered?: boolean };
  save: SaveState;
  onRetrySave(): void;
  onStep(step: 1 | -1): void;
  onHelp(): void;
}

export function ReviewTopBar({ review, position, save, onRetrySave, onStep, onHelp }: ReviewTopBarProps) {
  const summary = review?.summary;
  return (
    <header className="topbar">
      <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'list' })} title="返回文件列表">← 文件列表</button>
      <div className="topbar-title">
        <div className="doc-name" title={summary?.path}>{summary?.organ ?? summary?.name ?? '正在载入…'}{summary?.year ? ` · ${summary.year} 年度` : ''}</div>
        <div className="doc-file" title={summary?.path}>{summary?.name}</div>
      </div>
      {summary && (
        <div className="topbar-counts">
          <span className="count count-error">错误 {summary.counts.error}</span>
          <span className="count count-warning">警告 {summary.counts.warning}</span>
          {summary.counts.info > 0 && <span className="count count-info">提示 {summary.counts.info}</span>}
        </div>
      )}
      <div className="topbar-nav">
        <button type="button" className="btn-ghost" disabled={position.index <= 0} onClick={() => onStep(-1)} title="上一份报告（P）">‹ 上一份</button>
        <span className="muted" data-testid="document-position" title={position.filtered ? '按总览当前的筛选和排序' : '按总览当前的排序'}>
          {position.count > 0 && position.index >= 0 ? `${position.index + 1} / ${position.count}${position.filtered ? '（已筛选）' : ''}` : ''}
        </span>
        <button type="button" className="btn-ghost" disabled={position.index < 0 || position.index >= position.count - 1} onClick={() => onStep(1)} title="下一份报告（N）">下一份 ›</button>
      </div>
      <SaveIndicator save={save} onRetry={onRetrySave} />
      {review && (
        <button type="button" className="btn" onClick={() => navigate({ name: 'sheet', id: review.summary.id })}>审核意见单</button>
      )}
      <button type="button" className="btn-ghost btn-icon" onClick={onHelp} title="快捷键（?）">?</button>
    </header>
  );
}
