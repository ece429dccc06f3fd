/** The import directions of the layers are enforced by lint (eslint.config.js); these cases prove it bites. */
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { VERSION } from '../../shared/version';

const eslint = new ESLint({ cwd: new URL('../../', import.meta.url).pathname });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layering by runtime', () => {
  it('forbids Node, Electron and the other layers in shared/', async () => {
    expect(await restrictedImports("import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n", 'shared/x.ts')).toHaveLength(1);
    expect(await restrictedImports("import { app } from 'electron';\nexport const a = app;\n", 'shared/x.ts')).not.toHaveLength(0);
    expect(await restrictedImports("import { x } from '../electron/services/report-file';\nexport const a = x;\n", 'shared/x.ts')).not.toHaveLength(0);
    expect(await restrictedImports("import { x } from '../renderer/src/app';\nexport const a = x;\n", 'shared/x.ts')).not.toHaveLength(0);
    expect(await restrictedImports('export const a = process.env;\n', 'shared/x.ts')).toHaveLength(1);
  });

  it('forbids electron/ in renderer/', async () => {
    expect(await restrictedImports("import { x } from '../../electron/services/report-file';\nexport const a = x;\n", 'renderer/src/x.ts')).not.toHaveLength(0);
  });

  it('lets electron/ and renderer/ use shared/', async () => {
    expect(await restrictedImports("import { VERSION } from '../shared/version';\nexport const a = VERSION;\n", 'electron/x.ts')).toEqual([]);
    expect(await restrictedImports("import { VERSION } from '../../shared/version';\nexport const a = VERSION;\n", 'renderer/src/x.ts')).toEqual([]);
  });
});

describe('version', () => {
  it('is the one in package.json', () => {
    expect(VERSION).toBe(JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version);
  });
});
