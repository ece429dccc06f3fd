/** The app's own data folder: recent files, the sample copy, notes of documents in read-only folders. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder's name under the platform's application-data folder. The desktop app sets its userData to
 * it (electron/main/app.ts): Electron would otherwise name the folder after productName (年报审核), and the
 * command line and the app would keep their notes in different places.
 */
export const DATA_FOLDER_NAME = 'nianbao-review';

/** Where Electron's app.getPath('appData') points: %APPDATA%, ~/Library/Application Support, $XDG_CONFIG_HOME or ~/.config. */
export function appDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA || join(homedir(), 'AppData', 'Roaming');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME || join(homedir(), '.config');
}

/** In Electron the main process passes app.getPath('userData') (the same folder); serve and tests use this. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  return env.NIANBAO_DATA_DIR || join(appDataDir(env, platform), DATA_FOLDER_NAME);
}
