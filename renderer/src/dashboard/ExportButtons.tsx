import { useState } from 'react';
import type { ExportResult } from '../../../shared/api/contract';
import { useApiClient } from '../app/api-context';
import { errorMessage } from '../api/errors';

type Outcome = { kind: 'done'; result: ExportResult } | { kind: 'error'; message: string } | null;

/** 导出 Excel / CSV: in Electron a save dialog, in the browser a file in the data folder offered for download. */
export function ExportButtons({ disabled }: { disabled: boolean }) {
  const { api } = useApiClient();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', result: await api.call('exportWorkbook', { format }) });
    } catch (failure) {
      setOutcome({ kind: 'error', message: errorMessage(failure) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" className="btn" disabled={disabled || busy} onClick={() => void run('xlsx')}>导出 Excel</button>
      <button type="button" className="btn" disabled={disabled || busy} onClick={() => void run('csv')}>导出 CSV</button>
      {outcome && <ExportMessage outcome={outcome} onClose={() => setOutcome(null)} />}
    </>
  );
}

function ExportMessage({ outcome, onClose }: { outcome: NonNullable<Outcome>; onClose(): void }) {
  const { api } = useApiClient();
  if (outcome.kind === 'error') return <Toast tone="error" onClose={onClose}>{outcome.message}</Toast>;
  const { result } = outcome;
  if (!result.path) return null;
  const href = result.downloadUrl && api.downloadUrl ? api.downloadUrl(result.downloadUrl) : null;
  return (
    <Toast tone="ok" onClose={onClose}>
      <span data-testid="export-path">已导出到：{result.paths.join('、')}</span>
      {href && <a className="export-download" href={href} download data-testid="export-download">下载</a>}
    </Toast>
  );
}

function Toast({ tone, onClose, children }: { tone: 'ok' | 'error'; onClose(): void; children: React.ReactNode }) {
  return (
    <div className={`export-toast tone-${tone}`} role="status" data-testid="export-message">
      <div className="export-toast-body">{children}</div>
      <button type="button" className="btn-ghost btn-icon" onClick={onClose} title="关闭">×</button>
    </div>
  );
}
