/**
 * Where the sheets saved as PDF go: the notes sheet beside the document (or the data folder when that is
 * read-only), the batch summary sheet where the reviewer chose. Written atomically.
 */
import { basename, dirname, extname, join } from 'node:path';
import { writeFileAtomic } from './atomic-write';
import { isPermissionError, nodeDurableFs, type DurableFs } from './durable-fs';

export function sheetPdfName(documentPath: string): string {
  const name = basename(documentPath);
  return `${name.slice(0, name.length - extname(name).length)}.审核意见.pdf`;
}

export async function saveSheetPdf(documentPath: string, pdf: Uint8Array, dataDir: string, fs: DurableFs = nodeDurableFs): Promise<string> {
  const beside = join(dirname(documentPath), sheetPdfName(documentPath));
  try {
    await writeFileAtomic(fs, beside, pdf);
    return beside;
  } catch (error) {
    if (!isPermissionError(error)) throw error;
  }
  const folder = join(dataDir, 'sheets');
  await fs.mkdirs(folder);
  const fallback = join(folder, sheetPdfName(documentPath));
  await writeFileAtomic(fs, fallback, pdf);
  return fallback;
}

/** E.g. 批次汇总表-20240131-153000.pdf. */
export function batchSheetPdfName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `批次汇总表-${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}.pdf`;
}

export async function saveBatchSheetPdf(target: string, pdf: Uint8Array, fs: DurableFs = nodeDurableFs): Promise<string> {
  await fs.mkdirs(dirname(target));
  await writeFileAtomic(fs, target, pdf);
  return target;
}
