/** The data folder of the command line and serve: the folder the desktop app sets as its userData. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_FOLDER_NAME, appDataDir, defaultDataDir } from '../../electron/data-dir';

describe('data folder', () => {
  it('is nianbao-review under the platform application-data folder, as Electron places appData', () => {
    expect(DATA_FOLDER_NAME).toBe('nianbao-review');
    expect(defaultDataDir({ APPDATA: 'C:/Users/reviewer/AppData/Roaming' }, 'win32')).toBe(join('C:/Users/reviewer/AppData/Roaming', 'nianbao-review'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/home/reviewer/.cfg' }, 'linux')).toBe(join('/home/reviewer/.cfg', 'nianbao-review'));
    expect(appDataDir({}, 'linux')).toMatch(/[\\/]\.config$/);
    expect(appDataDir({}, 'darwin')).toMatch(/Library[\\/]Application Support$/);
  });

  it('follows NIANBAO_DATA_DIR when it is set', () => {
    expect(defaultDataDir({ NIANBAO_DATA_DIR: '/srv/review-data', XDG_CONFIG_HOME: '/x' }, 'linux')).toBe('/srv/review-data');
  });
});
