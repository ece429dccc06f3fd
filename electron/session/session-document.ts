/** One document of the session: what was read from its file, its notes, and the rules' latest findings. */
import { extname } from 'node:path';
import type { Original } from '../../shared/api/contract';
import type { Finding } from '../../shared/model/finding';
import type { ReviewDocument } from '../../shared/model/review-document';
import type { LoadedAnnotations } from '../annotations/annotation-store';

export type FileType = 'docx' | 'doc' | 'pdf';

export type DocumentRead =
  | { status: 'pending' }
  /** `doc` as read, before the reviewer's corrections. */
  | { status: 'checked'; doc: ReviewDocument }
  | { status: 'unreadable'; error: { code: string; message: string } };

export interface Analysis {
  /** With the reviewer's corrections applied. */
  doc: ReviewDocument;
  findings: Finding[];
  previousFile: string | null;
}

export interface SessionDocument {
  id: string;
  path: string;
  name: string;
  fileType: FileType;
  read: DocumentRead;
  /** SHA-256 of the bytes read (all zeros when the file could not be read at all). */
  sha256: string;
  notes: LoadedAnnotations | null;
  analysis: Analysis | null;
  /** The id of last year's report of the same organ among the session's documents. */
  previousId: string | null;
  /** Last year's report set by hand (null or absent: automatic pairing). */
  manualPreviousId?: string | null;
  /** A government's subordinate organs' reports, chosen by the reviewer (HIERARCHY-SUM). */
  subordinateIds?: string[];
  original?: Promise<Original>;
}

export const UNKNOWN_SHA256 = '0'.repeat(64);

export function fileTypeOf(path: string): FileType | null {
  const extension = extname(path).toLowerCase().slice(1);
  return extension === 'docx' || extension === 'doc' || extension === 'pdf' ? extension : null;
}
