/**
 * What keeps the window a closed box: no navigation away from the renderer, no new windows or webviews, no
 * permissions, and no network request of any kind (only the app's own scheme, devtools, data: and blob:).
 * Under that, Chromium itself is told to stay off the network: no background services, no pings, no host
 * name resolves, no spellchecker (its Hunspell dictionaries come from Google's CDN), no WebRTC over UDP.
 * There is no autoUpdater and no crashReporter: nothing of the app ever phones home.
 */
import type { CommandLine, Session as ElectronSession, WebContents } from 'electron';
import { RENDERER_URL } from './app-protocol';

/**
 * Chromium switches, appended before the app is ready. `host-resolver-rules` maps every host name to
 * NOTFOUND: the app loads only app://, so a request that slipped past the request filter could not even
 * resolve its host.
 */
export const OFFLINE_SWITCHES: readonly (readonly [name: string, value?: string])[] = [
  ['disable-background-networking'],
  ['disable-component-update'],
  ['disable-domain-reliability'],
  ['no-pings'],
  ['host-resolver-rules', 'MAP * ~NOTFOUND'],
];

export function appendOfflineSwitches(commandLine: Pick<CommandLine, 'appendSwitch'>): void {
  for (const [name, value] of OFFLINE_SWITCHES) {
    if (value === undefined) commandLine.appendSwitch(name);
    else commandLine.appendSwitch(name, value);
  }
}

/** The session's spellchecker would download dictionaries; the window's `spellcheck: false` is not enough for other windows. */
export function disableSpellChecker(session: Pick<ElectronSession, 'setSpellCheckerEnabled'>): void {
  session.setSpellCheckerEnabled(false);
}

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
  // WebRTC may only use a proxy's UDP: no STUN traffic, no local addresses handed out (the app uses none of it).
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
}
