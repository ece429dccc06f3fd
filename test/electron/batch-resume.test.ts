/**
 * An unfinished batch survives the app: remembered in the data folder while it runs, resumed by the next start
 * (the files already done from the cache), and a bad record never stops the app from starting.
 */
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHandlers } from '../../electron/api/handlers';
import { BatchJournal, JOURNAL_FILE, MAX_ATTEMPTS, type JournalBatch } from '../../electron/session/batch-journal';
import { Session } from '../../electron/session/session';
import { API, type BatchProgress } from '../../shared/api/contract';
import { copyFixtures, corpusFile, tempDir } from './helpers/fixtures';

const FILES = ['d19_docx.docx', 'd22_docx.docx', 'd15_docx.docx', 'd16_docx.docx', 'd17_docx.docx'];

async function untilFinished(session: Session, batchId: string): Promise<BatchProgress> {
  for (;;) {
    const progress = session.batchProgress(batchId);
    if (progress.finished) return progress;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function journalEntry(files: string[], attempts = 1): JournalBatch {
  return { id: 'old-batch', startedAt: new Date().toISOString(), paths: files, files, attempts };
}

describe('the batch journal', () => {
  it('is absent without batches, written atomically while one runs, and removed when it ends', async () => {
    const dataDir = tempDir('nianbao-data-');
    const journal = new BatchJournal(dataDir);
    expect(await journal.load()).toEqual({ batches: [], problem: null });
    await journal.add(journalEntry(['/a.docx']));
    await journal.add({ ...journalEntry(['/b.docx']), id: 'other' });
    expect((await new BatchJournal(dataDir).load()).batches.map((batch) => batch.id)).toEqual(['old-batch', 'other']);
    await journal.remove('old-batch');
    expect((await new BatchJournal(dataDir).load()).batches.map((batch) => batch.files)).toEqual([['/b.docx']]);
    await journal.remove('other');
    expect(existsSync(join(dataDir, JOURNAL_FILE))).toBe(false);
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // A write cut short by a kill leaves its temporary file: removed at the next load once it is old.
    const left = join(dataDir, `.${JOURNAL_FILE}.123.abcd.tmp`);
    writeFileSync(left, '{"version": 1, "batc');
    utimesSync(left, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
    writeFileSync(join(dataDir, `.${JOURNAL_FILE}.456.ef01.tmp`), '');
    await new BatchJournal(dataDir).load();
    expect(readdirSync(dataDir).filter((name) => name.endsWith('.tmp'))).toEqual([`.${JOURNAL_FILE}.456.ef01.tmp`]);
  });

  it('sets a damaged or invalid record aside with a warning, never throwing', async () => {
    for (const text of ['{"version": 1, "batches": [{"id": "x"', '{"version": 2, "batches": []}', '[]', '']) {
      const dataDir = tempDir('nianbao-data-');
      writeFileSync(join(dataDir, JOURNAL_FILE), text);
      const loaded = await new BatchJournal(dataDir).load();
      expect(loaded.batches).toEqual([]);
      expect(loaded.problem).toMatch(/上次未完成批次的记录文件.*已忽略/);
      expect(existsSync(join(dataDir, JOURNAL_FILE))).toBe(false);
      expect(readFileSync(join(dataDir, `${JOURNAL_FILE}.invalid`), 'utf8')).toBe(text);
    }
  });
});

describe('resuming an unfinished batch', () => {
  it('remembers a running batch, and forgets it once finished', async () => {
    const folder = tempDir();
    copyFixtures(FILES.map(corpusFile), folder);
    const dataDir = tempDir('nianbao-data-');
    const session = new Session({ dataDir });
    const { batchId } = await session.startBatch([folder]);
    const recorded = JSON.parse(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8'));
    expect(recorded).toMatchObject({ version: 1, batches: [{ id: batchId, paths: [folder], attempts: 1 }] });
    expect(recorded.batches[0].files).toHaveLength(FILES.length);
    await untilFinished(session, batchId);
    expect(existsSync(join(dataDir, JOURNAL_FILE))).toBe(false);
    expect(await new Session({ dataDir }).resumeUnfinishedBatch()).toBeNull();
  });

  it('resumes at start: the files done before come from the cache, the others are read', async () => {
    const folder = tempDir();
    const files = copyFixtures(FILES.map(corpusFile), folder);
    const dataDir = tempDir('nianbao-data-');
    // A first run that got through two files before it was killed: their entries are in the cache.
    const first = new Session({ dataDir });
    await first.openPaths(files.slice(0, 2));
    writeFileSync(join(dataDir, JOURNAL_FILE), JSON.stringify({ version: 1, batches: [journalEntry(files)] }));

    const events: { path: string; cached: boolean }[] = [];
    const session = new Session({ dataDir, onBatchFile: (event) => events.push(event) });
    const handlers = createHandlers(session, { pickPaths: async () => [], printSheet: async () => null });
    expect(API.currentBatch.response.parse(await handlers.currentBatch({}))).toEqual({ batch: null, notice: null });
    const resumed = await session.resumeUnfinishedBatch();
    expect(resumed!.documents.map((document) => document.path)).toEqual(files);
    const journal = JSON.parse(readFileSync(join(dataDir, JOURNAL_FILE), 'utf8'));
    expect(journal.batches).toEqual([expect.objectContaining({ id: resumed!.batchId, attempts: 2, files })]);
    const current = API.currentBatch.response.parse(await handlers.currentBatch({}));
    expect(current.batch).toMatchObject({ batchId: resumed!.batchId, resumed: true, total: FILES.length });
    const progress = await untilFinished(session, resumed!.batchId);
    expect(progress).toMatchObject({ finished: true, cancelled: false, resumed: true, cached: 2, done: FILES.length });
    expect(events.filter((event) => event.cached).map((event) => event.path).sort()).toEqual(files.slice(0, 2).sort());
    expect(events.filter((event) => !event.cached).map((event) => event.path).sort()).toEqual(files.slice(2).sort());
    expect(session.list().every((document) => document.status === 'checked')).toBe(true);
    expect(existsSync(join(dataDir, JOURNAL_FILE))).toBe(false);
  });

  it('leaves out files that are gone, and gives up on a batch that never finishes', async () => {
    const [file] = copyFixtures([corpusFile('d19_docx.docx')]);
    const dataDir = tempDir('nianbao-data-');
    writeFileSync(join(dataDir, JOURNAL_FILE), JSON.stringify({ version: 1, batches: [journalEntry([file, join(dataDir, 'gone.docx')])] }));
    const session = new Session({ dataDir });
    const resumed = await session.resumeUnfinishedBatch();
    expect(resumed!.documents.map((document) => document.path)).toEqual([file]);
    await untilFinished(session, resumed!.batchId);

    const stubborn = tempDir('nianbao-data-');
    writeFileSync(join(stubborn, JOURNAL_FILE), JSON.stringify({ version: 1, batches: [journalEntry([file], MAX_ATTEMPTS)] }));
    const again = new Session({ dataDir: stubborn });
    expect(await again.resumeUnfinishedBatch()).toBeNull();
    expect(again.currentBatch().notice).toMatch(/不再自动恢复/);
    expect(existsSync(join(stubborn, JOURNAL_FILE))).toBe(false);
  });

  it('npm run serve resumes it at start and lands on the dashboard', async () => {
    const files = copyFixtures(FILES.slice(0, 3).map(corpusFile));
    const dataDir = tempDir('nianbao-data-');
    writeFileSync(join(dataDir, JOURNAL_FILE), JSON.stringify({ version: 1, batches: [journalEntry(files)] }));
    const previous = process.env.NIANBAO_DATA_DIR;
    process.env.NIANBAO_DATA_DIR = dataDir;
    try {
      const { serve } = await import('../../electron/serve');
      const { bridge, url } = await serve({ port: 0, paths: [], sample: true });
      try {
        expect(url).toMatch(/#\/list$/);
        const response = await fetch(`http://127.0.0.1:${bridge.port}/api/currentBatch`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'x-nianbao-token': bridge.token, Host: `127.0.0.1:${bridge.port}` },
          body: '{}',
        });
        const current = API.currentBatch.response.parse(await response.json());
        expect(current.batch).toMatchObject({ resumed: true, total: 3 });
        const { documents } = API.listSession.response.parse(await (await fetch(`http://127.0.0.1:${bridge.port}/api/listSession`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-nianbao-token': bridge.token }, body: '{}' })).json());
        expect(documents.map((document) => document.path)).toEqual(files);
      } finally {
        await bridge.close();
      }
    } finally {
      if (previous === undefined) delete process.env.NIANBAO_DATA_DIR;
      else process.env.NIANBAO_DATA_DIR = previous;
    }
  });

  it('starts normally over a damaged record, with a notice', async () => {
    const dataDir = tempDir('nianbao-data-');
    writeFileSync(join(dataDir, JOURNAL_FILE), '{"version":1,"batches":[{"id":"abc","files":');
    const session = new Session({ dataDir });
    expect(await session.resumeUnfinishedBatch()).toBeNull();
    expect(session.currentBatch()).toEqual({ batch: null, notice: expect.stringMatching(/已损坏/) });
    expect(session.list()).toEqual([]);
  });
});
