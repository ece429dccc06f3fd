/**
 * The few file operations the sidecar store and the recent-files list need, behind an interface so tests can
 * simulate a read-only folder (tests run as root, where chmod does not stop writes).
 */
import { constants } from 'node:fs';
import { access, copyFile, mkdir, open, readFile, rename, unlink } from 'node:fs/promises';

export interface DurableFs {
  /** The file's text, or null when it does not exist. */
  readText(path: string): Promise<string | null>;
  /** Creates (or truncates) the file, writes the content and flushes it to disk before returning. */
  writeDurably(path: string, content: string | Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  mkdirs(path: string): Promise<void>;
  remove(path: string): Promise<void>;
  /** Flushes a folder's entries (a rename) to disk; best effort, not possible everywhere. */
  syncFolder(path: string): Promise<void>;
  canWriteFolder(path: string): Promise<boolean>;
}

export const nodeDurableFs: DurableFs = {
  async readText(path) {
    try {
      return await readFile(path, 'utf8');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null;
      throw error;
    }
  },
  async writeDurably(path, content) {
    const handle = await open(path, 'w', 0o644);
    try {
      await handle.writeFile(content);
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  copyFile: (from, to) => copyFile(from, to),
  mkdirs: async (path) => {
    await mkdir(path, { recursive: true });
  },
  remove: (path) => unlink(path),
  async syncFolder(path) {
    try {
      const handle = await open(path, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch {
      // Windows cannot open a folder for fsync; the rename is still atomic there.
    }
  },
  async canWriteFolder(path) {
    try {
      await access(path, constants.W_OK);
      return true;
    } catch {
      return false;
    }
  },
};

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

const PERMISSION_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

export function isPermissionError(error: unknown): boolean {
  return PERMISSION_CODES.has(errorCode(error) ?? '');
}
