/**
 * pdf.js inflates Flate streams through the platform's DecompressionStream when there is one. In Node 20 that
 * is a web-stream wrapper round zlib on the libuv thread pool: every content stream, font and cMap becomes a
 * round trip of adapters and awaits, and the reading thread sits idle in between. Measured on the dev corpus,
 * that was a third of a PDF's reading time. Without DecompressionStream pdf.js inflates in JavaScript, lazily,
 * as the content is parsed (its path on platforms without one). Only processes that read PDFs call this; none
 * of our code uses DecompressionStream.
 */
export function useJsInflateForPdfJs(scope: { DecompressionStream?: unknown } = globalThis as { DecompressionStream?: unknown }): void {
  if (scope.DecompressionStream === undefined) return;
  delete scope.DecompressionStream;
  // A global that cannot be deleted is shadowed instead; pdf.js catches the failed construction and inflates itself.
  if (scope.DecompressionStream !== undefined) Object.defineProperty(scope, 'DecompressionStream', { value: undefined, configurable: true, writable: true });
}
