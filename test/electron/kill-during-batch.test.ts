/**
 * Killed in the middle of a batch (SIGKILL at random moments, while files are read and notes saved), the app
 * loses nothing on restart: the batch resumes and completes, every file finished before a kill comes from the
 * cache (it is not read again), no cache entry is torn, and every notes sidecar parses and holds the last
 * version confirmed or the one being written.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ResultCache } from '../../electron/batch/result-cache';
import { JOURNAL_FILE, parseJournal } from '../../electron/session/batch-journal';
import { Session } from '../../electron/session/session';
import { annotationsSchema } from '../../shared/model/annotations';
import { DEFAULT_SETTINGS } from '../../shared/model/settings';
import { copyFixtures, corpusFile, tempDir } from './helpers/fixtures';

const BATCH_LOOP = resolve(import.meta.dirname ?? '.', 'helpers/batch-loop.ts');
/** Distinct reports (distinct hashes), Word and PDF; no .doc (LibreOffice would dominate the time). */
const FILES = [
  'd01_docx.docx', 'd02_docx.docx', 'd03_docx.docx', 'd04_docx.docx', 'd05_docx.docx', 'd07_docx.docx', 'd08_docx.docx', 'd10_docx.docx',
  'd11_docx.docx', 'd13_docx.docx', 'd18_docx.docx', 'd20_docx.docx', 'd21_docx.docx', 'd23_docx.docx', 'd24_docx.docx', 'd25_docx.docx',
  'd02_lo.pdf', 'd10_lo.pdf', 'd12_lo.pdf', 'd14_lo.pdf', 'd15_lo.pdf', 'd16_lo.pdf', 'd17_lo.pdf', 'd27_lo.pdf', 'd29_lo.pdf', 'd30_lo.pdf',
];
const KILLS = 5;
const BUDGET_MS = 55_000;

interface Run {
  killed: boolean;
  lines: string[];
}

interface Kill {
  /** What starts the clock: the child's first line (it resumed or started), or the first file it read. */
  after: RegExp;
  ms: number;
}

const AT_START = /^(started|resumed \d+)$/m;
const AT_FIRST_READ = /^file read /m;

/** Runs the child; kills it at the moment given (never, when null). */
function runChild(dataDir: string, folder: string, firstNumber: number, start: boolean, kill: Kill | null): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', BATCH_LOOP, dataDir, folder, String(firstNumber), ...(start ? ['--start'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!timer && kill && kill.after.test(output)) timer = setTimeout(() => child.kill('SIGKILL'), kill.ms);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL' && code !== 0) return reject(new Error(`batch child failed (${code}): ${stderr}`));
      resolvePromise({ killed: signal === 'SIGKILL', lines: output.split('\n').filter(Boolean) });
    });
  });
}

/** Every cache entry parses and is sound (a get through the cache itself), and none is torn. */
function checkCache(dataDir: string): number {
  const root = join(dataDir, 'cache');
  if (!existsSync(root)) return 0;
  let entries = 0;
  for (const version of readdirSync(root)) {
    for (const name of readdirSync(join(root, version)).filter((entry) => entry.endsWith('.json'))) {
      const entry = JSON.parse(readFileSync(join(root, version, name), 'utf8')) as { sha256: string; doc: { report: unknown } };
      expect(`${entry.sha256}.json`).toBe(name);
      expect(entry.doc.report).toBeTruthy();
      entries++;
    }
  }
  return entries;
}

