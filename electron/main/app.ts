/**
 * The main process: one window on app://renderer/, the API over IPC against one Session, the Chinese menu,
 * files from dialogs, the command line ("open with") and second launches.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, session as electronSessions } from 'electron';
import type { DocumentSummary } from '../../shared/api/contract';
import { TOOL_NAME, VERSION } from '../../shared/version';
import { createHandlers, type Handlers } from '../api/handlers';
import { DATA_FOLDER_NAME } from '../data-dir';
import { Session } from '../session/session';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, respondToAppRequest } from './app-protocol';
import { appendOfflineSwitches, denyAllPermissions, disableSpellChecker, hardenWebContents, installRequestFilter } from './hardening';
import { registerIpcHandlers } from './ipc';
import { buildMenuTemplate, type MenuActions } from './menu';
import { reportFilesFromArgv, wantsSample } from './open-arguments';
import { printBatchSheet, printSheet } from './printing';
import { createMainWindow } from './window';

const SESSION_CHANGED = 'nianbao-event:session-changed';

function preloadPath(): string {
  return join(dirname(fileURLToPath(import.meta.url)), '..', 'preload', 'index.cjs');
}

/** Must run before the app is ready: Chromium's offline switches, the scheme's privileges and the single-instance lock. */
export function startApp(): void {
  appendOfflineSwitches(app.commandLine);
  // The same data folder as the command line's, not one named after productName; set before the lock, which lives in it.
  app.setPath('userData', process.env.NIANBAO_DATA_DIR || join(app.getPath('appData'), DATA_FOLDER_NAME));
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(onReady, (error: unknown) => {
    dialog.showErrorBox('年报审核无法启动', String(error));
    app.quit();
  });
}

async function onReady(): Promise<void> {
  const workspace = new Workspace();
  installRequestFilter(electronSessions.defaultSession);
  denyAllPermissions(electronSessions.defaultSession);
  disableSpellChecker(electronSessions.defaultSession);
  protocol.handle(APP_SCHEME, (request) => respondToAppRequest(request, workspace.protocolDeps()));
  registerIpcHandlers(ipcMain, workspace.handlers);
  await workspace.refreshMenu();
  workspace.showWindow();
  app.on('second-instance', (_event, argv, workingDirectory) => {
    workspace.showWindow();
    void workspace.openAndShow(reportFilesFromArgv(argv, workingDirectory));
  });
  const resumed = await workspace.session.resumeUnfinishedBatch().catch(() => null);
  if (resumed) workspace.show(resumed.documents, { list: true });
  const files = reportFilesFromArgv(process.argv, process.cwd());
  if (files.length > 0) await workspace.openAndShow(files);
  else if (wantsSample(process.argv) && !resumed) await workspace.run(async () => workspace.show([await workspace.session.openSample()]));
}

class Workspace {
  readonly session: Session;
  readonly handlers: Handlers;
  private readonly dataDir = app.getPath('userData');
  private window: BrowserWindow | null = null;
  /** The document the renderer last asked about: what 打印审核意见单 prints. */
  private currentId: string | null = null;

  constructor() {
    this.session = new Session({ dataDir: this.dataDir, sampleDir: join(app.getAppPath(), 'build', 'sample') });
    this.handlers = this.trackCurrentDocument(
      createHandlers(this.session, {
        pickPaths: (folder) => this.pickPaths(folder),
        chooseExportPath: (name) => this.chooseExportPath(name),
        printSheet: (id, mode) => printSheet(id, mode, { preloadPath: preloadPath(), dataDir: this.dataDir, documentPath: (doc) => this.session.documentPath(doc) }),
        printBatchSheet: (mode) => printBatchSheet(mode, { preloadPath: preloadPath(), choosePdfPath: (name) => this.choosePdfPath(name) }),
      }),
    );
  }

  protocolDeps() {
    return { rendererDir: join(app.getAppPath(), 'out', 'renderer'), session: this.session };
  }

  showWindow(): void {
    if (!this.window || this.window.isDestroyed()) {
      this.window = createMainWindow(preloadPath());
      this.window.on('closed', () => (this.window = null));
    }
    if (this.window.isMinimized()) this.window.restore();
    this.window.focus();
  }

  /**
   * Files from the command line ("open with", a second launch) or a dialog: one file is read at once and shown
   * for review; several, or a folder, start a background batch and the dashboard shows its progress (the
   * renderer picks the batch up on the session-changed event, as it does on loading).
   */
  async openAndShow(paths: string[], folder = false): Promise<void> {
    if (paths.length === 0) return;
    await this.run(async () => {
      if (paths.length === 1 && !folder) this.show(await this.session.openPaths(paths));
      else this.show((await this.handlers.startBatch({ paths })).documents, { list: true });
    });
  }

