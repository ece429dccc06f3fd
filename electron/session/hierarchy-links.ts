/**
 * The reviewer's choice of a government report's subordinate organs' reports (HIERARCHY-SUM), remembered in
 * hierarchy.json of the data folder, keyed by the government report's path.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../files/atomic-write';
import { nodeDurableFs } from '../files/durable-fs';

const linksSchema = z.record(z.string(), z.array(z.string()));
type Links = z.infer<typeof linksSchema>;

export class HierarchyLinks {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly dataDir: string) {}

  get path(): string {
    return join(this.dataDir, 'hierarchy.json');
  }

  async load(governmentPath: string): Promise<string[]> {
    return (await this.readAll())[governmentPath] ?? [];
  }

  /** Saves one government's choice (an empty list forgets it); saves run one after the other. */
  save(governmentPath: string, subordinatePaths: string[]): Promise<void> {
    const next = this.queue.then(() => this.write(governmentPath, subordinatePaths));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async write(governmentPath: string, subordinatePaths: string[]): Promise<void> {
    const links = await this.readAll();
    if (subordinatePaths.length > 0) links[governmentPath] = subordinatePaths;
    else delete links[governmentPath];
    await nodeDurableFs.mkdirs(this.dataDir);
    await writeFileAtomic(nodeDurableFs, this.path, `${JSON.stringify(links, null, 2)}\n`);
  }

  private async readAll(): Promise<Links> {
    const text = await readFile(this.path, 'utf8').catch(() => null);
    if (text === null) return {};
    try {
      const parsed = linksSchema.safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : {};
    } catch {
      return {};
    }
  }
}
