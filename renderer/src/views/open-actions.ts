/** Opening files: every way in ends in the session's documents, then the list (several) or the review (one). */
import type { DocumentSummary } from '../../../shared/api/contract';
import { navigate } from '../app/router';

export function showOpened(opened: DocumentSummary[]): void {
  if (opened.length === 1) navigate({ name: 'review', id: opened[0].id });
  else if (opened.length > 1) navigate({ name: 'list' });
}

/** Local paths of dropped files, through the preload (Electron only; a web page never sees paths). */
export function droppedPaths(dataTransfer: DataTransfer): string[] {
  const pathForFile = window.nianbao?.pathForFile;
  if (!pathForFile) return [];
  return [...dataTransfer.files].map((file) => pathForFile(file)).filter((path) => path.length > 0);
}

/** Paths typed or pasted into the browser's path box: one per line. */
export function typedPaths(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/^"(.*)"$/, '$1'))
    .filter(Boolean);
}
