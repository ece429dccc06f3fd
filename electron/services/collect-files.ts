/** The files a run covers: files as given, folders walked recursively for .docx/.doc/.pdf. */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isReportFileName } from './report-file';

export interface CollectedFiles {
  /** Report files to check, in a stable order (folders sorted by name). */
  files: string[];
  /** Files inside the given folders that are not reports (other types, Word lock files). */
  skipped: string[];
}

export async function collectFiles(paths: string[]): Promise<CollectedFiles> {
  const collected: CollectedFiles = { files: [], skipped: [] };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path, collected);
    else collected.files.push(path);
  }
  return collected;
}

async function walk(folder: string, collected: CollectedFiles): Promise<void> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  entries.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith('.')) await walk(path, collected);
    } else if (entry.isFile()) {
      (isReportFileName(entry.name) ? collected.files : collected.skipped).push(path);
    }
  }
}
