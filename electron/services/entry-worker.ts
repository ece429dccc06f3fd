/**
 * Worker threads running one of the app's own entry modules (electron.vite.config.ts builds each as a file of
 * its own next to the main bundle). In development and tests there is no built file: the TypeScript source is
 * loaded through tsx's API, since Node 20 workers do not take --import hooks from execArgv.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  /** The built file (`new URL('./name.js', import.meta.url)` in the module that starts it). */
  built: URL;
  /** The TypeScript source, for development and tests. */
  source: URL;
}

/**
 * pdf.js, loaded by a development worker before tsx's hooks: through them (a transform and source maps kept for
 * its 3 MB of JavaScript) it takes some 90 MB more heap and 350 MB more resident memory per worker than loaded
 * by Node itself. pdf.worker.mjs sets globalThis.pdfjsWorker, which pdf.js then uses in that thread. Its
 * polyfill of Array.prototype.push is undone as read-pdf.ts explains.
 */
const PDFJS_MODULES = ['pdfjs-dist/legacy/build/pdf.mjs', 'pdfjs-dist/legacy/build/pdf.worker.mjs'];

export function startEntryWorker(entry: WorkerEntry, options: WorkerOptions = {}, { preloadPdfJs = false } = {}): Worker {
  if (existsSync(fileURLToPath(entry.built))) return new Worker(entry.built, options);
  const requireHere = createRequire(import.meta.url);
  const preload = preloadPdfJs ? PDFJS_MODULES.map((name) => pathToFileURL(requireHere.resolve(name)).href) : [];
  const bootstrap = `const push = Array.prototype.push;
${JSON.stringify(preload)}.reduce((loaded, url) => loaded.then(() => import(url)), Promise.resolve())
  .then(() => {
    if (Array.prototype.push !== push) Object.defineProperty(Array.prototype, 'push', { value: push, writable: true, configurable: true });
    return import(${JSON.stringify(tsxEsmApi())});
  })
  .then(({ register }) => { register(); return import(${JSON.stringify(entry.source.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** tsx's ESM API entry (its CommonJS twin cannot be imported from an ES module worker). */
function tsxEsmApi(): string {
  const packageJson = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(packageJson, 'utf8')).exports['./esm/api'].import.default as string;
  return pathToFileURL(join(dirname(packageJson), exports)).href;
}
