/**
 * Review documents cached by the SHA-256 of the file they were read from, so reopening a folder of two hundred
 * reports reads again only the files that changed. Entries of another extraction version are ignored; a
 * damaged entry is treated as a miss (and overwritten), never trusted.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ReviewDocument } from '../../shared/model/review-document';
import { reportSchema } from '../../shared/model/report';
import { EXTRACTION_VERSION, VERSION } from '../../shared/version';

export class ResultCache {
  private readonly folder: string;

  constructor(cacheDir: string) {
    this.folder = join(cacheDir, `v${VERSION}-${EXTRACTION_VERSION}`);
  }

  async get(sha256: string): Promise<ReviewDocument | null> {
    try {
      const doc = JSON.parse(await readFile(this.pathOf(sha256), 'utf8')) as ReviewDocument;
      return reportSchema.safeParse(doc.report).success && typeof doc.cells === 'object' ? doc : null;
    } catch {
      return null;
    }
  }

  async put(sha256: string, doc: ReviewDocument): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    const path = this.pathOf(sha256);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(doc));
    await rename(temporary, path);
  }

  private pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('invalid cache key');
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
