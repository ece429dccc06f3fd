import { useCallback, useState } from 'react';
import type { DocumentSummary } from '../../../shared/api/contract';
import { useApiClient } from '../app/api-context';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { errorMessage } from '../api/errors';
import { showOpened } from './open-actions';

/**
 * Opening files: paths start a background batch and the dashboard shows its progress; a single file is
 * shown for review once checked. Keeps busy/error state.
 */
export function useOpen() {
  const { api, transport } = useApiClient();
  const { refresh, startBatch } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }, []);

  const openBatch = useCallback(
    async (paths: string[]) => {
      if (paths.length === 0) return;
      const started = await startBatch(paths);
      if (started.documents.length === 0) throw new Error('所选位置没有 .docx、.doc 或 .pdf 报告');
      if (started.documents.length > 1) return navigate({ name: 'list' });
      await started.finished;
      showOpened(started.documents);
    },
    [startBatch],
  );

  const openDirect = useCallback(
    async (open: () => Promise<DocumentSummary[]>) => {
      const opened = await open();
      await refresh();
      showOpened(opened);
    },
    [refresh],
  );

  return {
    busy,
    error,
    transport,
    pick: (folder: boolean) => run(async () => openBatch((await api.call('pickPaths', { folder })).paths)),
    openPaths: (paths: string[]) => run(() => openBatch(paths)),
    openSample: () => run(() => openDirect(async () => [(await api.call('openSample', {})).document])),
  };
}
