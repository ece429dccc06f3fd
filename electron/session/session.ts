/**
 * The documents of the current session, by id: opened from files and folders, checked with the engine,
 * paired with last year's report among themselves, and re-checked with the reviewer's corrections.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { DocumentReview, DocumentSummary, Original } from '../../shared/api/contract';
import type { Annotations } from '../../shared/model/annotations';
import type { CheckSettings } from '../../shared/model/settings';
import { checkReviewDocument } from '../../shared/engine/check';
import type { Corrections } from '../../shared/engine/corrections';
import { findPreviousYearPairs } from '../../shared/engine/pairing';
import { READ_ERROR_MESSAGES } from '../../shared/read/errors';
import { AnnotationStore } from '../annotations/annotation-store';
import { ApiFailure, documentNotFound } from '../api/api-error';
import { checkFiles, type FileResult } from '../services/check-files';
import { collectFiles } from '../services/collect-files';
import { MAX_FILE_BYTES } from '../services/report-file';
import { documentIdOf } from './document-id';
import { wordOriginal } from './original';
import { RecentFiles, type RecentFile } from './recent-files';
import { reviewOf, summaryOf } from './review-view';
import { sampleDir } from '../paths';
import { copySampleOnce } from './sample';
import { UNKNOWN_SHA256, fileTypeOf, type DocumentRead, type SessionDocument } from './session-document';

export interface SessionOptions {
  /** The app's data folder (recent files, sample copy, notes of documents in read-only folders). */
  dataDir: string;
  settings?: CheckSettings;
  /** Where the bundled sample report is. Default: build/sample of the repository. */
  sampleDir?: string;
  store?: AnnotationStore;
  recentFiles?: RecentFiles;
}

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  doc: 'application/msword',
} as const;

export class Session {
  private readonly documents = new Map<string, SessionDocument>();
  private readonly store: AnnotationStore;
  private readonly recent: RecentFiles;

  constructor(private readonly options: SessionOptions) {
    this.store = options.store ?? new AnnotationStore({ dataDir: options.dataDir });
    this.recent = options.recentFiles ?? new RecentFiles(options.dataDir);
  }

