/**
 * mammoth's HTML of a Word package held in memory. Linked pictures and other external files are never read:
 * `externalFileAccess: false` (mammoth's default, said again here), and mammoth is given bytes, never a path.
 * Runs on the original view's worker thread (original-worker.ts).
 */
import mammoth from 'mammoth';

export async function htmlOfPackage(bytes: Uint8Array): Promise<string> {
  const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) }, { externalFileAccess: false });
  return value;
}
