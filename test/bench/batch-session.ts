/**
 * Child of `bench:batch -- --app`: one background batch over the folder through a Session, as the app and serve
 * run it (result cache and batch record in a fresh data folder, notes, pairing, rules), until it finishes.
 * Prints the batch's final progress as JSON.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '../../electron/session/session';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';

const folder = process.argv[2];
const dataDir = mkdtempSync(join(tmpdir(), 'nianbao-bench-data-'));
try {
  const session = new Session({ dataDir, settings: DEFAULT_SETTINGS });
  const { batchId } = await session.startBatch([folder]);
  for (;;) {
    const progress = session.batchProgress(batchId);
    if (progress.finished) {
      process.stdout.write(`${JSON.stringify({ ...progress, checked: session.list().filter((document) => document.status === 'checked').length })}\n`);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
