/**
 * Runs one of the app's TypeScript entries in development (the check command, `npm start`, the benchmarks) and
 * the development workers (services/entry-worker.ts): pdf.js is loaded first, by Node itself, and only then are
 * tsx's hooks registered for the TypeScript. Loaded through those hooks (a transform, with source maps kept for
 * its 3 MB of JavaScript), pdf.js takes some 1.5 s longer to load and 350 MB more resident memory. The built app
 * has no tsx and loads pdf.js as Node does.
 *
 *   node electron/run-ts.mjs [--no-pdfjs] <entry.ts> [arguments...]
 *
 * --no-pdfjs: the entry reads no PDF on its own thread (the check command reads every file on a worker), so
 * pdf.js is not loaded there at all.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

const PDFJS_MODULES = ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'];

/**
 * pdf.worker.mjs sets globalThis.pdfjsWorker, which pdf.js then uses in this thread. Its polyfill of
 * Array.prototype.push is undone, as shared/read/pdf/read-pdf.ts explains.
 */
export async function preloadPdfJs() {
  const push = Array.prototype.push;
  for (const name of PDFJS_MODULES) await import(name);
  if (Array.prototype.push !== push) Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true });
}

/** Imports a TypeScript module (a file URL) with tsx's hooks registered from here on. */
export function importTypeScript(url) {
  register();
  return import(url);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const withoutPdfJs = process.argv[2] === '--no-pdfjs';
  const entry = process.argv[withoutPdfJs ? 3 : 2];
  if (!entry) {
    process.stderr.write('用法：node electron/run-ts.mjs [--no-pdfjs] <入口.ts> [参数...]\n');
    process.exit(2);
  }
  // The entry sees the command line as if Node had run it: argv[1] is the entry, its arguments follow.
  process.argv.splice(1, withoutPdfJs ? 3 : 2, resolve(entry));
  if (!withoutPdfJs) await preloadPdfJs();
  await importTypeScript(pathToFileURL(process.argv[1]).href);
}
