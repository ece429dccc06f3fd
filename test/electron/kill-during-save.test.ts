/**
 * A save interrupted at any moment (SIGKILL) leaves a sidecar that parses and holds either the last version
 * the saver confirmed or the one it was writing: never a torn file, never an older one.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotationsSchema } from '../../shared/model/annotations';
import { tempDir } from './helpers/fixtures';

const ITERATIONS = 30;
const SAVE_LOOP = resolve(import.meta.dirname ?? '.', 'helpers/save-loop.ts');
const SHA = 'c'.repeat(64);

interface Run {
  confirmed: number;
}

function saveUntilKilled(documentPath: string, dataDir: string, killAfterMs: number): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', SAVE_LOOP, documentPath, dataDir, SHA], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && output.includes('ready\n')) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') return reject(new Error(`saver ended on its own: ${stderr}`));
      const numbers = output.split('\n').filter((line) => /^\d+$/.test(line)).map(Number);
      resolvePromise({ confirmed: numbers.length > 0 ? Math.max(...numbers) : -1 });
    });
  });
}

function storedNumber(path: string): number {
  return Number(annotationsSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).verdict.comment || '0');
}

describe('kill during save', () => {
  it(`leaves the previous or the new version, ${ITERATIONS} kills at random moments`, async () => {
    const folder = tempDir();
    const documentPath = join(folder, '报告.docx');
    writeFileSync(documentPath, 'document bytes');
    const dataDir = tempDir('nianbao-data-');
    const sidecar = `${documentPath}.review.json`;
    let lastStored = 0;
    const confirmedCounts: number[] = [];
    let killedMidSave = 0;
    for (let i = 0; i < ITERATIONS; i++) {
      const run = await saveUntilKilled(documentPath, dataDir, Math.random() * 60);
      if (run.confirmed < 0) continue;
      confirmedCounts.push(run.confirmed - lastStored);
      const stored = storedNumber(sidecar);
      expect(stored === run.confirmed || stored === run.confirmed + 1).toBe(true);
      if (run.confirmed >= 2) expect(storedNumber(`${sidecar}.bak`)).toBeGreaterThanOrEqual(run.confirmed - 1);
      if (stored === run.confirmed + 1) killedMidSave++;
      lastStored = stored;
    }
    console.info(`kill-during-save: ${confirmedCounts.length} runs, ${lastStored} saves, ${killedMidSave} kills after the rename but before the confirmation`);
    const leftovers = readdirSync(folder).filter((name) => name.endsWith('.tmp'));
    expect(leftovers.length).toBeLessThanOrEqual(2 * ITERATIONS);
    expect(confirmedCounts.length).toBeGreaterThan(ITERATIONS / 2);
    expect(lastStored).toBeGreaterThan(ITERATIONS);
  }, 180_000);
});
