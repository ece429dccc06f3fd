/**
 * The batches still being checked, remembered in the data folder (unfinished-batch.json) so that after a crash,
 * a kill or closing the app mid-batch the next start resumes them: which paths the reviewer opened and which
 * files they held. Written atomically when a batch starts and when it ends; read with zod. A file that is not
 * valid is set aside with a warning (never a crash), and a batch resumed again and again without reading a single
 * further file is dropped, so a file that brings the app down cannot do so at every start.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write';
import { nodeDurableFs, type DurableFs } from '../files/durable-fs';

export const JOURNAL_FILE = 'unfinished-batch.json';
/** A batch started this many times in a row without reading a file is not resumed again. */
export const MAX_ATTEMPTS = 3;
/** A temporary file older than this is left from a write that never finished, not one in progress. */
const STALE_TEMPORARY_MS = 10 * 60 * 1000;

const journalBatchSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  startedAt: z.string(),
  /** What the reviewer opened (files and folders). */
  paths: z.array(z.string().min(1)).max(10_000),
  /** The report files the batch covers, in order. */
  files: z.array(z.string().min(1)).max(100_000),
  /** How many times the batch has been started since it last read a file (1 for the first run). */
  attempts: z.number().int().min(1),
});

const journalSchema = z.object({
  version: z.literal(1),
  batches: z.array(journalBatchSchema),
});

export type JournalBatch = z.infer<typeof journalBatchSchema>;

export interface LoadedJournal {
  batches: JournalBatch[];
  /** Why the file was not used (it exists but is not valid), in Chinese; null when fine or absent. */
  problem: string | null;
}

export class BatchJournal {
  /** Writes one after the other, each from the latest state. */
  private queue: Promise<void> = Promise.resolve();
  private batches: JournalBatch[] = [];

  constructor(
    private readonly dataDir: string,
    private readonly fs: DurableFs = nodeDurableFs,
  ) {}

  get path(): string {
    return join(this.dataDir, JOURNAL_FILE);
  }

  /**
   * Reads the file; an invalid one is renamed to `.invalid` (kept for inspection) and reported, not thrown.
   * Temporary files of writes a kill cut short are removed.
   */
  async load(): Promise<LoadedJournal> {
    await this.sweepTemporaries();
    const text = await readFile(this.path, 'utf8').catch(() => null);
    if (text === null) return { batches: [], problem: null };
    const parsed = parseJournal(text);
    if (parsed.problem) await this.fs.rename(this.path, `${this.path}.invalid`).catch(() => undefined);
    this.batches = parsed.batches;
    return parsed;
  }

  /** Remembers a batch that starts (or starts again). */
  add(batch: JournalBatch): Promise<void> {
    return this.update(() => [...this.batches.filter((other) => other.id !== batch.id), batch]);
  }

  /** Forgets a batch that finished or was cancelled. */
  remove(id: string): Promise<void> {
    return this.update(() => this.batches.filter((batch) => batch.id !== id));
  }

  /** The batches resumed, replaced at once by the one batch that resumes them (no moment without a record). */
  replaceAll(batch: JournalBatch): Promise<void> {
    return this.update(() => [batch]);
  }

  /** Forgets every batch (they were resumed under a new id, or given up). */
  clear(): Promise<void> {
    return this.update(() => []);
  }

  private async sweepTemporaries(now = Date.now()): Promise<void> {
    const prefix = `.${JOURNAL_FILE}.`;
    for (const name of await readdir(this.dataDir).catch(() => [] as string[])) {
      if (!name.startsWith(prefix) || !name.endsWith('.tmp')) continue;
      const path = join(this.dataDir, name);
      const info = await stat(path).catch(() => null);
      if (info && now - info.mtimeMs > STALE_TEMPORARY_MS) await this.fs.remove(path).catch(() => undefined);
    }
  }

  private update(change: () => JournalBatch[]): Promise<void> {
    const next = this.queue.then(async () => {
      this.batches = change();
      await this.write();
    });
    this.queue = next.catch((error: unknown) => console.error(`[batch-journal] ${error instanceof Error ? error.message : String(error)}`));
    return this.queue;
  }

  private async write(): Promise<void> {
    if (this.batches.length === 0) {
      await this.fs.remove(this.path).catch(() => undefined);
      return;
    }
    await this.fs.mkdirs(this.dataDir);
    await writeFileAtomic(this.fs, this.path, `${JSON.stringify({ version: 1, batches: this.batches }, null, 1)}\n`);
  }
}

export function parseJournal(text: string): LoadedJournal {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { batches: [], problem: '上次未完成批次的记录文件已损坏（不是有效的 JSON），已忽略' };
  }
  const parsed = journalSchema.safeParse(json);
  if (!parsed.success) return { batches: [], problem: `上次未完成批次的记录文件内容无效（${parsed.error.issues[0]?.message ?? '格式不符'}），已忽略` };
  return { batches: parsed.data.batches, problem: null };
}
