/** One document under review: loading, local edits of the annotations, and autosave through saveAnnotations. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentReview } from '../../../shared/api/contract';
import type { Annotations } from '../../../shared/model/annotations';
import { useApiClient } from '../app/api-context';
import { useSession } from '../app/session';
import { errorMessage } from '../api/errors';
import { Autosaver, type SaveStatus } from './autosave';

export const AUTOSAVE_DELAY_MS = 500;
const PENDING_POLL_MS = 700;

export interface SaveState {
  status: SaveStatus;
  error: string | null;
}

export interface ReviewState {
  review: DocumentReview | null;
  annotations: Annotations | null;
  loadError: string | null;
  save: SaveState;
  edit(change: (annotations: Annotations) => Annotations): void;
  retrySave(): void;
  /** Loads the review again from the main side (findings changed there, e.g. related reports were set). */
  reload(): void;
}

export function useReview(id: string): ReviewState {
  const { api } = useApiClient();
  const { updateSummary } = useSession();
  const [review, setReview] = useState<DocumentReview | null>(null);
  const [annotations, setAnnotations] = useState<Annotations | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'saved', error: null });
  const annotationsRef = useRef<Annotations | null>(null);
  const saverRef = useRef<Autosaver<DocumentReview> | null>(null);

  useEffect(() => {
    let live = true;
    const saver = new Autosaver<DocumentReview>({
      delay: AUTOSAVE_DELAY_MS,
      save: (next) => api.call('saveAnnotations', { id, annotations: next }),
      onSaved: (result) => {
        if (!live) return;
        setReview(result);
        updateSummary(result.summary);
      },
      onStatus: (status, error) => live && setSave({ status, error: error ? errorMessage(error) : null }),
    });
    saverRef.current = saver;
    api.call('getReview', { id }).then(
      (loaded) => {
        if (!live) return;
        setReview(loaded);
        annotationsRef.current = loaded.annotations;
        setAnnotations(loaded.annotations);
      },
      (failure) => live && setLoadError(errorMessage(failure)),
    );
    return () => {
      live = false;
      void saver.flush();
      saver.dispose();
    };
  }, [api, id, updateSummary]);

  useEffect(() => {
    const warnUnsaved = (event: BeforeUnloadEvent) => {
      if (!saverRef.current?.hasUnsaved) return;
      void saverRef.current.flush();
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warnUnsaved);
    return () => window.removeEventListener('beforeunload', warnUnsaved);
  }, []);

  const edit = useCallback((change: (current: Annotations) => Annotations) => {
    if (!annotationsRef.current) return;
    const next = change(annotationsRef.current);
    annotationsRef.current = next;
    setAnnotations(next);
    saverRef.current?.change(next);
  }, []);

  const retrySave = useCallback(() => {
    if (annotationsRef.current) saverRef.current?.change(annotationsRef.current);
  }, []);

  const reload = useCallback(() => {
    api.call('getReview', { id }).then(
      (loaded) => {
        setReview(loaded);
        updateSummary(loaded.summary);
      },
      (failure) => setLoadError(errorMessage(failure)),
    );
  }, [api, id, updateSummary]);

  // A report opened while it is still being checked is asked for again until its reading is done.
  const pending = review?.summary.status === 'pending';
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(reload, PENDING_POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, review, reload]);

  return { review, annotations, loadError, save, edit, retrySave, reload };
}
