import { useEffect, useState } from 'react';
import type { Original } from '../../../shared/api/contract';
import { useApiClient } from '../app/api-context';
import { errorMessage } from '../api/errors';
import type { CellReading } from '../review/types';
import type { OriginalViewProps } from './highlight';
import { PdfOriginal } from './PdfOriginal';
import { WordOriginal } from './WordOriginal';

interface OriginalPaneProps extends OriginalViewProps {
  documentId: string;
  cells: Record<string, CellReading>;
}

function useOriginal(id: string): { original: Original | null; error: string | null } {
  const { api } = useApiClient();
  const [state, setState] = useState<{ original: Original | null; error: string | null }>({ original: null, error: null });
  useEffect(() => {
    let live = true;
    api.call('getOriginal', { id }).then(
      (original) => live && setState({ original, error: null }),
      (failure) => live && setState({ original: null, error: errorMessage(failure) }),
    );
    return () => {
      live = false;
    };
  }, [api, id]);
  return state;
}

export function OriginalPane({ documentId, cells, ...view }: OriginalPaneProps) {
  const { api } = useApiClient();
  const { original, error } = useOriginal(documentId);
  if (error) return <div className="original-error">无法显示原文：{error}</div>;
  if (!original) return <div className="pane-loading">正在载入原文…</div>;
  if (original.kind === 'none') return <div className="original-error">{original.message}</div>;
  if (original.kind === 'html') return <WordOriginal html={original.html} cellMap={original.cellMap} cells={cells} {...view} />;
  return <PdfOriginal url={api.documentUrl(documentId)} cells={cells} {...view} />;
}