describe('kill during a batch', () => {
  it(`resumes after ${KILLS} kills at random moments, finished files from the cache, notes intact`, async () => {
    const started = Date.now();
    const folder = tempDir('nianbao-kill-batch-');
    const files = copyFixtures(FILES.map(corpusFile), folder);
    const dataDir = tempDir('nianbao-data-');
    /** Files whose cache entry was written in some run (printed after the write). */
    const finished = new Set<string>();
    /** Per sidecar: the last number confirmed saved, and the numbers whose save may have been cut. */
    const confirmed = new Map<string, number>();
    const inFlight = new Map<string, number>();
    let next = 1;
    let kills = 0;
    let cachedAfterKill = 0;
    let final: Run | null = null;

    for (let run = 0; final === null; run++) {
      const outOfTime = Date.now() - started > BUDGET_MS - 20_000;
      // Once at start-up (before a file is read: the batch must still resume, its record unharmed); otherwise
      // while files are read and notes saved (a run that reads nothing thrice in a row is given up, by design).
      const kill = kills < KILLS && !outOfTime ? { after: run === 1 ? AT_START : AT_FIRST_READ, ms: Math.random() * (run === 1 ? 800 : 1500) } : null;
      const result = await runChild(dataDir, folder, next, run === 0, kill);
      if (run > 0) expect(result.lines[0], `run ${run}: ${result.lines.slice(0, 3).join(' / ')}`).toMatch(/^resumed \d+$/);
      for (const line of result.lines) {
        const [kind, ...rest] = line.split(' ');
        if (kind === 'file') {
          const [how, ...path] = rest;
          const file = path.join(' ');
          // A file finished before a kill is never read again.
          if (finished.has(file)) expect(how, `${file} was read again`).toBe('cached');
          if (how === 'cached' && run > 0) cachedAfterKill++;
          finished.add(file);
        } else if (kind === 'saving' || kind === 'saved') {
          const n = Number(rest.at(-1));
          const path = rest.slice(0, -1).join(' ');
          next = Math.max(next, n + 1);
          if (kind === 'saving') inFlight.set(path, n);
          else {
            confirmed.set(path, n);
            inFlight.delete(path);
          }
        }
      }
      checkCache(dataDir);
      for (const [path, n] of confirmed) {
        const sidecar = `${path}.review.json`;
        const stored = Number(annotationsSchema.parse(JSON.parse(readFileSync(sidecar, 'utf8'))).verdict.comment);
        expect([n, inFlight.get(path)]).toContain(stored);
        if (existsSync(`${sidecar}.bak`)) annotationsSchema.parse(JSON.parse(readFileSync(`${sidecar}.bak`, 'utf8')));
        if (stored !== n) confirmed.set(path, stored);
      }
      for (const [path, n] of inFlight) {
        const sidecar = `${path}.review.json`;
        if (!confirmed.has(path) && existsSync(sidecar)) {
          // Killed during the first save of this document: the sidecar is absent or the complete new version.
          expect(Number(annotationsSchema.parse(JSON.parse(readFileSync(sidecar, 'utf8'))).verdict.comment)).toBe(n);
          confirmed.set(path, n);
        }
      }
      inFlight.clear();
      if (result.killed) {
        kills++;
        if (existsSync(join(dataDir, JOURNAL_FILE))) expect(parseJournal(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8')).problem).toBeNull();
        else expect(result.lines).toContainEqual(expect.stringMatching(/^finished /));
      } else final = result;
      if (result.killed && !existsSync(join(dataDir, JOURNAL_FILE))) final = result;
    }

    expect(kills).toBeGreaterThanOrEqual(1);
    expect(final.lines.at(-1)).toMatch(new RegExp(`^finished ${FILES.length} \\d+$`));
    expect([...finished].sort()).toEqual([...files].sort());
    expect(checkCache(dataDir)).toBe(FILES.length);
    expect(existsSync(join(dataDir, JOURNAL_FILE))).toBe(false);
    const after = new Session({ dataDir, settings: DEFAULT_SETTINGS });
    expect(await after.resumeUnfinishedBatch()).toBeNull();
    const cache = new ResultCache(join(dataDir, 'cache'));
    expect(readdirSync(cache.directory).filter((name) => name.endsWith('.json'))).toHaveLength(FILES.length);
    console.info(`kill-during-batch: ${kills} kills, ${cachedAfterKill} files taken from the cache after a kill, ${confirmed.size} sidecars, ${next - 1} saves, ${Math.round((Date.now() - started) / 1000)} s`);
    expect(cachedAfterKill).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(BUDGET_MS + 30_000);
  }, 120_000);
});
