/** The documents of the session, shared by the start page, the list and the review view (for N/P). */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DocumentSummary } from '../../../shared/api/contract';
import { electronBridge } from '../api/bridge';
import { errorMessage } from '../api/errors';
import { useApiClient } from './api-context';

interface SessionState {
  documents: DocumentSummary[];
  loaded: boolean;
  error: string | null;
  refresh(): Promise<void>;
  setDocuments(documents: DocumentSummary[]): void;
  updateSummary(summary: DocumentSummary): void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { api } = useApiClient();
  const [documents, setDocuments] = useState<DocumentSummary[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  useEffect(() => {
    void refresh();
    return electronBridge()?.onSessionChanged?.(() => void refresh());
  }, [refresh]);

  const updateSummary = useCallback((summary: DocumentSummary) => {
    setDocuments((current) => current.map((doc) => (doc.id === summary.id ? summary : doc)));
  }, []);

  const value = useMemo(
    () => ({ documents, loaded, error, refresh, setDocuments, updateSummary }),
    [documents, loaded, error, refresh, updateSummary],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('SessionProvider missing');
  return session;
}
