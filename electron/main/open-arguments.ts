/**
 * Files to open from a command line ("open with", a second launch). The command line is untrusted: only
 * existing regular files with a report extension are taken, options and everything else are ignored.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileTypeOf } from '../session/session-document';

const MAX_PATH_LENGTH = 4096;
const MAX_FILES = 1000;

export function reportFilesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => typeof arg === 'string' && arg.length > 0 && arg.length <= MAX_PATH_LENGTH && !arg.startsWith('-'))
    .map((arg) => resolve(workingDirectory, arg))
    .filter((path) => fileTypeOf(path) !== null && isRegularFile(path))
    .slice(0, MAX_FILES);
}

export function wantsSample(argv: readonly string[]): boolean {
  return argv.includes('--open-sample');
}

function isRegularFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
