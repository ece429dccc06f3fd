/**
 * Checking a set of files as one run: each file read on its own (one bad file never stops the run), then the
 * rules, with last year's report of the same organ paired automatically from the files of the run (or given).
 */
import type { Finding } from '../../shared/model/finding';
import type { Report } from '../../shared/model/report';
import type { ReviewDocument } from '../../shared/model/review-document';
import type { CheckSettings } from '../../shared/model/settings';
import { checkReviewDocument, reviewContent } from '../../shared/engine/check';
import { findPreviousYearPairs } from '../../shared/engine/pairing';
import { READ_ERROR_MESSAGES, ReadError, type ReadErrorCode } from '../../shared/read/errors';
import { readReportFile } from './report-file';

export interface CheckedFile {
  file: string;
  status: 'checked';
  report: Report;
  findings: Finding[];
  doc: ReviewDocument;
  sha256: string;
  /** The file used as last year's report, if any. */
  previousFile?: string;
  /** Engine time for this file (reading, mapping, rules), in milliseconds. */
  millis: number;
}

export interface UnreadableFile {
  file: string;
  status: 'unreadable';
  error: { code: ReadErrorCode | 'INTERNAL'; message: string };
  findings: [];
  millis: number;
}

export type FileResult = CheckedFile | UnreadableFile;

export interface CheckFilesOptions {
  settings?: CheckSettings;
  /** A previous year's report given explicitly: used for every file of the run that has no pair of its own. */
  previousFile?: string;
  onProgress?: (done: number, total: number, file: string) => void;
}

interface ReadResult {
  file: string;
  doc?: ReviewDocument;
  sha256?: string;
  error?: UnreadableFile['error'];
  millis: number;
}

export async function checkFiles(files: string[], options: CheckFilesOptions = {}): Promise<FileResult[]> {
  const read: ReadResult[] = [];
  for (const [i, file] of files.entries()) {
    options.onProgress?.(i, files.length, file);
    read.push(await readOne(file));
  }
  options.onProgress?.(files.length, files.length, '');
  const given = options.previousFile ? await readOne(options.previousFile) : undefined;
  if (given?.error) throw new ReadError(given.error.code === 'INTERNAL' ? 'FILE_UNREADABLE' : given.error.code, `上一年度报告无法读取：${given.error.message}`);
  return checkAll(read, given, options.settings);
}

async function readOne(file: string): Promise<ReadResult> {
  const started = performance.now();
  try {
    const { content, sha256 } = await readReportFile(file);
    return { file, doc: reviewContent(content), sha256, millis: performance.now() - started };
  } catch (error) {
    return { file, error: describeError(error), millis: performance.now() - started };
  }
}

function describeError(error: unknown): UnreadableFile['error'] {
  if (error instanceof ReadError) return { code: error.code, message: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: `读取时发生内部错误：${detail}` };
}

function checkAll(read: ReadResult[], given: ReadResult | undefined, settings?: CheckSettings): FileResult[] {
  const readable = read.filter((r): r is ReadResult & { doc: ReviewDocument } => r.doc !== undefined);
  const pairs = findPreviousYearPairs(readable.map((r) => ({ file: r.file, doc: r.doc })));
  return read.map((result) => {
    if (!result.doc) return { file: result.file, status: 'unreadable', error: result.error!, findings: [], millis: result.millis };
    const index = readable.indexOf(result as ReadResult & { doc: ReviewDocument });
    const paired = pairs[index] >= 0 ? readable[pairs[index]] : given?.doc ? (given as ReadResult & { doc: ReviewDocument }) : undefined;
    const started = performance.now();
    const previous = paired ? { doc: paired.doc, file: paired.file } : undefined;
    const { doc, findings } = checkReviewDocument(result.doc, { settings, previous });
    return {
      file: result.file,
      status: 'checked',
      report: doc.report,
      findings,
      doc,
      sha256: result.sha256!,
      ...(paired ? { previousFile: paired.file } : {}),
      millis: result.millis + performance.now() - started,
    };
  });
}

export { READ_ERROR_MESSAGES };
