/** The Chinese application menu. */
import type { MenuItemConstructorOptions } from 'electron';
import type { RecentFile } from '../session/recent-files';

export interface MenuActions {
  openFiles(): void;
  openFolder(): void;
  openRecent(path: string): void;
  openSample(): void;
  printSheet(): void;
  printBatchSheet(): void;
  quit(): void;
  about(): void;
}

export function buildMenuTemplate(actions: MenuActions, recent: RecentFile[]): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开文件…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFiles() },
        { label: '打开文件夹…', accelerator: 'CmdOrCtrl+Shift+O', click: () => actions.openFolder() },
        { label: '最近打开', submenu: recentSubmenu(actions, recent) },
        { label: '打开示例报告', click: () => actions.openSample() },
        { type: 'separator' },
        { label: '打印审核意见单…', accelerator: 'CmdOrCtrl+P', click: () => actions.printSheet() },
        { label: '打印批次汇总表…', accelerator: 'CmdOrCtrl+Shift+P', click: () => actions.printBatchSheet() },
        { type: 'separator' },
        { label: '退出', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '放大', role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
        { label: '缩小', role: 'zoomOut' },
        { label: '实际大小', role: 'resetZoom' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    { label: '帮助', submenu: [{ label: '关于年报审核', click: () => actions.about() }] },
  ];
}

function recentSubmenu(actions: MenuActions, recent: RecentFile[]): MenuItemConstructorOptions[] {
  if (recent.length === 0) return [{ label: '（无）', enabled: false }];
  return recent.map((file) => ({ label: file.name, toolTip: file.path, click: () => actions.openRecent(file.path) }));
}
