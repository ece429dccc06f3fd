/** The main process and the preload against a mocked `electron` (its binary cannot run here). */
import { join } from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_PREFIX, API } from '../../shared/api/contract';
import { writeFileSync } from 'node:fs';
import { copyFixtures, corpusFile, tempDir } from './helpers/fixtures';

type Listener = (...args: unknown[]) => unknown;

function fakeWebContents() {
  const listeners = new Map<string, Listener[]>();
  return {
    listeners,
    on: vi.fn((event: string, listener: Listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener])),
    once: vi.fn(),
    emit: (event: string, ...args: unknown[]) => (listeners.get(event) ?? []).forEach((listener) => listener(...args)),
    setWindowOpenHandler: vi.fn(),
    setWebRTCIPHandlingPolicy: vi.fn(),
    send: vi.fn(),
    isLoading: () => false,
    executeJavaScript: vi.fn(async () => true),
  };
}

const electron = vi.hoisted(() => {
  const windows: { options: unknown; loadURL: ReturnType<typeof vi.fn>; webContents: unknown }[] = [];
  class BrowserWindow {
    webContents: unknown;
    loadURL = vi.fn(async () => undefined);
    once = vi.fn();
    on = vi.fn();
    focus = vi.fn();
    restore = vi.fn();
    destroy = vi.fn();
    isMinimized = () => false;
    isDestroyed = () => false;
    constructor(readonly options: unknown) {
      this.webContents = { send: vi.fn(), isLoading: () => false, once: vi.fn(), executeJavaScript: vi.fn(async () => true) };
      windows.push(this);
    }
  }
  const beforeRequest: { listener?: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void } = {};
  return {
    windows,
    beforeRequest,
    BrowserWindow,
    app: {
      requestSingleInstanceLock: vi.fn(() => true),
      quit: vi.fn(),
      on: vi.fn(),
      whenReady: vi.fn(() => Promise.resolve()),
      getPath: vi.fn(() => '/tmp'),
      setPath: vi.fn(),
      getAppPath: vi.fn(() => process.cwd()),
      commandLine: { appendSwitch: vi.fn() },
    },
    ipcMain: { handle: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: vi.fn((_filter: unknown, listener: typeof beforeRequest.listener) => (beforeRequest.listener = listener)) },
        setPermissionRequestHandler: vi.fn(),
        setPermissionCheckHandler: vi.fn(),
        setSpellCheckerEnabled: vi.fn(),
      },
    },
    Menu: { buildFromTemplate: vi.fn((template: unknown) => template), setApplicationMenu: vi.fn() },
    dialog: { showOpenDialog: vi.fn(), showErrorBox: vi.fn(), showMessageBox: vi.fn() },
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: 'answer' })), on: vi.fn(), removeListener: vi.fn() },
    webUtils: { getPathForFile: vi.fn(() => '/home/reviewer/报告.docx') },
  };
});

vi.mock('electron', () => ({ ...electron, default: electron }));

const flush = () => new Promise((resolve) => setTimeout(resolve, 100));

function listenerOf(mock: ReturnType<typeof vi.fn>, name: string): Listener {
  const call = mock.mock.calls.find(([event]) => event === name);
  if (!call) throw new Error(`no listener for ${name}`);
  return call[1] as Listener;
}

