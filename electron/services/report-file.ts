/**
 * Reading a report file from disk into the intermediate form: size checks, the file's SHA-256, and the reader
 * for its type (.docx directly, .doc through LibreOffice, .pdf through pdf.js).
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DocumentContent } from '../../shared/model/grid';
import { readDocx } from '../../shared/read/docx';
import { sniffKind } from '../../shared/read/docx/sniff';
import { ReadError } from '../../shared/read/errors';
import { convertDocToDocx } from './doc-convert';
import { readPdfFileWithOcr, type OcrReadOptions } from '../ocr/ocr-pdf';
import { readPdfFile } from './pdf-file';

/** Larger files are refused before being read: no report is anywhere near this. */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

export const REPORT_EXTENSIONS = ['.docx', '.doc', '.pdf'] as const;

export function isReportFileName(name: string): boolean {
  const lower = name.toLowerCase();
  if (/^~\$/.test(name.split(/[\\/]/).pop() ?? '')) return false;
  return (REPORT_EXTENSIONS as readonly string[]).includes(extname(lower));
}

export interface ReportFile {
  content: DocumentContent;
  sha256: string;
  size: number;
}

export interface ReadOptions {
  /** Pages of a PDF that have no text layer are read by OCR (asked for by the reviewer; never the default). */
  ocr?: OcrReadOptions | boolean;
}

export async function readReportFile(path: string, options: ReadOptions = {}): Promise<ReportFile> {
  const bytes = await readBytes(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const content = await readContent(path, bytes, options);
  return { content, sha256, size: bytes.byteLength };
}

async function readBytes(path: string): Promise<Uint8Array> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ReadError('FILE_UNREADABLE', '这不是一个文件');
    size = info.size;
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError((error as NodeJS.ErrnoException).code === 'ENOENT' ? 'FILE_NOT_FOUND' : 'FILE_UNREADABLE', undefined, { cause: error });
  }
  if (size === 0) throw new ReadError('EMPTY_FILE');
  if (size > MAX_FILE_BYTES) throw new ReadError('FILE_TOO_LARGE');
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    throw new ReadError('FILE_UNREADABLE', undefined, { cause: error });
  }
}

/** The intermediate form of a file's bytes, by its extension (.doc needs its path for LibreOffice). */
export async function readContent(path: string, bytes: Uint8Array, options: ReadOptions = {}): Promise<DocumentContent> {
  const extension = extname(path).toLowerCase();
  if (extension === '.docx') return readDocx(bytes);
  if (extension === '.pdf') return options.ocr ? readPdfFileWithOcr(bytes, options.ocr === true ? {} : options.ocr) : readPdfFile(bytes);
  if (extension === '.doc') {
    if (sniffKind(bytes) === 'zip') return { ...readDocx(bytes), format: 'doc' };
    return { ...readDocx(await convertDocToDocx(path)), format: 'doc' };
  }
  throw new ReadError('UNSUPPORTED_TYPE');
}
