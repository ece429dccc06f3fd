import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { callApi, createHandlers, type Platform } from '../../electron/api/handlers';
import { AnnotationStore } from '../../electron/annotations/annotation-store';
import { cellMapOf } from '../../electron/session/original';
import { MAX_RECENT_FILES, RecentFiles } from '../../electron/session/recent-files';
import { Session } from '../../electron/session/session';
import { API } from '../../shared/api/contract';
import { findingKey } from '../../shared/model/annotations';
import { readDocx } from '../../shared/read/docx';
import { BAD_FIXTURES, copyFixtures, corpusFile, tempDir } from './helpers/fixtures';

const noPlatform: Platform = {
  pickPaths: async () => [],
  printSheet: async () => null,
};

function newSession() {
  const dataDir = tempDir('nianbao-data-');
  return { session: new Session({ dataDir }), dataDir };
}

describe('Session', () => {
  const folder = tempDir();
  const [d19, d22, d12, d13, corrupt] = copyFixtures(
    [corpusFile('d19_docx.docx'), corpusFile('d22_docx.docx'), corpusFile('d12_docx.docx'), corpusFile('d13_docx.docx'), join(BAD_FIXTURES, 'corrupt.docx')],
    folder,
  );
  let session: Session;
  let dataDir: string;

  beforeAll(async () => {
    ({ session, dataDir } = newSession());
    await session.openPaths([d19, d22, d12, d13, corrupt]);
  });

  it('lists the documents opened, checked by the engine, with stable ids', async () => {
    const list = session.list();
    expect(API.listSession.response.parse({ documents: list }).documents).toHaveLength(5);
    const byName = Object.fromEntries(list.map((document) => [document.name, document]));
    expect(byName['d19_docx.docx']).toMatchObject({ status: 'checked', organ: '临川市自然资源和规划局', year: 2023, counts: { error: 2 }, reviewState: 'unreviewed', verdict: null, error: null });
    expect(byName['corrupt.docx']).toMatchObject({ status: 'unreadable', error: { code: 'CORRUPT_DOCX' } });
    const again = newSession().session;
    const [reopened] = await again.openPaths([d19]);
    expect(reopened.id).toBe(byName['d19_docx.docx'].id);
  });

  it('reports the findings of the rules, keyed for the sidecar', async () => {
    const [first] = session.list().filter((document) => document.path === d19);
    const review = API.getReview.response.parse(await session.getReview(first.id));
    expect(review.findings.map((finding) => finding.rule).sort()).toEqual(['T3-COL-SUM', 'T3-ROW-SUM']);
    for (const finding of review.findings) expect(finding.key).toBe(findingKey(finding));
    expect(review.cells['table3.granted.total']).toMatchObject({ status: 'ok', value: 120, source: { kind: 'docx' } });
    expect(review.sections.map((section) => section.id)).toEqual(['一', '二', '三', '四', '五', '六']);
    expect(review.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(review.annotationsInfo).toMatchObject({ path: `${d19}.review.json`, fallback: false, warning: null });

    const t4 = await session.getReview(session.list().find((document) => document.path === d22)!.id);
    expect(t4.findings.map((finding) => finding.rule)).toEqual(['T4-SUM']);
  });

  it("pairs last year's report among the session's documents", async () => {
    const d13Review = await session.getReview(session.list().find((document) => document.path === d13)!.id);
    expect(d13Review.previousFile).toBe(d12);
    const d12Review = await session.getReview(session.list().find((document) => document.path === d12)!.id);
    expect(d12Review.previousFile).toBeNull();
  });

  it("re-runs the rules with the reviewer's corrections from the sidecar", async () => {
    const id = session.list().find((document) => document.path === d19)!.id;
    const review = await session.getReview(id);
    const corrections = {
      'table3.granted.naturalPerson': { value: 93, originalValue: 94, originalRaw: '94', note: '原文笔误', updatedAt: '2024-03-01T10:00:00.000Z' },
    };
    const saved = await session.saveAnnotations(id, { ...review.annotations, corrections });
    expect(API.saveAnnotations.response.parse(saved).findings).toEqual([]);
    expect(saved.cells['table3.granted.naturalPerson']).toMatchObject({ value: 93, correctedFrom: { value: 94 } });
    expect(saved.summary).toMatchObject({ counts: { error: 0 }, reviewState: 'inProgress' });
    expect(JSON.parse(readFileSync(`${d19}.review.json`, 'utf8')).corrections).toEqual(corrections);

    const fresh = newSession().session;
    await fresh.openPaths([d19]);
    expect(fresh.list()[0].counts.error).toBe(0);
    const reverted = await session.saveAnnotations(id, { ...saved.annotations, corrections: {}, verdict: { value: '需整改', comment: '', reviewer: '张三', date: '2024-03-02' } });
    expect(reverted.findings).toHaveLength(2);
    expect(reverted.summary).toMatchObject({ reviewState: 'done', verdict: '需整改' });
  });

  it('shows an unreadable document with its error and no original', async () => {
    const id = session.list().find((document) => document.path === corrupt)!.id;
    const review = API.getReview.response.parse(await session.getReview(id));
    expect(review).toMatchObject({ report: null, findings: [], cells: {}, sections: [] });
    expect(await session.getOriginal(id)).toMatchObject({ kind: 'none', message: expect.stringContaining('损坏') });
  });

  it('gives the Word original as mammoth HTML with a cell map whose rows match its <td>s', async () => {
    const id = session.list().find((document) => document.path === d22)!.id;
    const original = API.getOriginal.response.parse(await session.getOriginal(id));
    if (original.kind !== 'html') throw new Error(original.kind);
    expect(tdCounts(original.html)).toEqual(original.cellMap.map((rows) => rows.map((cells) => cells.length)));
    const source = (await session.getReview(id)).cells['table4.review.total'].source;
    if (source?.kind !== 'docx') throw new Error('no docx source');
    expect(original.cellMap[source.table][source.row]).toContain(source.cell);
  });

  it('walks folders for reports and skips other files', async () => {
    const walked = tempDir();
    copyFixtures([corpusFile('d01_docx.docx'), corpusFile('d02_docx.docx')], join(walked, 'sub'));
    writeFileSync(join(walked, 'notes.txt'), 'not a report');
    writeFileSync(join(walked, '~$d01_docx.docx'), 'word lock file');
    const { session: fresh } = newSession();
    const opened = await fresh.openPaths([walked]);
    expect(opened.map((document) => document.name)).toEqual(['d01_docx.docx', 'd02_docx.docx']);
    expect(opened.every((document) => document.status === 'checked')).toBe(true);
  });

  it('remembers recently opened paths, newest first, at most 20', async () => {
    const recent = await session.recentFiles();
    expect(recent.map((file) => file.path)).toEqual([corrupt, d13, d12, d22, d19]);
    const list = new RecentFiles(dataDir);
    for (let i = 0; i < 30; i++) await list.add([`/tmp/report-${i}.docx`]);
    const files = await list.list();
    expect(files).toHaveLength(MAX_RECENT_FILES);
    expect(files[0].path).toBe('/tmp/report-29.docx');
    writeFileSync(join(dataDir, 'recent-files.json'), '{"files": [{"path": 1}]}');
    expect(await list.list()).toEqual([]);
  });

  it('opens the sample from a copy in the data folder, copied once', async () => {
    const { session: fresh, dataDir: data } = newSession();
    const sample = await fresh.openSample();
    expect(sample.path.startsWith(join(data, 'sample'))).toBe(true);
    expect(sample).toMatchObject({ status: 'checked', organ: '临川市自然资源和规划局' });
    const review = await fresh.getReview(sample.id);
    await fresh.saveAnnotations(sample.id, { ...review.annotations, cellNotes: { 'table3.granted.total': '示例' } });
    expect(existsSync(`${sample.path}.review.json`)).toBe(true);
    const again = await fresh.openSample();
    expect(again.id).toBe(sample.id);
    expect(again.reviewState).toBe('inProgress');
  });
});

describe('handlers', () => {
  const [d19] = copyFixtures([corpusFile('d19_docx.docx')]);
  const { session } = newSession();
  const handlers = createHandlers(session, noPlatform);

  it('answers every method of the contract, validated', async () => {
    const opened = await callApi(handlers, 'openPaths', { paths: [d19] });
    if (!opened.ok) throw new Error(opened.error.message);
    const id = (opened.value as { documents: { id: string }[] }).documents[0].id;
    for (const [method, request] of [
      ['listSession', {}],
      ['recentFiles', {}],
      ['pickFiles', { folder: false }],
      ['getReview', { id }],
      ['getOriginal', { id }],
      ['printSheet', { id, mode: 'pdf' }],
    ] as const) {
      const outcome = await callApi(handlers, method, request);
      expect(outcome.ok, method).toBe(true);
    }
  });

  it('rejects bad requests, unknown methods and unknown documents in Chinese', async () => {
    expect(await callApi(handlers, 'getReview', { id: '../../etc/passwd' })).toMatchObject({ ok: false, status: 400, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/请求参数无效/) } });
    expect(await callApi(handlers, 'openPaths', { paths: [] })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await callApi(handlers, 'deleteEverything', {})).toMatchObject({ ok: false, status: 404, error: { code: 'UNKNOWN_METHOD' } });
    expect(await callApi(handlers, 'toString', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    expect(await callApi(handlers, 'getReview', { id: 'abc' })).toMatchObject({ ok: false, status: 404, error: { code: 'NOT_FOUND', message: expect.stringMatching(/找不到该文档/) } });
    expect(await callApi(handlers, 'saveAnnotations', { id: 'abc', annotations: { version: 1 } })).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
  });

  it('reports a response that breaks the contract as an internal error', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const broken = { ...handlers, listSession: async () => ({ documents: [{ id: 'x' }] }) } as unknown as typeof handlers;
    expect(await callApi(broken, 'listSession', {})).toMatchObject({ ok: false, status: 500, error: { code: 'BAD_RESPONSE' } });
  });

  it('reports a failed save with the reason', async () => {
    const failing = new AnnotationStore({ dataDir: tempDir(), fs: { ...(await import('../../electron/files/durable-fs')).nodeDurableFs, writeDurably: async () => Promise.reject(new Error('磁盘已满')) } });
    const withFailingStore = new Session({ dataDir: tempDir(), store: failing });
    const [document] = await withFailingStore.openPaths([d19]);
    const review = await withFailingStore.getReview(document.id);
    const outcome = await callApi(createHandlers(withFailingStore, noPlatform), 'saveAnnotations', { id: document.id, annotations: review.annotations });
    expect(outcome).toMatchObject({ ok: false, status: 500, error: { code: 'SAVE_FAILED', message: expect.stringContaining('磁盘已满') } });
  });
});

