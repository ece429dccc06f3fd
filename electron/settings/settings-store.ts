/**
 * The app's settings in the data folder (settings.json): read with defaults (a missing or invalid file gives
 * the defaults, and says why), written atomically.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DEFAULT_APP_SETTINGS, appSettingsSchema, type AppSettings } from '../../shared/model/settings';
import { writeFileAtomic } from '../files/atomic-write';
import { nodeDurableFs } from '../files/durable-fs';

export const SETTINGS_FILE = 'settings.json';

export interface LoadedSettings {
  settings: AppSettings;
  /** Why the file was not used (it exists but is not valid JSON or not valid settings). */
  problem: string | null;
}

export class SettingsStore {
  constructor(private readonly dataDir: string) {}

  get path(): string {
    return join(this.dataDir, SETTINGS_FILE);
  }

  async load(): Promise<LoadedSettings> {
    const text = await readFile(this.path, 'utf8').catch(() => null);
    if (text === null) return { settings: DEFAULT_APP_SETTINGS, problem: null };
    return parseSettings(text);
  }

  /** Validates (filling defaults) and writes; returns what was written. */
  async save(settings: unknown): Promise<AppSettings> {
    const valid = appSettingsSchema.parse(settings);
    await nodeDurableFs.mkdirs(this.dataDir);
    await writeFileAtomic(nodeDurableFs, this.path, `${JSON.stringify(valid, null, 2)}\n`);
    return valid;
  }
}

export function parseSettings(text: string): LoadedSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { settings: DEFAULT_APP_SETTINGS, problem: '设置文件不是有效的 JSON，已使用默认设置' };
  }
  const parsed = appSettingsSchema.safeParse(json);
  if (parsed.success) return { settings: parsed.data, problem: null };
  return { settings: DEFAULT_APP_SETTINGS, problem: `设置文件内容无效（${parsed.error.issues[0]?.message ?? '格式不符'}），已使用默认设置` };
}
