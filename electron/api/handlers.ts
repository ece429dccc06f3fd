/**
 * One handler per API method, against the session. Both transports (IPC and the HTTP bridge) go through
 * `callApi`, which validates the request and the response with the contract's schemas and turns every error
 * into {code, message} with a Chinese message.
 */
import { API, type ApiError, type ApiMethod, type ApiRequest, type ApiResponse } from '../../shared/api/contract';
import { basename, join } from 'node:path';
import { exportFileName, writeSessionExport, type ExportFormat } from '../export/export-session';
import type { Session } from '../session/session';
import { ApiFailure, documentNotFound } from './api-error';

/** What differs between Electron and the browser bridge: native dialogs and printing. */
export interface Platform {
  /** Paths the reviewer picked in a native dialog (empty when cancelled). */
  pickPaths(folder: boolean): Promise<string[]>;
  /** Prints the notes sheet, or saves it as PDF and returns the PDF's path. */
  printSheet(id: string, mode: 'print' | 'pdf'): Promise<string | null>;
  /** Prints the batch summary sheet, or saves it as PDF (null when printed or cancelled). Default: the page prints itself. */
  printBatchSheet?(mode: 'print' | 'pdf'): Promise<string | null>;
  /** Where to write an export (a save dialog); null when cancelled. Default: exports/ of the data folder. */
  chooseExportPath?(defaultName: string): Promise<string | null>;
  /** The route from which a browser downloads an export written in the data folder (HTTP bridge). */
  exportDownloadRoute?(fileName: string): string;
}

/** Exports written without a dialog go here (and only from here does the bridge offer downloads). */
export function exportsDir(dataDir: string): string {
  return join(dataDir, 'exports');
}

export type Handlers = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

export type ApiOutcome = { ok: true; value: unknown } | { ok: false; error: ApiError; status: number };

export function createHandlers(session: Session, platform: Platform): Handlers {
  return {
    listSession: async () => ({ documents: session.list() }),
    openPaths: async ({ paths }) => ({ documents: await session.openPaths(paths) }),
    pickFiles: async ({ folder }) => {
      const paths = await platform.pickPaths(folder);
      return { documents: paths.length > 0 ? await session.openPaths(paths) : [] };
    },
    openSample: async () => ({ document: await session.openSample() }),
    recentFiles: async () => ({ files: await session.recentFiles() }),
    getReview: ({ id }) => session.getReview(id),
    getOriginal: ({ id }) => session.getOriginal(id),
    saveAnnotations: ({ id, annotations }) => session.saveAnnotations(id, annotations),
    printSheet: async ({ id, mode }) => {
      if (!session.has(id)) throw documentNotFound();
      return { pdfPath: await platform.printSheet(id, mode) };
    },
    batchSheet: () => session.batchSheet(),
    printBatchSheet: async ({ mode }) => {
      if (session.list().length === 0) throw new ApiFailure('NOTHING_TO_PRINT', '没有可打印的报告：请先打开并检查报告', 400);
      return { pdfPath: platform.printBatchSheet ? await platform.printBatchSheet(mode) : null };
    },
    pickPaths: async ({ folder }) => ({ paths: await platform.pickPaths(folder) }),
    startBatch: ({ paths }) => session.startBatch(paths),
    batchProgress: async ({ batchId }) => session.batchProgress(batchId),
    cancelBatch: async ({ batchId }) => session.cancelBatch(batchId),
    currentBatch: async () => session.currentBatch(),
    exportWorkbook: ({ format }) => exportWorkbook(session, platform, format),
    getSettings: () => session.getSettings(),
    saveSettings: ({ settings }) => session.saveSettings(settings),
    setSubordinates: async ({ id, subordinateIds }) => ({ document: await session.setSubordinates(id, subordinateIds) }),
    setPrevious: async ({ id, previousId }) => ({ document: session.setPrevious(id, previousId) }),
    startOcr: async ({ id }) => session.startOcr(id),
    ocrProgress: async ({ id }) => session.ocrProgress(id),
  };
}

async function exportWorkbook(session: Session, platform: Platform, format: ExportFormat): Promise<ApiResponse<'exportWorkbook'>> {
  const documents = session.exportDocuments();
  if (documents.length === 0) throw new ApiFailure('NOTHING_TO_EXPORT', '没有可导出的报告：请先打开并检查报告', 400);
  const name = exportFileName(format);
  const target = platform.chooseExportPath ? await platform.chooseExportPath(name) : join(exportsDir(session.dataDir), name);
  if (!target) return { path: null, paths: [], downloadUrl: null };
  try {
    const { settings } = await session.getSettings();
    const paths = await writeSessionExport(documents, target, format, { office: settings.office, reviewers: settings.reviewers, exportedAt: new Date() });
    const downloadUrl = platform.exportDownloadRoute ? platform.exportDownloadRoute(basename(paths[0])) : null;
    return { path: paths[0], paths, downloadUrl };
  } catch (error) {
    throw new ApiFailure('EXPORT_FAILED', `导出失败：${error instanceof Error ? error.message : String(error)}`, 500);
  }
}

export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(API, name);
}

export async function callApi(handlers: Handlers, method: string, request: unknown): Promise<ApiOutcome> {
  try {
    return { ok: true, value: await callValidated(handlers, method, request) };
  } catch (error) {
    const failure = toFailure(error, method);
    return { ok: false, error: failure.toJSON(), status: failure.status };
  }
}

async function callValidated(handlers: Handlers, method: string, request: unknown): Promise<unknown> {
  if (!isApiMethod(method)) throw new ApiFailure('UNKNOWN_METHOD', `未知的接口方法：${method.slice(0, 64)}`, 404);
  const parsedRequest = API[method].request.safeParse(request);
  if (!parsedRequest.success) throw new ApiFailure('BAD_REQUEST', `请求参数无效（${method}）：${firstIssue(parsedRequest.error.issues)}`, 400);
  const handler = handlers[method] as (request: unknown) => Promise<unknown>;
  const response = await handler(parsedRequest.data);
  const parsedResponse = API[method].response.safeParse(response);
  if (!parsedResponse.success) {
    console.error(`[api] ${method}: response does not match the contract`, parsedResponse.error.issues.slice(0, 5));
    throw new ApiFailure('BAD_RESPONSE', `内部错误：返回的数据不符合接口约定（${method}）`, 500);
  }
  return parsedResponse.data;
}

function firstIssue(issues: { path: PropertyKey[]; message: string }[]): string {
  const issue = issues[0];
  if (!issue) return '格式不符';
  const path = issue.path.map(String).join('.');
  return path ? `${path}：${issue.message}` : issue.message;
}

function toFailure(error: unknown, method: string): ApiFailure {
  if (error instanceof ApiFailure) return error;
  console.error(`[api] ${method} failed`, error);
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiFailure('INTERNAL', `处理请求时发生内部错误：${detail}`, 500);
}
