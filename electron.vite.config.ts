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
        // The reading workers run as a file of their own next to the main bundle (see electron/batch/read-pool.ts).
        input: { index: resolve(root, 'electron/main/index.ts'), 'read-worker': resolve(root, 'electron/batch/read-worker.ts') },
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
