import { useCallback, useState } from 'react';
import type { DocumentSummary } from '../../../shared/api/contract';
import { useApiClient } from '../app/api-context';
import { useSession } from '../app/session';
import { errorMessage } from '../api/errors';
import { showOpened } from './open-actions';

/** Runs one of the open calls, refreshes the session and shows what was opened; keeps busy/error state. */
export function useOpen() {
  const { api, transport } = useApiClient();
  const { refresh } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = useCallback(
    async (open: () => Promise<DocumentSummary[]>) => {
      setBusy(true);
      setError(null);
      try {
        const opened = await open();
        await refresh();
        showOpened(opened);
      } catch (failure) {
        setError(errorMessage(failure));
      } finally {
        setBusy(false);
      }
    },
    [refresh],
  );

  return {
    busy,
    error,
    transport,
    pick: (folder: boolean) => run(async () => (await api.call('pickFiles', { folder })).documents),
    openPaths: (paths: string[]) => run(async () => (paths.length ? (await api.call('openPaths', { paths })).documents : [])),
    openSample: () => run(async () => [(await api.call('openSample', {})).document]),
  };
}
