/**
 * The reviewer's notes of one document, kept in a sidecar `<file name>.review.json` beside it.
 *
 * - Saves are atomic (temporary file, fsync, rename) and keep the previous version as `.review.json.bak`.
 * - A sidecar that does not validate, or was written by a newer version of the app, is never overwritten:
 *   the reviewer starts from empty notes and saves go to `<file name>.review.<n>.json` beside it (to the data
 *   folder when the hundred numbered names are all taken by unusable files).
 * - Where the document's folder cannot be written, notes go to `<data folder>/annotations/`.
 * - Nothing read from a sidecar is used as a path.
 */
import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { annotationsInfoSchema } from '../../shared/api/contract';
import { ANNOTATIONS_VERSION, annotationsSchema, emptyAnnotations, type Annotations } from '../../shared/model/annotations';
import { writeFileAtomic } from '../files/atomic-write';
import { isPermissionError, nodeDurableFs, type DurableFs } from '../files/durable-fs';

export type AnnotationsInfo = z.infer<typeof annotationsInfoSchema>;
type Warning = NonNullable<AnnotationsInfo['warning']>;

export interface LoadedAnnotations {
  annotations: Annotations;
  info: AnnotationsInfo;
}

export interface AnnotatedDocument {
  /** The document's path on disk. */
  path: string;
  /** SHA-256 of the document's current bytes. */
  sha256: string;
}

export interface AnnotationStoreOptions {
  /** The app's data folder; notes of documents in read-only folders go to its `annotations/`. */
  dataDir: string;
  fs?: DurableFs;
  now?: () => Date;
}

type SidecarRead =
  | { state: 'missing' }
  | { state: 'valid'; annotations: Annotations }
  | { state: 'invalid' }
  | { state: 'newer' };

/** Where notes are read from and written to, before the fallback for read-only folders. */
interface SidecarPlan {
  /** The sidecar beside the document that saves go to (the usual one, or a numbered one); null when none is usable. */
  besidePath: string | null;
  /** Notes found beside the document, if any. */
  found: Annotations | null;
  /** The usual sidecar exists but must not be touched. */
  blocked: Extract<Warning, 'invalidSidecar' | 'newerVersion'> | null;
}

const MAX_NUMBERED_SIDECARS = 100;

export class AnnotationStore {
  private readonly fs: DurableFs;
  private readonly now: () => Date;

  constructor(private readonly options: AnnotationStoreOptions) {
    this.fs = options.fs ?? nodeDurableFs;
    this.now = options.now ?? (() => new Date());
  }

  static sidecarPath(documentPath: string): string {
    return `${resolve(documentPath)}.review.json`;
  }

  fallbackPath(documentPath: string): string {
    const key = createHash('sha256').update(resolve(documentPath)).digest('hex');
    return join(this.options.dataDir, 'annotations', `${key}.review.json`);
  }

  async load(document: AnnotatedDocument): Promise<LoadedAnnotations> {
    const plan = await this.plan(document.path);
    const fallback = await this.read(this.fallbackPath(document.path));
    const fallbackNotes = fallback.state === 'valid' ? fallback.annotations : null;
    const useFallback = fallbackNotes !== null && (plan.found === null || fallbackNotes.updatedAt > plan.found.updatedAt);
    const stored = useFallback ? fallbackNotes : plan.found;
    const annotations = stored ?? emptyAnnotations(basename(document.path), document.sha256, this.now().toISOString());
    const folderWritable = await this.fs.canWriteFolder(dirname(resolve(document.path)));
    const inFallback = useFallback || plan.besidePath === null || (stored === null && !folderWritable);
    const path = inFallback || plan.besidePath === null ? this.fallbackPath(document.path) : plan.besidePath;
    const changed = stored !== null && stored.documentSha256 !== document.sha256;
    return { annotations, info: describe(path, inFallback, plan.blocked ?? (changed ? 'documentChanged' : null)) };
  }

