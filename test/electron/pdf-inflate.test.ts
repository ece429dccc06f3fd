/** pdf.js on the Node side (pdf-inflate.ts, font-face-sink.ts): it inflates in JavaScript and hands fonts over as data; same content. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installDomMatrix } from '../../electron/services/dom-matrix';
import { pdfAssets } from '../../electron/services/pdf-assets';
import { useJsInflateForPdfJs } from '../../electron/services/pdf-inflate';
import { readPdf } from '../../shared/read/pdf/read-pdf';

const FIXTURE = new URL('../fixtures/corpus/d05_chrome.pdf', import.meta.url);

describe('useJsInflateForPdfJs', () => {
  it('takes DecompressionStream away, whether a plain property or a getter as in Node', () => {
    const plain: { DecompressionStream?: unknown } = { DecompressionStream: class {} };
    useJsInflateForPdfJs(plain);
    expect(plain.DecompressionStream).toBeUndefined();
    const nodeLike = Object.defineProperty({}, 'DecompressionStream', { get: () => class {}, configurable: true, enumerable: false }) as { DecompressionStream?: unknown };
    useJsInflateForPdfJs(nodeLike);
    expect(nodeLike.DecompressionStream).toBeUndefined();
    useJsInflateForPdfJs(nodeLike);
    expect(nodeLike.DecompressionStream).toBeUndefined();
  });

  it('reads a PDF exactly as pdf.js does with the platform DecompressionStream', async () => {
    installDomMatrix();
    const scope = globalThis as { DecompressionStream?: unknown };
    const native = scope.DecompressionStream;
    expect(native).toBeDefined();
    const bytes = new Uint8Array(readFileSync(FIXTURE));
    try {
      const withStreams = await readPdf(bytes, pdfAssets());
      useJsInflateForPdfJs();
      expect(scope.DecompressionStream).toBeUndefined();
      const withJs = await readPdf(bytes, pdfAssets());
      expect(withJs).toEqual(withStreams);
      expect(withJs.blocks.some((block) => block.type === 'table')).toBe(true);
    } finally {
      Object.defineProperty(scope, 'DecompressionStream', { value: native, configurable: true, writable: true });
    }
  });
});

describe('installFontFaceSink', () => {
  it('gives pdf.js a FontFace only where there is none', async () => {
    const { FontFaceSink, installFontFaceSink } = await import('../../electron/services/font-face-sink');
    const bare: { FontFace?: unknown } = {};
    installFontFaceSink(bare);
    expect(bare.FontFace).toBe(FontFaceSink);
    class Native {}
    const browser: { FontFace?: unknown } = { FontFace: Native };
    installFontFaceSink(browser);
    expect(browser.FontFace).toBe(Native);
    const face = new FontFaceSink('g_d0_f1');
    expect(await face.loaded).toBe(face);
  });
});
