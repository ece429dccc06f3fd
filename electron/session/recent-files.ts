/** The files and folders the reviewer opened lately, newest first, kept as JSON in the data folder. */
import { basename, join, resolve } from 'node:path';
import { z } from 'zod';
import { recentFileSchema } from '../../shared/api/contract';
import { writeFileAtomic } from '../files/atomic-write';
import { nodeDurableFs, type DurableFs } from '../files/durable-fs';

export type RecentFile = z.infer<typeof recentFileSchema>;

export const MAX_RECENT_FILES = 20;

const recentFilesFileSchema = z.object({ files: z.array(recentFileSchema) });

export class RecentFiles {
  private readonly path: string;

  constructor(
    dataDir: string,
    private readonly fs: DurableFs = nodeDurableFs,
  ) {
    this.path = join(dataDir, 'recent-files.json');
  }

  /** An unreadable or invalid list counts as empty: it is only a convenience. */
  async list(): Promise<RecentFile[]> {
    try {
      const text = await this.fs.readText(this.path);
      if (text === null) return [];
      const parsed = recentFilesFileSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data.files.slice(0, MAX_RECENT_FILES) : [];
    } catch {
      return [];
    }
  }

  async add(paths: string[], now = new Date()): Promise<RecentFile[]> {
    const added = paths.map((path) => ({ path: resolve(path), name: basename(path), openedAt: now.toISOString() }));
    const addedPaths = new Set(added.map((file) => file.path));
    const kept = (await this.list()).filter((file) => !addedPaths.has(file.path));
    const files = [...added.reverse(), ...kept].slice(0, MAX_RECENT_FILES);
    await this.fs.mkdirs(join(this.path, '..'));
    await writeFileAtomic(this.fs, this.path, `${JSON.stringify({ files }, null, 2)}\n`);
    return files;
  }
}