  list(): DocumentSummary[] {
    return [...this.documents.values()].map(summaryOf);
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  /** Opens files and folders (walked for reports); returns the documents opened, in order. */
  async openPaths(paths: string[]): Promise<DocumentSummary[]> {
    const absolute = paths.map((path) => resolve(path));
    const { files } = await collectFiles(absolute);
    const opened = unique(files).map((file) => placeholder(file));
    for (const document of opened) this.documents.set(document.id, document);
    await this.readAll(opened);
    this.pairAndAnalyseAll();
    await this.recent.add(absolute).catch(() => undefined);
    return opened.map(summaryOf);
  }

  async openSample(): Promise<DocumentSummary> {
    const copy = await copySampleOnce(this.options.sampleDir ?? sampleDir(), this.options.dataDir);
    const [summary] = await this.openPaths([copy]);
    return summary;
  }

  recentFiles(): Promise<RecentFile[]> {
    return this.recent.list();
  }

  /** The review of a document, with its notes read again from disk (another window may have saved). */
  async getReview(id: string): Promise<DocumentReview> {
    const document = this.require(id);
    await this.loadNotes(document);
    this.analyse(document);
    return reviewOf(document);
  }

  async saveAnnotations(id: string, annotations: Annotations): Promise<DocumentReview> {
    const document = this.require(id);
    if (document.read.status === 'pending') throw new ApiFailure('NOT_READY', '该文档仍在检查中，请稍后再保存', 409);
    try {
      document.notes = await this.store.save({ path: document.path, sha256: document.sha256 }, annotations);
    } catch (error) {
      throw new ApiFailure('SAVE_FAILED', `审核记录保存失败：${error instanceof Error ? error.message : String(error)}`, 500);
    }
    this.analyse(document);
    return reviewOf(document);
  }

  getOriginal(id: string): Promise<Original> {
    const document = this.require(id);
    document.original ??= this.originalOf(document).catch((error: unknown) => {
      document.original = undefined;
      throw error;
    });
    return document.original;
  }

  /** The document's file, for the document URL (the renderer renders PDFs from these bytes). */
  async documentFile(id: string): Promise<{ path: string; bytes: Uint8Array; contentType: string }> {
    const document = this.require(id);
    if (!fileTypeOf(document.path)) throw documentNotFound();
    const bytes = new Uint8Array(await readFile(document.path));
    return { path: document.path, bytes, contentType: CONTENT_TYPES[document.fileType] };
  }

  documentPath(id: string): string {
    return this.require(id).path;
  }

  private require(id: string): SessionDocument {
    const document = this.documents.get(id);
    if (!document) throw documentNotFound();
    return document;
  }

  private async readAll(documents: SessionDocument[]): Promise<void> {
    const pending = documents.filter((document) => document.read.status === 'pending');
    const results = await checkFiles(pending.map((document) => document.path), {
      settings: this.options.settings,
      cacheDir: join(this.options.dataDir, 'cache'),
    });
    for (const [i, result] of results.entries()) await this.takeResult(pending[i], result);
    for (const document of documents) if (!document.notes) await this.loadNotes(document);
  }

  private async takeResult(document: SessionDocument, result: FileResult): Promise<void> {
    if (result.status === 'checked') {
      document.read = { status: 'checked', doc: result.doc };
      document.sha256 = result.sha256;
    } else {
      document.read = { status: 'unreadable', error: result.error };
      document.sha256 = await hashIfReadable(document.path);
    }
    await this.loadNotes(document);
  }

  private async loadNotes(document: SessionDocument): Promise<void> {
    document.notes = await this.store.load({ path: document.path, sha256: document.sha256 });
  }

  private pairAndAnalyseAll(): void {
    const checked = [...this.documents.values()].filter((document) => document.read.status === 'checked');
    const pairs = findPreviousYearPairs(checked.map((document) => ({ file: document.path, doc: checkedDoc(document) })));
    checked.forEach((document, i) => {
      document.previousId = pairs[i] >= 0 ? checked[pairs[i]].id : null;
    });
    for (const document of this.documents.values()) this.analyse(document);
  }

  private analyse(document: SessionDocument): void {
    if (document.read.status !== 'checked') {
      document.analysis = null;
      return;
    }
    const previous = document.previousId ? this.documents.get(document.previousId) : undefined;
    const { doc, findings } = checkReviewDocument(document.read.doc, {
      settings: this.options.settings,
      corrections: correctionsOf(document.notes?.annotations),
      previous: previous ? { doc: checkedDoc(previous), file: previous.name } : undefined,
    });
    document.analysis = { doc, findings, previousFile: previous?.path ?? null };
  }

  private async originalOf(document: SessionDocument): Promise<Original> {
    if (document.read.status === 'unreadable') return { kind: 'none', message: document.read.error.message };
    if (document.fileType === 'pdf') return { kind: 'pdf', pageCount: null };
    try {
      return await wordOriginal(document.path, document.fileType);
    } catch (error) {
      return { kind: 'none', message: `无法显示原文：${error instanceof Error ? error.message : String(error)}` };
    }
  }
}

function placeholder(path: string): SessionDocument {
  const fileType = fileTypeOf(path);
  const read: DocumentRead = fileType ? { status: 'pending' } : unreadable('UNSUPPORTED_TYPE');
  return { id: documentIdOf(path), path, name: basename(path), fileType: fileType ?? 'docx', read, sha256: UNKNOWN_SHA256, notes: null, analysis: null, previousId: null };
}

function checkedDoc(document: SessionDocument) {
  if (document.read.status !== 'checked') throw new Error(`${document.path} was not checked`);
  return document.read.doc;
}

function correctionsOf(annotations: Annotations | undefined): Corrections | undefined {
  if (!annotations) return undefined;
  const entries = Object.entries(annotations.corrections).map(([id, correction]) => [id, correction.value] as const);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function unreadable(code: keyof typeof READ_ERROR_MESSAGES): DocumentRead {
  return { status: 'unreadable', error: { code, message: READ_ERROR_MESSAGES[code] } };
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.map((path) => resolve(path)))];
}

async function hashIfReadable(path: string): Promise<string> {
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return UNKNOWN_SHA256;
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return UNKNOWN_SHA256;
  }
}
