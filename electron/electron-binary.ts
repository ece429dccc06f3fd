/**
 * The Electron executable, if installed. Looked up without `require('electron')`: that call tries to download
 * the binary when it is missing, and nothing here may go to the network.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function locateElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const relativePath = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const binary = join(env.ELECTRON_OVERRIDE_DIST_PATH, relativePath || 'electron');
    return existsSync(binary) ? binary : null;
  }
  if (!relativePath) return null;
  const binary = join(packageDir, 'dist', relativePath);
  return existsSync(binary) ? binary : null;
}
