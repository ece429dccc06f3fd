/**
 * The documents of the session, shared by the start page, the dashboard and the review view (for N/P), and
 * the background batch being checked: polled (both transports) until it finishes, the list filling in. The
 * batch lives on the main side: on loading (a reload, a new window, a restart that resumed an unfinished
 * batch) and when the main side opened files itself, the renderer asks for the current batch and follows it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BatchProgress, DocumentSummary } from '../../../shared/api/contract';
import { electronBridge } from '../api/bridge';
import { errorMessage } from '../api/errors';
import { useApiClient } from './api-context';

const POLL_MS = 400;

export interface StartedBatch {
  documents: DocumentSummary[];
  /** Resolves when the batch has finished (or was cancelled). */
  finished: Promise<BatchProgress>;
}

interface SessionState {
  documents: DocumentSummary[];
  loaded: boolean;
  error: string | null;
  /** The latest batch's progress (null before the first batch). */
  batch: BatchProgress | null;
  /** What the main side said about the start (an unfinished batch that could not be resumed), if anything. */
  notice: string | null;
  refresh(): Promise<void>;
  setDocuments(documents: DocumentSummary[]): void;
  updateSummary(summary: DocumentSummary): void;
  startBatch(paths: string[]): Promise<StartedBatch>;
  cancelBatch(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function SessionProvider({ children }: { children: ReactNode }) {
  const { api } = useApiClient();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [batch, setBatch] = useState<BatchProgress | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const batchId = useRef<string | null>(null);
  /** Batches being polled: one loop per batch, however often it is asked for. */
  const following = useRef(new Map<string, Promise<BatchProgress>>());

  const refresh = useCallback(async () => {
    try {
      setDocuments((await api.call('listSession', {})).documents);
      setError(null);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setLoaded(true);
    }
  }, [api]);

  const follow = useCallback(
    (id: string): Promise<BatchProgress> => {
      const running = following.current.get(id);
      if (running) return running;
      const loop = (async () => {
        for (;;) {
          const progress = await api.call('batchProgress', { batchId: id });
          if (batchId.current === id) setBatch(progress);
          await refresh();
          if (progress.finished) return progress;
          await wait(POLL_MS);
        }
      })();
      following.current.set(id, loop);
      void loop.catch(() => undefined).finally(() => following.current.delete(id));
      return loop;
    },
    [api, refresh],
  );

  /** The main side's current batch: shown, and followed while it runs. */
  const pickUpBatch = useCallback(async () => {
    try {
      const current = await api.call('currentBatch', {});
      setNotice(current.notice);
      if (!current.batch) return;
      if (batchId.current !== current.batch.batchId) {
        batchId.current = current.batch.batchId;
        setBatch(current.batch);
      }
      if (!current.batch.finished) void follow(current.batch.batchId).catch((failure: unknown) => setError(errorMessage(failure)));
    } catch {
      // An older main side without currentBatch: nothing to pick up.
    }
  }, [api, follow]);

  useEffect(() => {
    void refresh();
    void pickUpBatch();
    return electronBridge()?.onSessionChanged?.(() => {
      void refresh();
      void pickUpBatch();
    });
  }, [refresh, pickUpBatch]);

  const startBatch = useCallback(
    async (paths: string[]): Promise<StartedBatch> => {
      const started = await api.call('startBatch', { paths });
      batchId.current = started.batchId;
      setBatch({ batchId: started.batchId, done: 0, total: started.documents.filter((doc) => doc.status === 'pending').length, current: '', etaSeconds: null, finished: false, cancelled: false });
      await refresh();
      return { documents: started.documents, finished: follow(started.batchId) };
    },
    [api, refresh, follow],
  );

  const cancelBatch = useCallback(async () => {
    if (batchId.current) setBatch(await api.call('cancelBatch', { batchId: batchId.current }));
  }, [api]);

  const updateSummary = useCallback((summary: DocumentSummary) => {
    setDocuments((current) => current.map((doc) => (doc.id === summary.id ? summary : doc)));
  }, []);

  const value = useMemo(
    () => ({ documents, loaded, error, batch, notice, refresh, setDocuments, updateSummary, startBatch, cancelBatch }),
    [documents, loaded, error, batch, notice, refresh, updateSummary, startBatch, cancelBatch],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('SessionProvider missing');
  return session;
}
