import type { BatchProgress } from '../../../shared/api/contract';

export function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} 秒`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes} 分 ${Math.round(seconds % 60)} 秒` : `${Math.floor(minutes / 60)} 小时 ${minutes % 60} 分`;
}

function statusText(batch: BatchProgress): string {
  if (batch.finished) return batch.cancelled ? `已取消：检查了 ${batch.done} / ${batch.total} 份，其余未打开` : `检查完成：共 ${batch.total} 份`;
  if (batch.cancelled) return `正在取消… 已检查 ${batch.done} / ${batch.total} 份`;
  const eta = batch.etaSeconds === null ? '正在估算剩余时间' : `约剩 ${formatSeconds(batch.etaSeconds)}`;
  return `正在检查 ${batch.done} / ${batch.total} 份 · ${eta}`;
}

function resumedText(batch: BatchProgress): string {
  const cached = batch.cached ? `已检查过的 ${batch.cached} 份直接取用上次的结果` : '';
  if (batch.finished) return `上次未完成的批次已恢复并检查完毕${cached ? `（${cached}）` : ''}`;
  return `上次未完成的批次已恢复${cached ? `：${cached}，其余继续检查` : '，正在继续检查'}`;
}

/** The background check's progress: done/total, the current file, time left, and 取消. */
export function BatchProgressBar({ batch, onCancel }: { batch: BatchProgress; onCancel(): void }) {
  const percent = batch.total > 0 ? Math.round((batch.done / batch.total) * 100) : 100;
  const running = !batch.finished;
  return (
    <div className={`batch-progress ${running ? 'is-running' : 'is-finished'}`} data-testid="batch-progress" data-finished={batch.finished} data-resumed={batch.resumed ? 'true' : undefined}>
      {batch.resumed && <div className="batch-resumed" data-testid="batch-resumed">{resumedText(batch)}</div>}
      <div className="batch-progress-text">
        <span>{statusText(batch)}</span>
        {running && batch.current && <span className="batch-current" title={batch.current}>当前：{batch.current}</span>}
      </div>
      <div className="batch-bar" role="progressbar" aria-valuemin={0} aria-valuemax={batch.total} aria-valuenow={batch.done} aria-label="检查进度">
        <div className="batch-bar-fill" style={{ width: `${percent}%` }} />
      </div>
      {running && (
        <button type="button" className="btn-small" disabled={batch.cancelled} onClick={onCancel}>取消</button>
      )}
    </div>
  );
}
