/**
 * Replacing a small file so that a crash or a kill at any moment leaves either the old or the new content,
 * never a torn file: write a temporary file in the same folder, flush it, rename it over the target.
 */
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { DurableFs } from './durable-fs';

export interface AtomicWriteOptions {
  /** Keep the replaced content as this file (itself replaced atomically). */
  backupPath?: string;
}

export async function writeFileAtomic(fs: DurableFs, path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const folder = dirname(path);
  if (options.backupPath) await keepBackup(fs, path, options.backupPath);
  const temporary = temporaryPathBeside(path);
  try {
    await fs.writeDurably(temporary, content);
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.remove(temporary).catch(() => undefined);
    throw error;
  }
  await fs.syncFolder(folder);
}

/** Copy, then rename: the target itself stays in place, so there is no moment without it. */
async function keepBackup(fs: DurableFs, path: string, backupPath: string): Promise<void> {
  if ((await fs.readText(path)) === null) return;
  const temporary = temporaryPathBeside(backupPath);
  try {
    await fs.copyFile(path, temporary);
    await fs.rename(temporary, backupPath);
  } catch (error) {
    await fs.remove(temporary).catch(() => undefined);
    throw error;
  }
}

function temporaryPathBeside(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
