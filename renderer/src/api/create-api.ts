import type { ReviewApi } from '../../../shared/api/contract';
import { electronBridge } from './bridge';
import { createHttpApi, resolveToken } from './http-transport';
import { createIpcApi } from './ipc-transport';

export type TransportKind = 'ipc' | 'http';

export interface ApiClient {
  api: ReviewApi;
  transport: TransportKind;
}

function sessionStore(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/** IPC when the Electron preload is there, otherwise the HTTP bridge. */
export function createApiClient(): ApiClient {
  const bridge = electronBridge();
  if (bridge) return { api: createIpcApi(bridge), transport: 'ipc' };
  return { api: createHttpApi(resolveToken(window.location.search, sessionStore())), transport: 'http' };
}
