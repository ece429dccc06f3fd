/**
 * electron-vite builds the main process (ESM, out/main/index.js) and the preload (CommonJS, since a sandboxed
 * preload cannot be an ES module: out/preload/index.cjs). The renderer is built on its own by
 * `npm run build:renderer` (renderer/vite.config.ts) into out/renderer.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      target: 'node22',
      rollupOptions: {
        // The reading workers and the original view's converter run as files of their own next to the main bundle
        // (see electron/batch/read-pool.ts and electron/session/original.ts).
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'read-worker': resolve(root, 'electron/batch/read-worker.ts'),
          'original-worker': resolve(root, 'electron/session/original-worker.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
});
