/**
 * One handler per API method, against the session. Both transports (IPC and the HTTP bridge) go through
 * `callApi`, which validates the request and the response with the contract's schemas and turns every error
 * into {code, message} with a Chinese message.
 */
import { API, type ApiError, type ApiMethod, type ApiRequest, type ApiResponse } from '../../shared/api/contract';
import type { Session } from '../session/session';
import { ApiFailure, documentNotFound } from './api-error';

/** What differs between Electron and the browser bridge: native dialogs and printing. */
export interface Platform {
  /** Paths the reviewer picked in a native dialog (empty when cancelled). */
  pickPaths(folder: boolean): Promise<string[]>;
  /** Prints the notes sheet, or saves it as PDF and returns the PDF's path. */
  printSheet(id: string, mode: 'print' | 'pdf'): Promise<string | null>;
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
  };
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
