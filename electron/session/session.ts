/**
 * The documents of the current session, by id: opened from files and folders, checked with the engine,
 * paired with last year's report among themselves, and re-checked with the reviewer's corrections.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { BatchProgress, DocumentReview, DocumentSummary, Original } from '../../shared/api/contract';
import type { ExportDocument } from '../../shared/engine/export-rows';
import type { Annotations } from '../../shared/model/annotations';
import { DEFAULT_APP_SETTINGS, checkSettingsOf, type AppSettings, type CheckSettings } from '../../shared/model/settings';
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
import { SettingsStore } from '../settings/settings-store';
import { BatchTracker, batchGroups } from './batch-progress';
import { HierarchyLinks } from './hierarchy-links';
import { copySampleOnce } from './sample';
import { UNKNOWN_SHA256, fileTypeOf, type DocumentRead, type SessionDocument } from './session-document';

export interface SessionOptions {
  /** The app's data folder (recent files, sample copy, notes of documents in read-only folders). */
  dataDir: string;
  /** Fixed check settings (tests, CLI); without them the session reads settings.json of the data folder. */
  settings?: CheckSettings;
  settingsStore?: SettingsStore;
  /** Files per group of a background batch (documents fill in group by group). */
  batchGroupSize?: number;
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
  private readonly settingsStore: SettingsStore;
  private settings: AppSettings;
  private readonly settingsLoaded: Promise<void>;
  private readonly batches = new Map<string, BatchTracker>();
  private readonly hierarchy: HierarchyLinks;

  constructor(private readonly options: SessionOptions) {
    this.store = options.store ?? new AnnotationStore({ dataDir: options.dataDir });
    this.recent = options.recentFiles ?? new RecentFiles(options.dataDir);
    this.settingsStore = options.settingsStore ?? new SettingsStore(options.dataDir);
    this.hierarchy = new HierarchyLinks(options.dataDir);
    this.settings = { ...DEFAULT_APP_SETTINGS, ...options.settings };
    this.settingsLoaded = options.settings ? Promise.resolve() : this.loadSettings();
  }

  get dataDir(): string {
    return this.options.dataDir;
  }

  private get checkSettings(): CheckSettings {
    return checkSettingsOf(this.settings);
  }

  private async loadSettings(): Promise<void> {
    const loaded = await this.settingsStore.load();
    this.settings = loaded.settings;
    if (loaded.problem) console.error(`[settings] ${loaded.problem}`);
  }

  async getSettings(): Promise<{ settings: AppSettings; path: string }> {
    await this.settingsLoaded;
    return { settings: this.settings, path: this.settingsStore.path };
  }

  /** Saves the settings and re-runs the rules of every open document with them. */
  async saveSettings(settings: AppSettings): Promise<{ settings: AppSettings; path: string }> {
    await this.settingsLoaded;
    this.settings = await this.settingsStore.save(settings);
    for (const document of this.documents.values()) this.analyse(document);
    return { settings: this.settings, path: this.settingsStore.path };
  }

  list(): DocumentSummary[] {
    return [...this.documents.values()].map(summaryOf);
  }

  has(id: string): boolean {
    return this.documents.has(id);
  }

  /** Opens files and folders (walked for reports); returns the documents opened, in order. */
  async openPaths(paths: string[]): Promise<DocumentSummary[]> {
    await this.settingsLoaded;
    const absolute = paths.map((path) => resolve(path));
    const { files } = await collectFiles(absolute);
    const opened = unique(files).map((file) => placeholder(file));
    for (const document of opened) this.documents.set(document.id, document);
    await this.readAll(opened);
    this.pairAndAnalyseAll();
    await this.recent.add(absolute).catch(() => undefined);
    return opened.map(summaryOf);
  }

  /**
   * Opens files and folders at once as pending documents and checks them in the background, group by group;
   * the session answers other calls meanwhile. Progress by `batchProgress`, cancel by `cancelBatch`.
   */
  async startBatch(paths: string[]): Promise<{ batchId: string; documents: DocumentSummary[] }> {
    await this.settingsLoaded;
    const absolute = paths.map((path) => resolve(path));
    const { files } = await collectFiles(absolute);
    const opened = unique(files).map((file) => placeholder(file));
    for (const document of opened) this.documents.set(document.id, document);
    const pending = opened.filter((document) => document.read.status === 'pending');
    const batch = new BatchTracker(pending.length);
    this.batches.set(batch.id, batch);
    void this.runBatch(batch, opened)
      .catch((error: unknown) => this.failPending(pending, error))
      .finally(() => batch.finish());
    void this.recent.add(absolute).catch(() => undefined);
    return { batchId: batch.id, documents: opened.map(summaryOf) };
  }

  batchProgress(batchId: string): BatchProgress {
    return this.requireBatch(batchId).progress();
  }

  /** Files not yet started are left out of the session; those being read finish. */
  cancelBatch(batchId: string): BatchProgress {
    const batch = this.requireBatch(batchId);
    batch.cancel();
    return batch.progress();
  }

  /** The session's checked and unreadable documents as export rows, with the reviewer's notes. */
  exportDocuments(): ExportDocument[] {
    return [...this.documents.values()].filter((document) => document.read.status !== 'pending').map(exportDocumentOf);
  }

  /** HIERARCHY-SUM: the reports of a government's subordinate organs, remembered by its path. */
  async setSubordinates(id: string, subordinateIds: string[]): Promise<DocumentSummary> {
    const document = this.require(id);
    const subordinates = subordinateIds.filter((other) => other !== id).map((other) => this.require(other));
    document.subordinateIds = subordinates.map((other) => other.id);
    await this.hierarchy.save(document.path, subordinates.map((other) => other.path));
    this.analyse(document);
    return summaryOf(document);
  }

  /** Last year's report set by hand; null goes back to automatic pairing. */
  setPrevious(id: string, previousId: string | null): DocumentSummary {
    const document = this.require(id);
    if (previousId !== null && (previousId === id || this.require(previousId).read.status !== 'checked')) {
      throw new ApiFailure('BAD_REQUEST', '所选的上一年度报告不可用（须为已读取的其他报告）', 400);
    }
    document.manualPreviousId = previousId;
    this.pairAndAnalyseAll();
    return summaryOf(document);
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

  private requireBatch(batchId: string): BatchTracker {
    const batch = this.batches.get(batchId);
    if (!batch) throw new ApiFailure('NOT_FOUND', '找不到该批次（可能已被新的检查取代）', 404);
    return batch;
  }

  private async runBatch(batch: BatchTracker, opened: SessionDocument[]): Promise<void> {
    for (const document of opened) if (document.read.status !== 'pending') await this.loadNotes(document);
    const pending = opened.filter((document) => document.read.status === 'pending');
    let done = 0;
    for (const group of batchGroups(pending, this.batchGroupSize())) {
      if (batch.cancelled) break;
      await this.checkGroup(group, batch, done);
      done += group.length;
      batch.advance(done, '');
    }
    for (const document of pending) if (document.read.status === 'pending') this.forget(document);
  }

  private async checkGroup(group: SessionDocument[], batch: BatchTracker, done: number): Promise<void> {
    const results = await checkFiles(group.map((document) => document.path), {
      settings: this.checkSettings,
      cacheDir: join(this.options.dataDir, 'cache'),
      signal: batch.controller.signal,
      onProgress: (n, _total, file) => batch.advance(done + n, file ? basename(file) : ''),
    });
    for (const [i, result] of results.entries()) {
      if (result.status === 'unreadable' && result.error.code === 'CANCELLED') this.forget(group[i]);
      else await this.takeResult(group[i], result);
    }
    await this.loadSubordinates(group);
    this.pairAndAnalyseAll(group);
  }

  private batchGroupSize(): number {
    return this.options.batchGroupSize ?? Math.max(4, availableParallelism() * 2);
  }

  /** Removes a document of a batch that never got checked (unless another open replaced it meanwhile). */
  private forget(document: SessionDocument): void {
    if (this.documents.get(document.id) === document) this.documents.delete(document.id);
  }

  private failPending(pending: SessionDocument[], error: unknown): void {
    console.error('[session] batch failed', error);
    const message = `检查时发生内部错误：${error instanceof Error ? error.message : String(error)}`;
    for (const document of pending) {
      if (document.read.status === 'pending') document.read = { status: 'unreadable', error: { code: 'INTERNAL', message } };
    }
  }

  /** The remembered subordinate reports of the group's documents, among the session's documents. */
  private async loadSubordinates(group: SessionDocument[]): Promise<void> {
    const byPath = new Map([...this.documents.values()].map((document) => [document.path, document.id]));
    for (const document of group) {
      const paths = await this.hierarchy.load(document.path);
      const ids = paths.map((path) => byPath.get(path)).filter((id): id is string => id !== undefined);
      if (ids.length > 0) document.subordinateIds = ids;
    }
  }

  private require(id: string): SessionDocument {
    const document = this.documents.get(id);
    if (!document) throw documentNotFound();
    return document;
  }

  private async readAll(documents: SessionDocument[]): Promise<void> {
    const pending = documents.filter((document) => document.read.status === 'pending');
    const results = await checkFiles(pending.map((document) => document.path), {
      settings: this.checkSettings,
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

  /**
   * Pairs last year's reports again and runs the rules: on every document, or (after a batch group) only on
   * those that changed, whose pairing changed, or that relate to a changed one.
   */
  private pairAndAnalyseAll(changed?: SessionDocument[]): void {
    const checked = [...this.documents.values()].filter((document) => document.read.status === 'checked');
    const pairs = findPreviousYearPairs(checked.map((document) => ({ file: document.path, doc: checkedDoc(document) })));
    const touched = new Set(changed ?? this.documents.values());
    const changedIds = new Set([...touched].map((document) => document.id));
    checked.forEach((document, i) => {
      const previousId = this.manualPrevious(document) ?? (pairs[i] >= 0 ? checked[pairs[i]].id : null);
      if (previousId !== document.previousId || (previousId && changedIds.has(previousId))) touched.add(document);
      if (document.subordinateIds?.some((id) => changedIds.has(id))) touched.add(document);
      document.previousId = previousId;
    });
    for (const document of touched) this.analyse(document);
  }

  private manualPrevious(document: SessionDocument): string | null {
    const id = document.manualPreviousId;
    return id && this.documents.get(id)?.read.status === 'checked' ? id : null;
  }

  private subordinatesOf(document: SessionDocument) {
    const related = (document.subordinateIds ?? []).map((id) => this.documents.get(id)).filter((other) => other?.read.status === 'checked');
    return related.length > 0 ? related.map((other) => ({ doc: checkedDoc(other!), file: other!.name })) : undefined;
  }

  private analyse(document: SessionDocument): void {
    if (document.read.status !== 'checked') {
      document.analysis = null;
      return;
    }
    const previous = document.previousId ? this.documents.get(document.previousId) : undefined;
    const { doc, findings } = checkReviewDocument(document.read.doc, {
      settings: this.checkSettings,
      corrections: correctionsOf(document.notes?.annotations),
      previous: previous ? { doc: checkedDoc(previous), file: previous.name } : undefined,
      subordinates: this.subordinatesOf(document),
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

function exportDocumentOf(document: SessionDocument): ExportDocument {
  const common = { file: document.path, fileType: document.fileType, findings: document.analysis?.findings ?? [] };
  if (document.read.status !== 'checked' || !document.analysis) {
    const error = document.read.status === 'unreadable' ? document.read.error : { code: 'INTERNAL', message: '未读取' };
    return { ...common, status: 'unreadable', report: null, organKind: null, error, annotations: null };
  }
  const warning = document.notes?.info.warning;
  const usable = document.notes && warning !== 'invalidSidecar' && warning !== 'newerVersion';
  const { doc } = document.analysis;
  return { ...common, status: 'checked', report: doc.report, organKind: doc.organKind, error: null, annotations: usable ? document.notes!.annotations : null };
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