  /** Saves the notes for the document as it is now; returns what a load would return afterwards. */
  async save(document: AnnotatedDocument, notes: Annotations): Promise<LoadedAnnotations> {
    const annotations = annotationsSchema.parse({
      ...notes,
      version: ANNOTATIONS_VERSION,
      fileName: basename(document.path),
      documentSha256: document.sha256,
      updatedAt: this.now().toISOString(),
    });
    const plan = await this.plan(document.path);
    const text = `${JSON.stringify(annotations, null, 2)}\n`;
    if (plan.besidePath !== null) {
      try {
        await writeFileAtomic(this.fs, plan.besidePath, text, { backupPath: `${plan.besidePath}.bak` });
        return { annotations, info: describe(plan.besidePath, false, plan.blocked) };
      } catch (error) {
        if (!isPermissionError(error)) throw error;
      }
    }
    const fallbackPath = this.fallbackPath(document.path);
    await this.fs.mkdirs(dirname(fallbackPath));
    await writeFileAtomic(this.fs, fallbackPath, text, { backupPath: `${fallbackPath}.bak` });
    return { annotations, info: describe(fallbackPath, true, plan.blocked) };
  }

  private async plan(documentPath: string): Promise<SidecarPlan> {
    const usual = AnnotationStore.sidecarPath(documentPath);
    const read = await this.read(usual);
    if (read.state === 'missing') return { besidePath: usual, found: null, blocked: null };
    if (read.state === 'valid') return { besidePath: usual, found: read.annotations, blocked: null };
    const blocked = read.state === 'newer' ? 'newerVersion' : 'invalidSidecar';
    return { ...(await this.planNumbered(documentPath)), blocked };
  }

  /** The last numbered sidecar that validates (saves continue there), the first free number, or none at all. */
  private async planNumbered(documentPath: string): Promise<Omit<SidecarPlan, 'blocked'>> {
    let latest: { path: string; annotations: Annotations } | null = null;
    for (let n = 1; n <= MAX_NUMBERED_SIDECARS; n++) {
      const path = numberedSidecarPath(documentPath, n);
      const read = await this.read(path);
      if (read.state === 'missing') return latest ? { besidePath: latest.path, found: latest.annotations } : { besidePath: path, found: null };
      if (read.state === 'valid') latest = { path, annotations: read.annotations };
    }
    if (latest) return { besidePath: latest.path, found: latest.annotations };
    return { besidePath: null, found: null };
  }

  private async read(path: string): Promise<SidecarRead> {
    let text: string | null;
    try {
      text = await this.fs.readText(path);
    } catch {
      return { state: 'invalid' };
    }
    if (text === null) return { state: 'missing' };
    return parseSidecar(text);
  }
}

export function numberedSidecarPath(documentPath: string, n: number): string {
  return `${resolve(documentPath)}.review.${n}.json`;
}

export function parseSidecar(text: string): SidecarRead {
  let json: unknown;
  try {
    // A byte-order mark (left by an editor on Windows) is not part of the notes.
    json = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { state: 'invalid' };
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > ANNOTATIONS_VERSION) return { state: 'newer' };
  const parsed = annotationsSchema.safeParse(json);
  return parsed.success ? { state: 'valid', annotations: parsed.data } : { state: 'invalid' };
}

function describe(path: string, fallback: boolean, warning: Warning | null): AnnotationsInfo {
  return { path, fallback, warning, message: messageFor(path, fallback, warning) };
}

function messageFor(path: string, fallback: boolean, warning: Warning | null): string | null {
  const where = `审核记录将保存到：${path}`;
  if (warning === 'invalidSidecar') return `原审核记录文件已损坏或格式不符，未作任何改动。${where}`;
  if (warning === 'newerVersion') return `原审核记录文件由更新版本的年报审核生成，本版本无法读取，未作任何改动。${where}`;
  if (warning === 'documentChanged') return '文档在上次审核后已被修改：原有的审核意见已保留，请逐条核对。';
  if (fallback) return `文档所在文件夹不可写入，${where}`;
  return null;
}
