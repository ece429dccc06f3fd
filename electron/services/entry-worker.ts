/**
 * Worker threads running one of the app's own entry modules (electron.vite.config.ts builds each as a file of
 * its own next to the main bundle). In development and tests there is no built file: the TypeScript source is
 * loaded through tsx's API (Node 20 workers do not take --import hooks from execArgv) by electron/run-ts.mjs, which
 * first loads pdf.js without those hooks for the workers that read PDFs.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface WorkerEntry {
  /** The built file (`new URL('./name.js', import.meta.url)` in the module that starts it). */
  built: URL;
  /** The TypeScript source, for development and tests. */
  source: URL;
}

/** Reached only when there is no built file, so only in development (a path, not a URL the bundler would copy). */
const RUN_TS = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), '..', 'run-ts.mjs')).href;

export function startEntryWorker(entry: WorkerEntry, options: WorkerOptions = {}, { preloadPdfJs = false } = {}): Worker {
  if (existsSync(fileURLToPath(entry.built))) return new Worker(entry.built, options);
  const bootstrap = `import(${JSON.stringify(RUN_TS)}).then(async ({ preloadPdfJs, importTypeScript }) => {
  ${preloadPdfJs ? 'await preloadPdfJs();' : ''}
  return importTypeScript(${JSON.stringify(entry.source.href)});
});`;
  return new Worker(bootstrap, { ...options, eval: true });
}