describe('main process', () => {
  beforeEach(() => {
    electron.app.getPath.mockReturnValue(tempDir('nianbao-userdata-'));
  });

  it('keeps its data in <appData>/nianbao-review, the command line\'s folder, set before taking the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const { startApp } = await import('../../electron/main/app');
    startApp();
    const appData = electron.app.getPath(); // the mock answers the same folder for every name, 'appData' included
    expect(electron.app.setPath).toHaveBeenCalledWith('userData', join(appData, 'nianbao-review'));
    expect(electron.app.setPath.mock.invocationCallOrder[0]).toBeLessThan(electron.app.requestSingleInstanceLock.mock.invocationCallOrder[0]);
  });

  it('quits when another instance holds the lock', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    const { startApp } = await import('../../electron/main/app');
    startApp();
    expect(electron.app.quit).toHaveBeenCalled();
    expect(electron.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  });

  describe('once ready', () => {
    beforeAll(async () => {
      electron.app.getPath.mockReturnValue(tempDir('nianbao-userdata-'));
      const { startApp } = await import('../../electron/main/app');
      startApp();
      await flush();
    });

    it('registers the app:// scheme as privileged and serves it', () => {
      expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
        { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
      ]);
      expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    });

    it('opens one sandboxed, isolated window without Node on app://renderer/', () => {
      expect(electron.windows).toHaveLength(1);
      const options = electron.windows[0].options as { webPreferences: Record<string, unknown> };
      expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, nodeIntegrationInWorker: false, webviewTag: false, webSecurity: true });
      expect(String(options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
      expect(electron.windows[0].loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    });

    it('sets the Chinese menu', () => {
      const template = electron.Menu.setApplicationMenu.mock.calls.at(-1)?.[0] as { label: string; submenu: { label?: string }[] }[];
      expect(template.map((menu) => menu.label)).toEqual(['文件', '视图', '帮助']);
      expect(template[0].submenu.map((item) => item.label).filter(Boolean)).toEqual(['打开文件…', '打开文件夹…', '最近打开', '打开示例报告', '打印审核意见单…', '打印批次汇总表…', '退出']);
      expect(template[1].submenu.map((item) => item.label).filter(Boolean)).toEqual(['放大', '缩小', '实际大小', '全屏']);
    });

    it('cancels every request that is not app:, devtools:, data: or blob:', () => {
      const verdict = (url: string) => {
        let cancel: boolean | undefined;
        electron.beforeRequest.listener!({ url }, (response) => (cancel = response.cancel));
        return cancel;
      };
      for (const url of ['https://example.com/', 'http://127.0.0.1:8080/', 'file:///etc/passwd', 'ws://localhost/', 'wss://example.com/', 'ftp://x/', 'chrome-extension://abc/x.js']) expect(verdict(url), url).toBe(true);
      for (const url of ['app://renderer/index.html', 'devtools://devtools/bundled/x.html', 'data:image/png;base64,AA', 'blob:app://renderer/1234']) expect(verdict(url), url).toBe(false);
      expect(electron.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    });

    it('keeps Chromium off the network: background services, pings, host names, spellchecker', () => {
      const switches = new Map(electron.app.commandLine.appendSwitch.mock.calls.map(([name, value]) => [name, value]));
      for (const name of ['disable-background-networking', 'disable-component-update', 'disable-domain-reliability', 'no-pings']) expect(switches.has(name), name).toBe(true);
      expect(switches.get('host-resolver-rules')).toBe('MAP * ~NOTFOUND');
      expect(electron.session.defaultSession.setSpellCheckerEnabled).toHaveBeenCalledWith(false);
      const options = electron.windows[0].options as { webPreferences: Record<string, unknown> };
      expect(options.webPreferences.spellcheck).toBe(false);
    });

    it('denies navigation, redirects, new windows and webviews', () => {
      const contents = fakeWebContents();
      listenerOf(electron.app.on, 'web-contents-created')({}, contents);
      const navigate = (event: string, url: string) => {
        const preventDefault = vi.fn();
        contents.emit(event, { preventDefault }, url);
        return preventDefault.mock.calls.length > 0;
      };
      expect(navigate('will-navigate', 'https://example.com/')).toBe(true);
      expect(navigate('will-navigate', 'file:///etc/passwd')).toBe(true);
      expect(navigate('will-navigate', 'app://document/abc')).toBe(true);
      expect(navigate('will-redirect', 'https://example.com/')).toBe(true);
      expect(navigate('will-navigate', 'app://renderer/index.html#/list')).toBe(false);
      expect(navigate('will-attach-webview', '')).toBe(true);
      const openHandler = contents.setWindowOpenHandler.mock.calls[0][0] as (details: { url: string }) => unknown;
      expect(openHandler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
      expect(contents.setWebRTCIPHandlingPolicy).toHaveBeenCalledWith('disable_non_proxied_udp');
    });

    it('handles every API method on nianbao:<method>, for the renderer top frame only', async () => {
      const channels = electron.ipcMain.handle.mock.calls.map(([channel]) => channel);
      expect(channels.sort()).toEqual(Object.keys(API).map((method) => `${IPC_CHANNEL_PREFIX}${method}`).sort());
      const listSession = listenerOf(electron.ipcMain.handle, 'nianbao:listSession');
      const from = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
      expect(await listSession(from('app://renderer/index.html#/list'), {})).toEqual({ ok: true, value: { documents: [] } });
      for (const event of [from('https://evil.example/'), from('file:///tmp/x.html'), from('app://document/x'), from('app://renderer/index.html', { url: 'app://renderer/' }), { senderFrame: null }]) {
        expect(await listSession(event, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    });

    it('validates IPC payloads with the contract', async () => {
      const getReview = listenerOf(electron.ipcMain.handle, 'nianbao:getReview');
      const sender = { senderFrame: { url: 'app://renderer/index.html', parent: null } };
      expect(await getReview(sender, { id: '../../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await getReview(sender, 'not an object')).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
      expect(await getReview(sender, { id: 'abcdef' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
      const openPaths = listenerOf(electron.ipcMain.handle, 'nianbao:openPaths');
      expect(await openPaths(sender, { paths: 'C:\\' })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    });

    it('listens for second launches', () => {
      expect(electron.app.on.mock.calls.map(([event]) => event)).toContain('second-instance');
    });

    it('opens several files of a second launch as a background batch and shows the dashboard', async () => {
      const files = copyFixtures([corpusFile('d19_docx.docx'), corpusFile('d22_docx.docx'), corpusFile('d15_docx.docx')]);
      listenerOf(electron.app.on, 'second-instance')({}, ['electron', ...files], '/');
      await flush();
      const contents = electron.windows[0].webContents as { send: ReturnType<typeof vi.fn>; executeJavaScript: ReturnType<typeof vi.fn> };
      expect(contents.send).toHaveBeenCalledWith('nianbao-event:session-changed', expect.any(Array));
      expect(contents.executeJavaScript).toHaveBeenLastCalledWith('location.hash = "#/list"');
      const currentBatch = listenerOf(electron.ipcMain.handle, 'nianbao:currentBatch');
      const answer = (await currentBatch({ senderFrame: { url: 'app://renderer/index.html', parent: null } }, {})) as { ok: true; value: { batch: { total: number } } };
      expect(answer.value.batch).toMatchObject({ total: 3 });
    });
  });
});

describe('main process over an unfinished batch', () => {
  it('resumes it at start and shows the dashboard', async () => {
    const userData = tempDir('nianbao-userdata-');
    const [file] = copyFixtures([corpusFile('d19_docx.docx')]);
    writeFileSync(join(userData, 'unfinished-batch.json'), JSON.stringify({ version: 1, batches: [{ id: 'left-over', startedAt: new Date().toISOString(), paths: [file], files: [file], attempts: 1 }] }));
    electron.app.getPath.mockReturnValue(userData);
    const before = electron.windows.length;
    const { startApp } = await import('../../electron/main/app');
    startApp();
    await flush();
    const contents = electron.windows[before].webContents as { send: ReturnType<typeof vi.fn>; executeJavaScript: ReturnType<typeof vi.fn> };
    expect(contents.send).toHaveBeenCalledWith('nianbao-event:session-changed', [expect.any(String)]);
    expect(contents.executeJavaScript).toHaveBeenCalledWith('location.hash = "#/list"');
  });
});

describe('preload', () => {
  it('exposes call, documentUrl and pathForFile on window.nianbao', async () => {
    await import('../../electron/preload/index');
    const [name, bridge] = electron.contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, (...args: unknown[]) => unknown>];
    expect(name).toBe('nianbao');
    expect(await bridge.call('getReview', { id: 'abc' })).toEqual({ ok: true, value: 'answer' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith(`${IPC_CHANNEL_PREFIX}getReview`, { id: 'abc' });
    expect(await bridge.call('../x', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(bridge.documentUrl('abc')).toBe('app://renderer/document/abc');
    expect(bridge.pathForFile({ name: '报告.docx' })).toBe('/home/reviewer/报告.docx');
  });
});
