/**
 * The preload of the review window (sandboxed, so built as CommonJS and importing nothing but electron):
 * `window.nianbao` forwards API calls to the main side, which validates everything again.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';

/** IPC_CHANNEL_PREFIX of shared/api/contract.ts (not imported: the preload bundle stays free of zod). */
const CHANNEL_PREFIX = 'nianbao:';
const SESSION_CHANGED = 'nianbao-event:session-changed';

contextBridge.exposeInMainWorld('nianbao', {
  call(method: string, request: unknown): Promise<unknown> {
    if (typeof method !== 'string' || !/^[A-Za-z]{1,64}$/.test(method)) {
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: '未知的接口方法' } });
    }
    return ipcRenderer.invoke(`${CHANNEL_PREFIX}${method}`, request);
  },
  documentUrl(id: string): string {
    return `app://renderer/document/${encodeURIComponent(id)}`;
  },
  pathForFile(file: File): string {
    return webUtils.getPathForFile(file);
  },
  /** The main side opened documents on its own (menu, "open with", a second launch). */
  onSessionChanged(callback: (documentIds: string[]) => void): () => void {
    const listener = (_event: unknown, ids: unknown) => {
      if (Array.isArray(ids)) callback(ids.filter((id): id is string => typeof id === 'string'));
    };
    ipcRenderer.on(SESSION_CHANGED, listener);
    return () => ipcRenderer.removeListener(SESSION_CHANGED, listener);
  },
});