describe('cell map', () => {
  it('agrees with the <td>s mammoth emits, for every Word file of the corpus', async () => {
    const files = readdirSync(corpusFile('')).filter((name) => name.endsWith('.docx'));
    expect(files.length).toBeGreaterThan(30);
    for (const name of files) {
      const bytes = readFileSync(corpusFile(name));
      const { value: html } = await mammoth.convertToHtml({ buffer: bytes });
      const map = cellMapOf(readDocx(new Uint8Array(bytes)));
      expect(tdCounts(html), name).toEqual(map.map((rows) => rows.map((cells) => cells.length)));
    }
  }, 120_000);
});

/** Per <table> (in document order, nested ones included), the number of <td>/<th> in each of its own rows. */
function tdCounts(html: string): number[][] {
  const tables: number[][] = [];
  const open: number[] = [];
  for (const [, closing, name] of html.matchAll(/<(\/?)(table|tr|td|th)\b[^>]*>/g)) {
    const current = open.at(-1);
    if (name === 'table' && !closing) open.push(tables.push([]) - 1);
    else if (name === 'table') open.pop();
    else if (name === 'tr' && !closing && current !== undefined) tables[current].push(0);
    else if ((name === 'td' || name === 'th') && !closing && current !== undefined) tables[current][tables[current].length - 1]++;
  }
  return tables;
}
