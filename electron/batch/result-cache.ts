/**
 * Review documents cached by the SHA-256 of the file they were read from, so reopening a folder of two hundred
 * reports (or resuming a batch cut short) reads again only the files that changed. Entries of another
 * extraction version are ignored. Each entry is written on its own as its file finishes, to a temporary file
 * renamed over the entry, so a kill at any moment leaves the old entry, the new one or none — never a torn one;
 * and an entry that is damaged anyway (a disk error, an edit by hand) is treated as a miss and overwritten,
 * never trusted.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ReviewDocument } from '../../shared/model/review-document';
import { reportSchema } from '../../shared/model/report';
import { EXTRACTION_VERSION, VERSION } from '../../shared/version';

const SHA256 = /^[0-9a-f]{64}$/;
/** Temporary files of a write that never finished (the process was killed) are removed after this long. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

/**
 * What an entry must look like to be used: the key it was written under, and the parts of the review
 * document every view and rule reads (the report itself in full).
 */
const entrySchema = z.object({
  sha256: z.string().regex(SHA256),
  doc: z
    .object({
      report: reportSchema,
      sourceFormat: z.string(),
      cells: z.record(z.string(), z.object({ id: z.string(), status: z.string() }).passthrough()),
      labels: z.array(z.unknown()),
      layoutNotes: z.array(z.unknown()),
      oldFormatMarkers: z.array(z.unknown()),
      tables: z.record(z.string(), z.object({ status: z.string(), grids: z.array(z.number()) }).passthrough()),
      sections: z.record(z.string(), z.unknown()),
      paragraphs: z.array(z.unknown()),
      organKind: z.enum(['department', 'government', 'township', 'other']),
    })
    .passthrough(),
});

export class ResultCache {
  private readonly folder: string;

  /** `variant` 'ocr': documents read with OCR of scanned pages, kept apart from those read without. */
  constructor(cacheDir: string, variant?: 'ocr') {
    this.folder = join(cacheDir, `v${VERSION}-${EXTRACTION_VERSION}${variant ? `-${variant}` : ''}`);
  }

  /** The cached review document of the file with this hash; null for a miss or an entry that is not sound. */
  async get(sha256: string): Promise<ReviewDocument | null> {
    try {
      const parsed = entrySchema.safeParse(JSON.parse(await readFile(this.pathOf(sha256), 'utf8')));
      if (!parsed.success || parsed.data.sha256 !== sha256) return null;
      return parsed.data.doc as unknown as ReviewDocument;
    } catch {
      return null;
    }
  }

  /** Writes the entry atomically: a temporary file of its own, renamed over the entry. */
  async put(sha256: string, doc: ReviewDocument): Promise<void> {
    const path = this.pathOf(sha256);
    await mkdir(this.folder, { recursive: true });
    const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, JSON.stringify({ sha256, doc }));
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
  }

  /** Removes temporary files left by writes a kill cut short (those old enough not to be another run's). */
  async sweep(now = Date.now()): Promise<number> {
    const names = await readdir(this.folder).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((entry) => entry.endsWith('.tmp'))) {
      const path = join(this.folder, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > STALE_TEMPORARY_MS && (await unlink(path).then(() => true, () => false))) removed++;
    }
    return removed;
  }

  get directory(): string {
    return this.folder;
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new Error('invalid cache key');
    return join(this.folder, `${sha256}.json`);
  }
}

/** SHA-256 of a file, streamed; null when it cannot be read (the reader then says why). */
export function hashFile(path: string): Promise<string | null> {
  return new Promise((resolve) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', () => resolve(null));
  });
}
