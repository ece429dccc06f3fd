/** Where the notes sheet saved as PDF goes: beside the document, or the data folder when that is read-only. */
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
