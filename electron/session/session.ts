/**
 * The documents of the current session, by id: opened from files and folders, checked with the engine,
 * paired with last year's report among themselves, and re-checked with the reviewer's corrections.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import type { BatchProgress, BatchSheet, DocumentReview, DocumentSummary, OcrProgressView, Original } from '../../shared/api/contract';
import type { ExportDocument } from '../../shared/engine/export-rows';
import { ocrCounts } from '../../shared/engine/ocr-values';
import type { Annotations } from '../../shared/model/annotations';
import type { ReviewDocument } from '../../shared/model/review-document';
import { DEFAULT_APP_SETTINGS, checkSettingsOf, type AppSettings, type CheckSettings } from '../../shared/model/settings';
import { checkReviewDocument } from '../../shared/engine/check';
import type { Corrections } from '../../shared/engine/corrections';
import { findPreviousYearPairs } from '../../shared/engine/pairing';
import { READ_ERROR_MESSAGES } from '../../shared/read/errors';
import { AnnotationStore } from '../annotations/annotation-store';
import { ApiFailure, documentNotFound } from '../api/api-error';
import type { DocumentRead as FileRead } from '../batch/read-document';
import { checkFiles, readFiles, type FileResult } from '../services/check-files';
import { collectFiles } from '../services/collect-files';
import { MAX_FILE_BYTES } from '../services/report-file';
import { documentIdOf } from './document-id';
import { wordOriginal } from './original';
import { RecentFiles, type RecentFile } from './recent-files';
import { reviewOf, summaryOf } from './review-view';
import { sampleDir } from '../paths';
import { SettingsStore } from '../settings/settings-store';
import { ResultCache } from '../batch/result-cache';
import { BatchJournal, MAX_ATTEMPTS } from './batch-journal';
import { batchSheetOf } from './batch-sheet';
import { BatchTracker } from './batch-progress';
import { HierarchyLinks } from './hierarchy-links';
import { copySampleOnce } from './sample';
import { UNKNOWN_SHA256, fileTypeOf, type DocumentRead, type SessionDocument } from './session-document';

export interface SessionOptions {
  /** The app's data folder (recent files, sample copy, notes of documents in read-only folders). */
  dataDir: string;
  /** Fixed check settings (tests, CLI); without them the session reads settings.json of the data folder. */
  settings?: CheckSettings;
  settingsStore?: SettingsStore;
  /** Where the bundled sample report is. Default: build/sample of the repository. */
  sampleDir?: string;
  store?: AnnotationStore;
  recentFiles?: RecentFiles;
  /** Told of every file of a background batch once it is settled (from the cache, or read and cached). */
  onBatchFile?: (event: { batchId: string; path: string; cached: boolean; readable: boolean }) => void;
}

export interface StartedBatch {
  batchId: string;
  documents: DocumentSummary[];
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
  /** The batch started last: what a renderer that (re)loads shows the progress of. */
  private latestBatch: BatchTracker | null = null;
  private readonly journal: BatchJournal;
  /** Something the reviewer should be told about the last start (an unfinished batch that could not be resumed). */
  private notice: string | null = null;
  private readonly hierarchy: HierarchyLinks;
  /** OCR asked for by the reviewer, by document id. */
  private readonly ocrJobs = new Map<string, OcrProgressView>();