  /** Tells the renderer, and shows the document (one) or the list (several, or a batch). */
  show(documents: DocumentSummary[], options: { list?: boolean } = {}): void {
    void this.refreshMenu();
    const contents = this.window?.webContents;
    if (!contents || documents.length === 0) return;
    contents.send(SESSION_CHANGED, documents.map((document) => document.id));
    const hash = documents.length === 1 && !options.list ? `#/review/${documents[0].id}` : '#/list';
    const go = () => void contents.executeJavaScript(`location.hash = ${JSON.stringify(hash)}`).catch(() => undefined);
    if (contents.isLoading()) contents.once('did-finish-load', go);
    else go();
  }

  async run(action: () => Promise<void>): Promise<void> {
    try {
      await action();
    } catch (error) {
      dialog.showErrorBox('操作失败', error instanceof Error ? error.message : String(error));
    }
  }

  async refreshMenu(): Promise<void> {
    const actions: MenuActions = {
      openFiles: () => void this.run(async () => this.openAndShow(await this.pickPaths(false))),
      openFolder: () => void this.run(async () => this.openAndShow(await this.pickPaths(true), true)),
      openRecent: (path) => void this.openAndShow([path]),
      openSample: () => void this.run(async () => this.show([(await this.handlers.openSample({})).document])),
      printSheet: () => void this.printCurrent(),
      printBatchSheet: () => void this.printBatch(),
      quit: () => app.quit(),
      about: () => void this.about(),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(actions, await this.session.recentFiles())));
  }

  private async pickPaths(folder: boolean): Promise<string[]> {
    const options: Electron.OpenDialogOptions = folder
      ? { title: '打开文件夹', properties: ['openDirectory'] }
      : { title: '打开年度报告', properties: ['openFile', 'multiSelections'], filters: [{ name: '年度报告（Word、PDF）', extensions: ['docx', 'doc', 'pdf'] }] };
    const result = this.window ? await dialog.showOpenDialog(this.window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  }

  private async chooseExportPath(defaultName: string): Promise<string | null> {
    const csv = defaultName.endsWith('.csv');
    const options: Electron.SaveDialogOptions = {
      title: '导出审核结果',
      defaultPath: join(app.getPath('documents'), defaultName),
      filters: [csv ? { name: 'CSV（每张表一个文件）', extensions: ['csv'] } : { name: 'Excel 工作簿', extensions: ['xlsx'] }],
    };
    const result = this.window ? await dialog.showSaveDialog(this.window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  private async choosePdfPath(defaultName: string): Promise<string | null> {
    const options: Electron.SaveDialogOptions = { title: '另存批次汇总表为 PDF', defaultPath: join(app.getPath('documents'), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
    const result = this.window ? await dialog.showSaveDialog(this.window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  }

  private async printBatch(): Promise<void> {
    if (this.session.list().length === 0) {
      await dialog.showMessageBox({ type: 'info', message: '请先打开报告或文件夹，再打印批次汇总表。' });
      return;
    }
    await this.run(async () => void (await this.handlers.printBatchSheet({ mode: 'print' })));
  }

  private async printCurrent(): Promise<void> {
    if (!this.currentId || !this.session.has(this.currentId)) {
      await dialog.showMessageBox({ type: 'info', message: '请先打开一份报告，再打印审核意见单。' });
      return;
    }
    const id = this.currentId;
    await this.run(async () => void (await this.handlers.printSheet({ id, mode: 'print' })));
  }

  private async about(): Promise<void> {
    await dialog.showMessageBox({
      type: 'info',
      title: '关于年报审核',
      message: `年报审核 ${VERSION}`,
      detail: `${TOOL_NAME}：政府信息公开工作年度报告离线审核工具。所有文件只在本机处理，不连接网络。`,
    });
  }

  private trackCurrentDocument(handlers: Handlers): Handlers {
    return {
      ...handlers,
      getReview: (request) => {
        this.currentId = request.id;
        return handlers.getReview(request);
      },
      getOriginal: (request) => {
        this.currentId = request.id;
        return handlers.getOriginal(request);
      },
      openPaths: async (request) => {
        const response = await handlers.openPaths(request);
        void this.refreshMenu();
        return response;
      },
      startBatch: async (request) => {
        const response = await handlers.startBatch(request);
        void this.refreshMenu();
        return response;
      },
    };
  }
}
