/**
 * Loads pdf.js and its viewer components on demand. Everything comes from the app's own `pdfjs/` folder
 * (copied there by the build): worker, cMaps (Chinese fonts that are not embedded), standard fonts, wasm.
 */
import type * as PdfjsLib from 'pdfjs-dist';
import type * as PdfjsViewer from 'pdfjs-dist/web/pdf_viewer.mjs';

export interface PdfModules {
  pdfjs: typeof PdfjsLib;
  viewer: typeof PdfjsViewer;
}

let loading: Promise<PdfModules> | null = null;

export function pdfAssetUrl(path: string): string {
  return new URL(`pdfjs/${path}`, document.baseURI).href;
}

async function loadModules(): Promise<PdfModules> {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = pdfAssetUrl('pdf.worker.min.mjs');
  // The viewer components read the library from this global.
  (globalThis as unknown as { pdfjsLib: typeof PdfjsLib }).pdfjsLib = pdfjs;
  const viewer = await import('pdfjs-dist/web/pdf_viewer.mjs');
  await import('pdfjs-dist/web/pdf_viewer.css');
  return { pdfjs, viewer };
}

export function loadPdfModules(): Promise<PdfModules> {
  loading ??= loadModules();
  return loading;
}

export function documentOptions(url: string) {
  return {
    url,
    cMapUrl: pdfAssetUrl('cmaps/'),
    cMapPacked: true,
    standardFontDataUrl: pdfAssetUrl('standard_fonts/'),
    wasmUrl: pdfAssetUrl('wasm/'),
    iccUrl: pdfAssetUrl('iccs/'),
    isEvalSupported: false,
    enableXfa: false,
  };
}