  constructor(private readonly options: SessionOptions) {
    this.store = options.store ?? new AnnotationStore({ dataDir: options.dataDir });
    this.recent = options.recentFiles ?? new RecentFiles(options.dataDir);
    this.settingsStore = options.settingsStore ?? new SettingsStore(options.dataDir);
    this.hierarchy = new HierarchyLinks(options.dataDir);
    this.journal = new BatchJournal(options.dataDir);
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
   * the session answers other calls meanwhile. Progress by `batchProgress`, cancel by `cancelBatch`. Until it
   * ends the batch is remembered in the data folder, so that a later start resumes it.
   */
  async startBatch(paths: string[]): Promise<StartedBatch> {
    await this.settingsLoaded;
    const absolute = paths.map((path) => resolve(path));
    const { files } = await collectFiles(absolute);
    void this.recent.add(absolute).catch(() => undefined);
    return this.launchBatch(absolute, unique(files), { attempts: 1, resumed: false });
  }

  /**
   * At start: the batches a previous run left unfinished (a crash, a kill, the app closed mid-batch) are
   * checked again as one batch, marked as resumed; the files already done come from the result cache.
   * Null when there is nothing to resume. Never throws for a bad record: it is set aside with a notice.
   */
  async resumeUnfinishedBatch(): Promise<StartedBatch | null> {
    await this.settingsLoaded;
    void new ResultCache(this.cacheDir).sweep().catch(() => undefined);
    const { batches, problem } = await this.journal.load();
    if (problem) this.warn(problem);
    const live = batches.filter((batch) => batch.attempts < MAX_ATTEMPTS);
    if (live.length < batches.length) this.warn(`上次未完成的批次已连续 ${MAX_ATTEMPTS} 次未能检查完毕，不再自动恢复；可重新打开该文件夹`);
    const files = (await Promise.all(unique(live.flatMap((batch) => batch.files)).map(async (file) => ((await isFile(file)) ? file : null)))).filter((file): file is string => file !== null);
    if (files.length === 0) {
      if (batches.length > 0) await this.journal.clear();
      return null;
    }
    const attempts = Math.max(...live.map((batch) => batch.attempts)) + 1;
    return this.launchBatch(unique(live.flatMap((batch) => batch.paths)), files, { attempts, resumed: true });
  }

  /** The latest batch's progress (null before the first), and what the reviewer should be told about the start. */
  currentBatch(): { batch: BatchProgress | null; notice: string | null } {
    return { batch: this.latestBatch?.progress() ?? null, notice: this.notice };
  }

  private async launchBatch(paths: string[], files: string[], run: { attempts: number; resumed: boolean }): Promise<StartedBatch> {
    const opened = files.map((file) => placeholder(file));
    for (const document of opened) this.documents.set(document.id, document);
    const pending = opened.filter((document) => document.read.status === 'pending');
    const batch = new BatchTracker(pending.length, Date.now, run.resumed);
    this.batches.set(batch.id, batch);
    this.latestBatch = batch;
    const entry = { id: batch.id, startedAt: new Date().toISOString(), paths, files: pending.map((document) => document.path), attempts: run.attempts };
    // A resumed batch takes the place of those it resumes; the record is written before any file is read.
    if (pending.length > 0) await (run.resumed ? this.journal.replaceAll(entry) : this.journal.add(entry));
    else if (run.resumed) await this.journal.clear();
    // A resumed batch that reads a file makes progress: it counts as a first attempt again.
    const progressed = run.attempts > 1 ? () => void this.journal.add({ ...entry, attempts: 1 }) : undefined;
    void this.runBatch(batch, opened, progressed)
      .catch((error: unknown) => this.failPending(pending, error))
      .then(() => this.journal.remove(batch.id))
      .finally(() => batch.finish());
    return { batchId: batch.id, documents: opened.map(summaryOf) };
  }

  private warn(message: string): void {
    console.warn(`[session] ${message}`);
    this.notice = message;
  }

  private get cacheDir(): string {
    return join(this.options.dataDir, 'cache');
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

  /** The batch summary sheet: every document of the session, with who reviews from the settings. */
  async batchSheet(): Promise<BatchSheet> {
    await this.settingsLoaded;
    return batchSheetOf([...this.documents.values()], { office: this.settings.office, reviewers: this.settings.reviewers });
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

  /**
   * Reads the document again with its pages without a text layer, and its tables pasted as pictures, read by
   * OCR, on a worker (its own, longer time limit), in the background; the document's values then carry the OCR
   * mark. Only PDFs.
   */
  startOcr(id: string): OcrProgressView {
    const document = this.require(id);
    const running = this.ocrJobs.get(id);
    if (running?.state === 'running') return running;
    if (document.fileType !== 'pdf' || document.read.status !== 'checked') {
      throw new ApiFailure('BAD_REQUEST', '只有已读取的 PDF 文件可以进行文字识别（OCR）', 400);
    }
    const job = ocrJob('running');
    this.ocrJobs.set(id, job);
    void this.runOcr(document, job).catch((error: unknown) => {
      Object.assign(job, { state: 'failed', message: `文字识别失败：${error instanceof Error ? error.message : String(error)}` });
    });
    return { ...job };
  }

  ocrProgress(id: string): OcrProgressView {
    this.require(id);
    const job = this.ocrJobs.get(id);
    return job ? { ...job } : ocrJob('idle');
  }

  private async runOcr(document: SessionDocument, job: OcrProgressView): Promise<void> {
    const [read] = await readFiles([document.path], {
      cacheDir: this.cacheDir,
      isolate: true,
      ocr: true,
      onOcrProgress: (_index, _file, progress) => Object.assign(job, { page: progress.page, cells: progress.cells, totalCells: progress.totalCells }),
    });
    if (!read.doc || !read.sha256) {
      Object.assign(job, { state: 'failed', message: `文字识别失败：${read.error?.message ?? '未读取'}` });
      return;
    }
    if (this.documents.get(document.id) !== document) return;
    const ocrValues = ocrCounts(read.doc.cells).total;
    await this.takeResult(document, { status: 'checked', doc: read.doc, sha256: read.sha256 });
    this.pairAndAnalyseAll([document]);
    Object.assign(job, {
      state: 'done',
      ocrValues,
      message: ocrValues > 0 ? null : '未能从扫描页面或表格图片中识别出统计表，请人工核对原件',
    });
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

  /**
   * One read pool for the whole batch; each document fills in as soon as its file is settled (read and cached,
   * or taken from the cache), paired with the session's other reports and checked. Files not started when the
   * batch is cancelled leave the session.
   */
  private async runBatch(batch: BatchTracker, opened: SessionDocument[], onFirstRead?: () => void): Promise<void> {
    for (const document of opened) if (document.read.status !== 'pending') await this.loadNotes(document);
    const pending = opened.filter((document) => document.read.status === 'pending');
    const byPath = new Map(pending.map((document) => [document.path, document]));
    let applied: Promise<void> = Promise.resolve();
    await readFiles(pending.map((document) => document.path), {
      cacheDir: this.cacheDir,
      isolate: true,
      ocr: this.settings.ocrScans,
      signal: batch.controller.signal,
      onProgress: (done, _total, file) => batch.advance(done, file ? basename(file) : ''),
      onFile: (path, { cached, read }) => {
        if (cached) batch.countCached();
        else if (onFirstRead) {
          onFirstRead();
          onFirstRead = undefined;
        }
        const document = byPath.get(path);
        if (document) applied = applied.then(() => this.settle(document, read)).catch((error: unknown) => console.error('[session]', path, error));
        this.options.onBatchFile?.({ batchId: batch.id, path, cached, readable: read.doc !== undefined });
      },
    });
    await applied;
    for (const document of pending) if (document.read.status === 'pending') this.forget(document);
  }

  /** A document of a batch whose file is settled: its reading taken, its notes loaded, paired and checked. */
  private async settle(document: SessionDocument, read: FileRead): Promise<void> {
    if (this.documents.get(document.id) !== document) return;
    await this.takeResult(document, read.doc && read.sha256 ? { status: 'checked', doc: read.doc, sha256: read.sha256 } : { status: 'unreadable', error: read.error ?? { code: 'INTERNAL', message: '未读取' } });
    await this.loadSubordinates([document]);
    this.pairAndAnalyseAll([document]);
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
    const results = await checkFiles(pending.map((document) => document.path), { settings: this.checkSettings, cacheDir: this.cacheDir, isolate: true, ocr: this.settings.ocrScans });
    for (const [i, result] of results.entries()) await this.takeResult(pending[i], result);
    for (const document of documents) if (!document.notes) await this.loadNotes(document);
  }

  private async takeResult(document: SessionDocument, result: FileResult | SettledRead): Promise<void> {
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

type SettledRead = { status: 'checked'; doc: ReviewDocument; sha256: string } | { status: 'unreadable'; error: { code: string; message: string } };

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

async function isFile(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isFile(), () => false);
}

async function hashIfReadable(path: string): Promise<string> {
  try {
    if ((await stat(path)).size > MAX_FILE_BYTES) return UNKNOWN_SHA256;
    return createHash('sha256').update(await readFile(path)).digest('hex');
  } catch {
    return UNKNOWN_SHA256;
  }
}

function ocrJob(state: 'idle' | 'running'): OcrProgressView {
  return { state, page: null, cells: 0, totalCells: 0, ocrValues: 0, message: null };
}
