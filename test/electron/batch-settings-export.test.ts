/** The session's background batches, the settings store and the export handler. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { callApi, createHandlers, type Platform } from '../../electron/api/handlers';
import { startBridge } from '../../electron/http/bridge';
import { BatchTracker } from '../../electron/session/batch-progress';
import { Session } from '../../electron/session/session';
import { SettingsStore } from '../../electron/settings/settings-store';
import { API, type BatchProgress } from '../../shared/api/contract';
import { DEFAULT_APP_SETTINGS } from '../../shared/model/settings';
import { copyFixtures, corpusFile, tempDir } from './helpers/fixtures';

const FILES = ['d19_docx.docx', 'd22_docx.docx', 'd15_docx.docx', 'd16_docx.docx', 'd12_docx.docx', 'd13_docx.docx', 'd14_docx.docx', 'd17_docx.docx'];

const noPlatform: Platform = { pickPaths: async () => [], printSheet: async () => null };

function newSession() {
  const dataDir = tempDir('nianbao-data-');
  return { session: new Session({ dataDir }), dataDir };
}

async function untilFinished(session: Session, batchId: string): Promise<BatchProgress> {
  for (;;) {
    const progress = session.batchProgress(batchId);
    if (progress.finished) return progress;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('batch groups and progress', () => {
  it('estimates the time left from the files done so far', () => {
    let now = 0;
    const batch = new BatchTracker(10, () => now);
    expect(batch.progress()).toMatchObject({ done: 0, total: 10, etaSeconds: null, finished: false });
    now = 4000;
    batch.advance(2, 'a.docx');
    expect(batch.progress()).toMatchObject({ done: 2, current: 'a.docx', etaSeconds: 16 });
    batch.finish();
    expect(batch.progress()).toMatchObject({ done: 10, etaSeconds: 0, finished: true, cancelled: false });
  });
});

describe('Session batches', () => {
  it('lists the documents as pending at once, answers other calls meanwhile, and fills them in', async () => {
    const folder = tempDir();
    copyFixtures(FILES.map(corpusFile), folder);
    const { session } = newSession();
    const { batchId, documents } = await session.startBatch([folder]);
    expect(documents).toHaveLength(FILES.length);
    expect(documents.every((document) => document.status === 'pending')).toBe(true);
    expect(session.list().some((document) => document.status === 'pending')).toBe(true);
    const review = await session.getReview(documents.at(-1)!.id);
    expect(['pending', 'checked']).toContain(review.summary.status);
    const seen: number[] = [];
    for (;;) {
      const progress = session.batchProgress(batchId);
      seen.push(progress.done);
      if (progress.finished) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(seen.at(-1)).toBe(FILES.length);
    expect(new Set(seen).size).toBeGreaterThan(2);
    const list = API.listSession.response.parse({ documents: session.list() }).documents;
    expect(list.every((document) => document.status === 'checked')).toBe(true);
    const byName = Object.fromEntries(list.map((document) => [document.name, document]));
    expect(byName['d19_docx.docx']).toMatchObject({ organKind: 'department', ruleCounts: { 'T3-ROW-SUM': 1, 'T3-COL-SUM': 1 } });
    expect(byName['d19_docx.docx'].table3Totals?.newReceived).toEqual(expect.any(Number));
    const paired = list.filter((document) => document.previousId);
    expect(paired.length).toBeGreaterThan(0);
  });

  it('cancels: files not started leave the session, nothing stays pending', async () => {
    const folder = tempDir();
    copyFixtures(FILES.map(corpusFile), folder);
    const { session } = newSession();
    const { batchId } = await session.startBatch([folder]);
    const cancelled = session.cancelBatch(batchId);
    expect(cancelled.cancelled).toBe(true);
    const progress = await untilFinished(session, batchId);
    expect(progress).toMatchObject({ finished: true, cancelled: true });
    expect(progress.done).toBeLessThan(FILES.length);
    expect(session.list().length).toBeLessThan(FILES.length);
    expect(session.list().every((document) => document.status !== 'pending')).toBe(true);
  });

  it('answers an unknown batch with NOT_FOUND', async () => {
    const { session } = newSession();
    const outcome = await callApi(createHandlers(session, noPlatform), 'batchProgress', { batchId: 'nope' });
    expect(outcome).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND' } });
  });
});

describe('related reports', () => {
  it('remembers a government report\'s subordinate reports by path and checks HIERARCHY-SUM with them', async () => {
    const folder = tempDir();
    const [d22, d19, d17] = copyFixtures([corpusFile('d22_docx.docx'), corpusFile('d19_docx.docx'), corpusFile('d17_docx.docx')], folder);
    const { session, dataDir } = newSession();
    await session.openPaths([d22, d19, d17]);
    const idOf = (path: string) => session.list().find((document) => document.path === path)!.id;
    const government = await session.setSubordinates(idOf(d22), [idOf(d19), idOf(d17)]);
    expect(government.subordinateIds).toEqual([idOf(d19), idOf(d17)]);
    expect(government.ruleCounts?.['HIERARCHY-SUM']).toBeGreaterThan(0);
    expect(JSON.parse(readFileSync(join(dataDir, 'hierarchy.json'), 'utf8'))).toEqual({ [d22]: [d19, d17] });
    const again = new Session({ dataDir });
    const { batchId } = await again.startBatch([d22, d19, d17]);
    await untilFinished(again, batchId);
    expect(again.list().find((document) => document.path === d22)!.subordinateIds).toHaveLength(2);
  });

  it('sets last year\'s report by hand and goes back to automatic pairing', async () => {
    const [d15, d16, d19] = copyFixtures([corpusFile('d15_docx.docx'), corpusFile('d16_docx.docx'), corpusFile('d19_docx.docx')]);
    const { session } = newSession();
    await session.openPaths([d15, d16, d19]);
    const idOf = (path: string) => session.list().find((document) => document.path === path)!.id;
    expect(session.list().find((document) => document.path === d16)!.previousId).toBe(idOf(d15));
    expect(session.setPrevious(idOf(d19), idOf(d15)).previousId).toBe(idOf(d15));
    expect(session.setPrevious(idOf(d19), null).previousId).toBeNull();
    expect(() => session.setPrevious(idOf(d19), idOf(d19))).toThrow();
  });
});

describe('settings', () => {
  it('gives the defaults without a file, saves and reads back, and survives an invalid file', async () => {
    const dataDir = tempDir('nianbao-data-');
    const store = new SettingsStore(dataDir);
    expect(await store.load()).toEqual({ settings: DEFAULT_APP_SETTINGS, problem: null });
    const saved = await store.save({ ...DEFAULT_APP_SETTINGS, office: '临川市政务公开办', reviewers: ['张三'], otherDeadline: '02-28' });
    expect((await store.load()).settings).toEqual(saved);
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')).office).toBe('临川市政务公开办');
    await expect(store.save({ ...DEFAULT_APP_SETTINGS, governmentDeadline: '3月31日' })).rejects.toThrow();
    writeFileSync(store.path, '{"office": 12}');
    expect((await store.load()).problem).toMatch(/无效/);
    writeFileSync(store.path, 'not json');
    expect((await store.load()).settings).toEqual(DEFAULT_APP_SETTINGS);
  });

  it('loads settings.json at startup and re-runs the rules of open documents when saved', async () => {
    const dataDir = tempDir('nianbao-data-');
    writeFileSync(join(dataDir, 'settings.json'), JSON.stringify({ office: '某办', rules: { 'T3-COL-SUM': { enabled: false } } }));
    const session = new Session({ dataDir });
    const handlers = createHandlers(session, noPlatform);
    const [d19] = copyFixtures([corpusFile('d19_docx.docx')]);
    const [opened] = await session.openPaths([d19]);
    expect(opened.ruleCounts).toEqual({ 'T3-ROW-SUM': 1 });
    const { settings } = await handlers.getSettings({});
    expect(settings.office).toBe('某办');
    await handlers.saveSettings({ settings: { ...settings, rules: { 'T3-ROW-SUM': { enabled: true, severity: 'warning' } } } });
    const [after] = session.list();
    expect(after.ruleCounts).toEqual({ 'T3-ROW-SUM': 1, 'T3-COL-SUM': 1 });
    expect(after.counts).toMatchObject({ error: 1, warning: 1 });
  });
});

describe('batch summary sheet', () => {
  it('lists every report with its main problems in short Chinese, errors first, dismissed findings left out', async () => {
    const { session } = newSession();
    await session.saveSettings({ ...DEFAULT_APP_SETTINGS, office: '临川市政务公开办', reviewers: ['张三'] });
    const [d19, d22] = copyFixtures([corpusFile('d19_docx.docx'), corpusFile('d22_docx.docx')]);
    const bad = join(tempDir(), 'empty.docx');
    writeFileSync(bad, '');
    await session.openPaths([d19, d22, bad]);
    const handlers = createHandlers(session, noPlatform);
    const sheet = API.batchSheet.response.parse(await handlers.batchSheet({}));
    expect(sheet).toMatchObject({ office: '临川市政务公开办', reviewers: ['张三'] });
    expect(Date.now() - Date.parse(sheet.generatedAt)).toBeLessThan(60_000);
    const byName = Object.fromEntries(sheet.rows.map((row) => [row.name, row]));
    expect(sheet.rows).toHaveLength(3);
    expect(byName['d19_docx.docx']).toMatchObject({ organ: '临川市自然资源和规划局', year: 2023, errors: 2, status: 'checked', reviewState: 'unreviewed', verdict: null });
    expect(byName['d19_docx.docx'].problems).toBe('表三行合计不符；表三办理结果合计不符');
    expect(byName['empty.docx']).toMatchObject({ status: 'unreadable', problems: expect.stringMatching(/^无法读取：/) });

    const id = byName['d19_docx.docx'].id;
    const review = await session.getReview(id);
    const rowSum = review.findings.find((finding) => finding.rule === 'T3-ROW-SUM')!;
    const now = new Date().toISOString();
    await session.saveAnnotations(id, { ...review.annotations, findings: { [rowSum.key]: { decision: 'dismissed', note: '系笔误', updatedAt: now } }, verdict: { ...review.annotations.verdict, value: '需整改', reviewer: '张三' } });
    const after = (await session.batchSheet()).rows.find((row) => row.id === id)!;
    expect(after).toMatchObject({ problems: '表三办理结果合计不符', verdict: '需整改', reviewer: '张三', reviewState: 'done' });
  });

  it('prints through the platform, and refuses an empty session', async () => {
    const { session } = newSession();
    const printed: string[] = [];
    const handlers = createHandlers(session, { ...noPlatform, printBatchSheet: async (mode) => (printed.push(mode), mode === 'pdf' ? '/tmp/批次汇总表.pdf' : null) });
    expect(await callApi(handlers, 'printBatchSheet', { mode: 'print' })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_PRINT' } });
    await session.openPaths(copyFixtures([corpusFile('d19_docx.docx')]));
    expect(await handlers.printBatchSheet({ mode: 'pdf' })).toEqual({ pdfPath: '/tmp/批次汇总表.pdf' });
    expect(await handlers.printBatchSheet({ mode: 'print' })).toEqual({ pdfPath: null });
    expect(printed).toEqual(['pdf', 'print']);
  });
});

describe('export', () => {
  it('writes the workbook where the platform says, with the three sheets and 说明 (office, reviewers, counts)', async () => {
    const { session } = newSession();
    await session.saveSettings({ ...DEFAULT_APP_SETTINGS, office: '临川市政务公开办', reviewers: ['张三', '李四'] });
    await session.openPaths(copyFixtures([corpusFile('d19_docx.docx'), corpusFile('d22_docx.docx')]));
    const target = join(tempDir(), '导出.xlsx');
    const handlers = createHandlers(session, { ...noPlatform, chooseExportPath: async () => target });
    const result = await handlers.exportWorkbook({ format: 'xlsx' });
    expect(result).toEqual({ path: target, paths: [target], downloadUrl: null });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '问题清单', '数据汇总', '说明']);
    expect(workbook.getWorksheet('汇总')!.rowCount).toBe(3);
    const info = workbook.getWorksheet('说明')!;
    const rows = Object.fromEntries(info.getSheetValues().slice(2).map((row) => [(row as unknown[])[1], (row as unknown[])[2]]));
    expect(rows).toMatchObject({ 审核机关: '临川市政务公开办', 审核人员: '张三、李四', 报告总数: 2, 有错误: 2, 无法读取: 0, 已完成审核: 0 });
    expect(String(rows['导出时间'])).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  });

  it('returns no path when the dialog is cancelled, and refuses an empty session', async () => {
    const { session } = newSession();
    const handlers = createHandlers(session, { ...noPlatform, chooseExportPath: async () => null });
    expect(await callApi(handlers, 'exportWorkbook', { format: 'xlsx' })).toMatchObject({ ok: false, error: { code: 'NOTHING_TO_EXPORT' } });
    await session.openPaths(copyFixtures([corpusFile('d19_docx.docx')]));
    expect(await handlers.exportWorkbook({ format: 'csv' })).toEqual({ path: null, paths: [], downloadUrl: null });
  });

  it('through the bridge: writes into the data folder and offers the file for download with the token', async () => {
    const { session, dataDir } = newSession();
    await session.openPaths(copyFixtures([corpusFile('d19_docx.docx')]));
    const bridge = await startBridge({ session, rendererDir: tempDir() });
    try {
      const outcome = await callApi(createHandlers(session, (await import('../../electron/http/bridge')).browserPlatform), 'exportWorkbook', { format: 'csv' });
      expect(outcome.ok).toBe(true);
      const value = (outcome as { value: { path: string; paths: string[]; downloadUrl: string } }).value;
      expect(value.paths).toHaveLength(4);
      expect(value.paths.at(-1)).toMatch(/-说明\.csv$/);
      expect(readFileSync(value.paths.at(-1)!, 'utf8')).toContain('审核机关,（未设置');
      expect(value.path.startsWith(join(dataDir, 'exports'))).toBe(true);
      expect(existsSync(value.path)).toBe(true);
      const withToken = await get(bridge.port, `${value.downloadUrl}?token=${bridge.token}`);
      expect(withToken.status).toBe(200);
      expect(withToken.body.toString('utf8')).toContain('d19_docx.docx');
      expect((await get(bridge.port, value.downloadUrl)).status).toBe(403);
      expect((await get(bridge.port, `/export/..%2Fsettings.json?token=${bridge.token}`)).status).toBe(404);
    } finally {
      await bridge.close();
    }
  });
});

function get(port: number, path: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path, headers: { Host: `127.0.0.1:${port}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end();
  });
}
