/**
 * Printing the notes sheet: the renderer's sheet view (#/sheet/<id>) in a hidden window, sent to the printer
 * or saved as an A4 PDF beside the document.
 */
import { BrowserWindow, type WebContents } from 'electron';
import { saveSheetPdf } from '../files/sheet-pdf';
import { RENDERER_URL } from './app-protocol';
import { securePreferences } from './window';

export interface PrintDeps {
  preloadPath: string;
  dataDir: string;
  documentPath(id: string): string;
}

const SHEET_READY_TIMEOUT_MS = 10_000;
/** The sheet view marks itself ready (or has drawn its tables) once its review has arrived. */
const SHEET_READY_SCRIPT = "!!document.querySelector('[data-sheet-ready], .sheet-meta')";

export async function printSheet(id: string, mode: 'print' | 'pdf', deps: PrintDeps): Promise<string | null> {
  const window = new BrowserWindow({ show: false, width: 900, height: 1270, webPreferences: securePreferences(deps.preloadPath) });
  try {
    await window.loadURL(`${RENDERER_URL}#/sheet/${encodeURIComponent(id)}`);
    await waitForSheet(window.webContents);
    if (mode === 'print') {
      await printContents(window.webContents);
      return null;
    }
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    return await saveSheetPdf(deps.documentPath(id), new Uint8Array(pdf), deps.dataDir);
  } finally {
    window.destroy();
  }
}

async function waitForSheet(contents: WebContents): Promise<void> {
  const deadline = Date.now() + SHEET_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await contents.executeJavaScript(SHEET_READY_SCRIPT).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function printContents(contents: WebContents): Promise<void> {
  return new Promise((resolve, reject) => {
    contents.print({ silent: false, printBackground: true }, (success, reason) => {
      if (success || reason === 'cancelled') resolve();
      else reject(new Error(`打印失败：${reason}`));
    });
  });
}
