/**
 * IPC: one `ipcMain.handle` per API method on `nianbao:<method>`. Only the renderer's own top frame
 * (app://renderer/) is answered; the payload is validated with the contract's schemas by `callApi`.
 * Results travel as {ok: true, value} or {ok: false, error: {code, message}}.
 */
import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron';
import { API, IPC_CHANNEL_PREFIX, type ApiError, type ApiMethod } from '../../shared/api/contract';
import { callApi, type Handlers } from '../api/handlers';
import { isRendererUrl } from './app-protocol';

export type IpcEnvelope = { ok: true; value: unknown } | { ok: false; error: ApiError };

export const FORBIDDEN_SENDER: ApiError = { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自本应用的界面' };

export function isTrustedSender(frame: Pick<WebFrameMain, 'url' | 'parent'> | null | undefined): boolean {
  return !!frame && frame.parent === null && isRendererUrl(frame.url);
}

export function registerIpcHandlers(ipcMain: Pick<IpcMain, 'handle'>, handlers: Handlers): string[] {
  const methods = Object.keys(API) as ApiMethod[];
  for (const method of methods) {
    ipcMain.handle(`${IPC_CHANNEL_PREFIX}${method}`, (event: IpcMainInvokeEvent, request: unknown) => answer(handlers, method, event, request));
  }
  return methods.map((method) => `${IPC_CHANNEL_PREFIX}${method}`);
}

async function answer(handlers: Handlers, method: ApiMethod, event: IpcMainInvokeEvent, request: unknown): Promise<IpcEnvelope> {
  if (!isTrustedSender(event.senderFrame)) return { ok: false, error: FORBIDDEN_SENDER };
  const outcome = await callApi(handlers, method, request);
  return outcome.ok ? { ok: true, value: outcome.value } : { ok: false, error: outcome.error };
}
