/**
 * build/patches holds a change to pdf.js's text extraction (two hot functions, same results, twice as fast on long
 * documents), applied by patch-package on `npm install`. It is made for one exact pdfjs-dist version.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireHere = createRequire(import.meta.url);

describe('the pdf.js patch', () => {
  const patches = readdirSync(join(ROOT, 'build', 'patches')).filter((name) => name.startsWith('pdfjs-dist+'));
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

  it('is made for the pdfjs-dist version installed, which package.json pins exactly', () => {
    const installed = JSON.parse(readFileSync(requireHere.resolve('pdfjs-dist/package.json'), 'utf8')).version;
    expect(pkg.dependencies['pdfjs-dist']).toBe(installed);
    expect(patches).toEqual([`pdfjs-dist+${installed}.patch`]);
  });

  it('is applied on install, to the build the Node side reads with', () => {
    expect(pkg.scripts.postinstall).toBe('patch-package --patch-dir build/patches');
    const patch = readFileSync(join(ROOT, 'build', 'patches', patches[0]), 'utf8');
    const added = patch.split('\n').filter((line) => line.startsWith('+') && !line.startsWith('+++')).map((line) => line.slice(1));
    const worker = readFileSync(requireHere.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
    expect(added.length).toBeGreaterThan(0);
    for (const line of added) expect(worker, line).toContain(line);
  });
});
