/**
 * Build of the renderer (React). Runs in Node at build time only: the pdf.js worker, cMaps, standard fonts,
 * wasm decoders and ICC profiles are copied into the output so the app never loads anything from the network.
 */
// Build tooling, not renderer code: it runs in Node under Vite, never in the sandboxed page.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const here = dirname(fileURLToPath(import.meta.url));
const pdfjsRoot = resolve(here, '../node_modules/pdfjs-dist');

/** Where each pdf.js asset goes, relative to the output's `pdfjs/` folder. */
const PDFJS_ASSETS: [from: string, to: string][] = [
  ['build/pdf.worker.min.mjs', 'pdf.worker.min.mjs'],
  ['cmaps', 'cmaps'],
  ['standard_fonts', 'standard_fonts'],
  ['wasm', 'wasm'],
  ['iccs', 'iccs'],
];

function copyPdfjsAssets(): Plugin {
  let outDir = '';
  return {
    name: 'nianbao-copy-pdfjs-assets',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      for (const [from, to] of PDFJS_ASSETS) {
        const source = join(pdfjsRoot, from);
        if (existsSync(source)) cpSync(source, join(outDir, 'pdfjs', to), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  root: here,
  base: './',
  plugins: [react(), copyPdfjsAssets()],
  build: {
    outDir: resolve(here, '../out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
});
