/** The documents of a run as export rows, with the reviewer's notes read from their sidecars (never written). */
import { extname } from 'node:path';
import type { ExportDocument } from '../../shared/engine/export-rows';
import { AnnotationStore } from '../annotations/annotation-store';
import type { FileResult } from '../services/check-files';

export async function exportDocumentsOf(results: FileResult[], store: AnnotationStore, displayPath: (file: string) => string = (f) => f): Promise<ExportDocument[]> {
  return Promise.all(
    results.map(async (result) => {
      const common = { file: displayPath(result.file), fileType: extname(result.file).slice(1).toLowerCase(), findings: result.findings };
      if (result.status === 'unreadable') {
        return { ...common, status: 'unreadable', report: null, organKind: null, error: result.error, annotations: null };
      }
      const { annotations, info } = await store.load({ path: result.file, sha256: result.sha256 });
      const hasNotes = info.warning !== 'invalidSidecar' && info.warning !== 'newerVersion';
      return { ...common, status: 'checked', report: result.report, organKind: result.doc.organKind, error: null, annotations: hasNotes ? annotations : null };
    }),
  );
}
