/**
 * A document can never make the app read or write outside the paths the user chose. Every file operation of
 * this process is recorded (test/fuzz/support/fs-guard.ts) while a report full of external references is
 * read, checked, opened in a session, annotated and converted for the original view: no path touched may lead
 * to the files those references name (all of them marked SENTINEL), nor anywhere but the document itself, its
 * sidecars and the app's data folder; and no network connection is opened.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnnotationStore } from '../../electron/annotations/annotation-store';
import { callApi, createHandlers, type Platform } from '../../electron/api/handlers';
import { readDocumentFile } from '../../electron/batch/read-document';
import { checkFiles } from '../../electron/services/check-files';
import { packageForHtml } from '../../electron/session/original';
import { htmlOfPackage } from '../../electron/session/original-html';
import { Session } from '../../electron/session/session';
import { ANNOTATIONS_VERSION } from '../../shared/model/annotations';
import { FsGuard, type Access } from '../fuzz/support/fs-guard';
import { SENTINEL, externalReferenceDocx } from '../fuzz/support/hostile-docx';

const REPOSITORY = resolve(import.meta.dirname, '..', '..');
const SECRET = `${SENTINEL}-CONTENT: this file must never be read`;
const noPlatform: Platform = { pickPaths: async () => [], printSheet: async () => null };

const root = mkdtempSync(join(tmpdir(), 'nianbao-paths-'));
const documents = join(root, 'chosen');
const dataDir = join(root, 'data');
/** The sentinel sits outside the chosen folder: beside it, and referenced by absolute path, file: URL and ../ */
const sentinel = join(root, `${SENTINEL}.png`);
const docPath = join(documents, 'report.docx');

/** Loading the code under test (vitest's module runner, pdf.js assets) reads the repository; that is not the document's doing. */
function isCodeLoading(access: Access): boolean {
  const path = resolve(access.path);
  return (path.startsWith(REPOSITORY + sep) || path.includes(`${sep}node_modules${sep}`)) && !path.includes(SENTINEL);
}

/** Paths the app may touch for a document in `documents`: the document, its sidecars beside it, its data folder. */
function isAllowed(access: Access): boolean {
  const path = resolve(access.path);
  if (path === docPath || path === documents || path === dataDir) return true;
  if (dirname(path) === documents && /^\.?report\.docx\.review(?:\.\d+)?\.json(?:\.bak)?(?:\.\d+\.[0-9a-f]+\.tmp)?$/.test(path.slice(documents.length + 1))) return true;
  return !relative(dataDir, path).startsWith('..');
}

function expectConfined(guard: FsGuard): void {
  const touched = guard.accesses.filter((access) => !isCodeLoading(access));
  expect(touched.filter((access) => access.path.includes(SENTINEL) || access.path.includes('passwd'))).toEqual([]);
  expect(touched.filter((access) => !isAllowed(access))).toEqual([]);
  expect(guard.connections).toEqual([]);
}

beforeAll(() => {
  mkdirSync(documents, { recursive: true });
  writeFileSync(sentinel, SECRET);
  const bytes = externalReferenceDocx({ absolute: sentinel, fileUrl: pathToFileURL(sentinel).href, relative: `../../${SENTINEL}.png` });
  writeFileSync(docPath, bytes);
});

afterAll(() => {
  expect(readFileSync(sentinel, 'utf8')).toBe(SECRET);
});

describe('a report full of references to outside files', () => {
  it('is read and checked touching only the document', async () => {
    const guard = new FsGuard();
    const [read, [checked]] = await guard.during(async () => [await readDocumentFile(docPath), await checkFiles([docPath])] as const);
    expect(read.doc?.report.organ).toBe('临川市自然资源和规划局');
    expect(checked.status).toBe('checked');
    expect(JSON.stringify(read.doc)).not.toContain(SENTINEL);
    expectConfined(guard);
    expect(guard.accesses.some((access) => resolve(access.path) === docPath)).toBe(true);
  });

  it('is converted for the original view without reading any linked file', async () => {
    const guard = new FsGuard();
    const html = await guard.during(() => htmlOfPackage(packageForHtml(new Uint8Array(readFileSync(docPath)))));
    expect(html).toContain('政府信息公开');
    expect(html).not.toContain(SENTINEL + '-CONTENT');
    expect(html).not.toContain(Buffer.from(SECRET).toString('base64').slice(0, 24));
    expectConfined(guard);
  });

  it('is opened, reviewed and annotated in a session touching only the document, its sidecars and the data folder', async () => {
    const guard = new FsGuard();
    await guard.during(async () => {
      const session = new Session({ dataDir, settings: {} as never });
      const handlers = createHandlers(session, noPlatform);
      const opened = await callApi(handlers, 'openPaths', { paths: [docPath] });
      expect(opened.ok).toBe(true);
      const id = session.list()[0].id;
      const review = await callApi(handlers, 'getReview', { id });
      if (!review.ok) throw new Error(review.error.message);
      const annotations = (review.value as { annotations: Record<string, unknown> }).annotations;
      const saved = await callApi(handlers, 'saveAnnotations', { id, annotations: { ...annotations, cellNotes: { 'table3.granted.total': '核对' } } });
      expect(saved.ok).toBe(true);
    });
    expectConfined(guard);
  });
});

describe('a sidecar naming other paths', () => {
  const hostile = {
    version: ANNOTATIONS_VERSION,
    fileName: `../../${SENTINEL}/report.docx`,
    documentSha256: 'a'.repeat(64),
    documentPath: sentinel,
    path: sentinel,
    sidecarPath: join(root, `${SENTINEL}.review.json`),
    fallbackPath: `../../${SENTINEL}`,
    updatedAt: '2024-01-01T00:00:00.000Z',
  };

  it('is never followed: notes load and save only beside the document or in the data folder', async () => {
    const { documentPath: _d, path: _p, sidecarPath: _s, fallbackPath: _f, ...valid } = hostile;
    for (const sidecar of [hostile, valid, { ...valid, fileName: sentinel }, { ...valid, fileName: pathToFileURL(sentinel).href }]) {
      writeFileSync(`${docPath}.review.json`, JSON.stringify(sidecar));
      const guard = new FsGuard();
      const store = new AnnotationStore({ dataDir });
      const loaded = await guard.during(async () => {
        const notes = await store.load({ path: docPath, sha256: 'b'.repeat(64) });
        await store.save({ path: docPath, sha256: 'b'.repeat(64) }, notes.annotations);
        return notes;
      });
      expect(loaded.info.path.startsWith(documents + sep) || loaded.info.path.startsWith(dataDir + sep)).toBe(true);
      expect(loaded.info.path).not.toContain(SENTINEL);
      expectConfined(guard);
    }
  });
});
