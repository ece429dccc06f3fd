import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const CORPUS = resolve(here, '../../fixtures/corpus');
export const BAD_FIXTURES = resolve(here, '../../fixtures/bad');

export function tempDir(prefix = 'nianbao-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Copies fixtures into a fresh folder, so sidecars never land in the repository. */
export function copyFixtures(paths: string[], folder = tempDir()): string[] {
  mkdirSync(folder, { recursive: true });
  return paths.map((path) => {
    const copy = join(folder, basename(path));
    copyFileSync(path, copy);
    return copy;
  });
}

export const corpusFile = (name: string): string => join(CORPUS, name);
