/**
 * Printing the notes sheet and the batch summary sheet: the renderer's view (#/sheet/<id>, #/batch-sheet) in a
 * hidden window, sent to the printer or saved as an A4 PDF — the notes sheet beside the document, the batch
 * sheet where the reviewer chooses.
 */
import { BrowserWindow, type WebContents } from 'electron';
import { batchSheetPdfName, saveBatchSheetPdf, saveSheetPdf } from '../files/sheet-pdf';
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
  const pdf = await printRoute(`#/sheet/${encodeURIComponent(id)}`, mode, deps.preloadPath);
  return pdf ? saveSheetPdf(deps.documentPath(id), pdf, deps.dataDir) : null;
}

export interface BatchPrintDeps {
  preloadPath: string;
  /** Where to save the PDF (a save dialog); null when cancelled. */
  choosePdfPath(defaultName: string): Promise<string | null>;
}

/** The batch summary sheet (A4 landscape, page numbers from its CSS), printed or saved where the reviewer says. */
export async function printBatchSheet(mode: 'print' | 'pdf', deps: BatchPrintDeps, now = new Date()): Promise<string | null> {
  const target = mode === 'pdf' ? await deps.choosePdfPath(batchSheetPdfName(now)) : null;
  if (mode === 'pdf' && !target) return null;
  const pdf = await printRoute('#/batch-sheet', mode, deps.preloadPath);
  return pdf && target ? saveBatchSheetPdf(target, pdf) : null;
}

/** Prints the page of the route (null), or returns it as a PDF of the page size its CSS asks for. */
async function printRoute(route: string, mode: 'print' | 'pdf', preloadPath: string): Promise<Uint8Array | null> {
  const window = new BrowserWindow({ show: false, width: 1200, height: 1270, webPreferences: securePreferences(preloadPath) });
  try {
    await window.loadURL(`${RENDERER_URL}${route}`);
    await waitForSheet(window.webContents);
    if (mode === 'print') {
      await printContents(window.webContents);
      return null;
    }
    return new Uint8Array(await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true }));
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
