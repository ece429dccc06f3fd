/** Folders of the repository (or of the unpacked app), from this module's own location. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json: one up from electron/ (tsx), two up from out/main/ (bundle). */
export function appRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [resolve(here, '..'), resolve(here, '..', '..')];
  return candidates.find((folder) => existsSync(join(folder, 'package.json'))) ?? candidates[0];
}

export const rendererOutDir = (root = appRoot()): string => join(root, 'out', 'renderer');
export const sampleDir = (root = appRoot()): string => join(root, 'build', 'sample');
