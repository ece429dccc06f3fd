import { copyFileSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readInParallel } from '../../electron/batch/read-pool';
import { ResultCache } from '../../electron/batch/result-cache';
import { checkFiles, readFiles } from '../../electron/services/check-files';
import { docxFromBody, textParagraph } from '../read/docx-builder';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const WORD = ['d02_docx.docx', 'd19_docx.docx', 'd22_docx.docx', 's000_docx.docx'].map((name) => join(CORPUS, name));

describe('reading files on worker threads', () => {
  it('reads every file, in order, the same as in-process', async () => {
    const parallel = await readInParallel(WORD, { concurrency: 2 });
    const alone = await readInParallel(WORD, { concurrency: 1 });
    expect(parallel.map((r) => r.doc?.report)).toEqual(alone.map((r) => r.doc?.report));
    expect(parallel.map((r) => r.doc?.report.organ)).toEqual(['临川市自然资源和规划局', '临川市自然资源和规划局', '清源县人民政府', '和田地区机关事务管理局']);
  }, 60_000);

  it('a bad file ends as unreadable and the others are still read', async () => {
    const results = await readInParallel([WORD[0], join(BAD, 'bomb.docx'), join(BAD, 'empty.docx'), WORD[1]], { concurrency: 2 });
    expect(results.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ZIP_BOMB', 'EMPTY_FILE', 'ok']);
  }, 60_000);

  it('a file over its time limit ends as TIMEOUT, its worker is replaced and the run goes on', async () => {
    const slow = join(mkdtempSync(join(tmpdir(), 'nianbao-slow-')), 'slow.docx');
    writeFileSync(slow, docxFromBody(Array.from({ length: 120_000 }, (_, i) => textParagraph(`第${i}段正文`)).join('')));
    const results = await readInParallel([slow, ...WORD], { concurrency: 2, timeoutMs: 500 });
    expect(results[0].error?.code).toBe('TIMEOUT');
    expect(results.slice(1).every((r) => r.doc)).toBe(true);
  }, 60_000);

  it('cancels the files not yet started', async () => {
    const controller = new AbortController();
    const files = [...WORD, ...WORD, ...WORD];
    const results = await readInParallel(files, {
      concurrency: 2,
      signal: controller.signal,
      onProgress: (done) => done >= 2 && controller.abort(),
    });
    expect(results).toHaveLength(files.length);
    expect(results.some((r) => r.error?.code === 'CANCELLED')).toBe(true);
    expect(results.filter((r) => r.doc).length).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe('the result cache', () => {
  it('keeps review documents by file hash and reads again only what changed', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
    const cacheDir = join(folder, 'cache');
    const files = WORD.map((file, i) => {
      const copy = join(folder, `${i}.docx`);
      copyFileSync(file, copy);
      return copy;
    });
    const first = await checkFiles(files, { cacheDir });
    const entries = readdirSync(join(cacheDir, readdirSync(cacheDir)[0]));
    expect(entries).toHaveLength(4);
    copyFileSync(join(CORPUS, 'd33_docx.docx'), files[0]);
    const second = await checkFiles(files, { cacheDir });
    expect(second.slice(1).map((r) => r.findings)).toEqual(first.slice(1).map((r) => r.findings));
    expect(second[0].status === 'checked' && second[0].report.organ).toBe('东岭区城市管理局');
    expect(readdirSync(join(cacheDir, readdirSync(cacheDir)[0]))).toHaveLength(5);
  }, 60_000);

  it('treats a damaged entry as a miss', async () => {
    const cache = new ResultCache(mkdtempSync(join(tmpdir(), 'nianbao-cache-')));
    const sha = 'a'.repeat(64);
    expect(await cache.get(sha)).toBeNull();
    const [read] = await readInParallel([WORD[0]]);
    await cache.put(sha, read.doc!);
    expect((await cache.get(sha))?.report).toEqual(read.doc!.report);
    const path = join((cache as unknown as { folder: string }).folder, `${sha}.json`);
    writeFileSync(path, '{"report": 1');
    expect(await cache.get(sha)).toBeNull();
    const sound = JSON.stringify({ sha256: sha, doc: read.doc });
    for (const damaged of [sound.slice(0, sound.length / 2), JSON.stringify(read.doc), sound.replace(sha, 'b'.repeat(64)), JSON.stringify({ sha256: sha, doc: { ...read.doc, cells: null } }), '']) {
      writeFileSync(path, damaged);
      expect(await cache.get(sha)).toBeNull();
    }
    writeFileSync(path, sound);
    expect((await cache.get(sha))?.report).toEqual(read.doc!.report);
  });

  it('writes each entry as its file finishes, before telling of it, and sweeps stale temporary files', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-cache-'));
    const cacheDir = join(folder, 'cache');
    const cache = new ResultCache(cacheDir);
    const seen: { file: string; cached: boolean; entries: number }[] = [];
    const count = () => readdirSync(cache.directory).filter((name) => name.endsWith('.json')).length;
    await readFiles(WORD, { cacheDir, concurrency: 2, onFile: (file, outcome) => seen.push({ file, cached: outcome.cached, entries: count() }) });
    expect(seen.map((event) => event.entries).sort()).toEqual([1, 2, 3, 4]);
    expect(seen.every((event) => !event.cached)).toBe(true);
    const again: boolean[] = [];
    await readFiles(WORD, { cacheDir, onFile: (_file, outcome) => again.push(outcome.cached) });
    expect(again).toEqual([true, true, true, true]);
    const stale = join(cache.directory, `${'d'.repeat(64)}.json.1.abcd.tmp`);
    writeFileSync(stale, '{"sha256":');
    utimesSync(stale, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeFileSync(join(cache.directory, 'fresh.tmp'), '');
    expect(await cache.sweep()).toBe(1);
    expect(readdirSync(cache.directory).filter((name) => name.endsWith('.tmp'))).toEqual(['fresh.tmp']);
  }, 60_000);
});

describe('a run cancelled before it starts', () => {
  it('ends at once with every file cancelled, in-process or on workers', async () => {
    const controller = new AbortController();
    controller.abort();
    for (const concurrency of [1, 2]) {
      const results = await readInParallel(WORD, { concurrency, signal: controller.signal });
      expect(results.map((r) => r.error?.code)).toEqual(WORD.map(() => 'CANCELLED'));
    }
  });
});
