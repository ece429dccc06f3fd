/** The one review window: sandboxed, isolated, no Node, showing app://renderer/index.html. */
import { BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { RENDERER_URL } from './app-protocol';

export function securePreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 920,
    minWidth: 960,
    minHeight: 600,
    title: '年报审核',
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: securePreferences(preloadPath),
  };
}

export function createMainWindow(preloadPath: string, hash = ''): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${RENDERER_URL}${hash}`);
  return window;
}
