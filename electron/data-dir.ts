/** The app's own data folder: recent files, the sample copy, notes of documents in read-only folders. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** In Electron the main process passes app.getPath('userData'); serve and tests use this. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.NIANBAO_DATA_DIR || join(homedir(), '.config', 'nianbao-review');
}
