/**
 * Global setup of every test run: the temporary folders a run makes (tests, the app under test, its worker
 * threads, LibreOffice, Chromium) all go under one folder of the run's own, removed when the run ends, so no
 * run leaves folders behind in the system's temporary folder. os.tmpdir() reads TMPDIR (TEMP and TMP on
 * Windows) at each call, and the test processes start after this and inherit it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const VARIABLES = ['TMPDIR', 'TEMP', 'TMP'] as const;

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'nianbao-run-'));
  const saved = VARIABLES.map((name) => [name, process.env[name]] as const);
  for (const name of VARIABLES) process.env[name] = root;
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
