/**
 * What keeps the window a closed box: no navigation away from the renderer, no new windows or webviews, no
 * permissions, and no network request of any kind (only the app's own scheme, devtools, data: and blob:).
 */
import type { Session as ElectronSession, WebContents } from 'electron';
import { RENDERER_URL } from './app-protocol';

const ALLOWED_REQUEST_PROTOCOLS = new Set(['app:', 'devtools:', 'data:', 'blob:']);

export function isAllowedRequestUrl(url: string): boolean {
  try {
    return ALLOWED_REQUEST_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** Reloads of the renderer's page stay allowed; anything else is a navigation away. */
export function isAllowedNavigation(url: string): boolean {
  return url === RENDERER_URL || url.startsWith(`${RENDERER_URL}#`) || url.startsWith(`${RENDERER_URL}?`);
}

export function installRequestFilter(session: ElectronSession): void {
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    callback({ cancel: !isAllowedRequestUrl(details.url) });
  });
}

export function denyAllPermissions(session: ElectronSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
