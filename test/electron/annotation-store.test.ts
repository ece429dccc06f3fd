import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnnotationStore, numberedSidecarPath, parseSidecar } from '../../electron/annotations/annotation-store';
import { nodeDurableFs, type DurableFs } from '../../electron/files/durable-fs';
import { annotationsSchema, emptyAnnotations, type Annotations } from '../../shared/model/annotations';
import { tempDir } from './helpers/fixtures';

const SHA_A = 'a'.repeat(64);
const SHA_B = 'b'.repeat(64);

function setup(fsFor?: (folder: string) => DurableFs) {
  const folder = tempDir();
  const documentPath = join(folder, '报告.docx');
  writeFileSync(documentPath, 'document bytes');
  const dataDir = tempDir('nianbao-data-');
  const store = new AnnotationStore({ dataDir, fs: fsFor?.(folder) });
  return { folder, documentPath, dataDir, store, sidecar: `${documentPath}.review.json` };
}

function notes(comment: string, sha = SHA_A): Annotations {
  const empty = emptyAnnotations('报告.docx', sha);
  return {
    ...empty,
    findings: { 'T3-ROW-SUM|table3|granted|total||': { decision: 'confirmed', note: '请核实', updatedAt: '2024-03-01T10:00:00.000Z' } },
    cellNotes: { 'table3.granted.total': '与上年不一致' },
    verdict: { ...empty.verdict, value: '需整改', comment },
  };
}

/** A folder that cannot be written, as a read-only mount would behave (chmod does not stop root). */
function readOnlyFolderFs(folder: string): DurableFs {
  const refuse = (path: string) => {
    if (path.startsWith(`${folder}/`)) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
  };
  return {
    ...nodeDurableFs,
    writeDurably: async (path, content) => {
      refuse(path);
      return nodeDurableFs.writeDurably(path, content);
    },
    rename: async (from, to) => {
      refuse(to);
      return nodeDurableFs.rename(from, to);
    },
    copyFile: async (from, to) => {
      refuse(to);
      return nodeDurableFs.copyFile(from, to);
    },
    canWriteFolder: async (path) => path !== folder && nodeDurableFs.canWriteFolder(path),
  };
}

describe('AnnotationStore', () => {
  it('starts from empty notes where there is no sidecar', async () => {
    const { store, documentPath, sidecar } = setup();
    const loaded = await store.load({ path: documentPath, sha256: SHA_A });
    expect(loaded.annotations).toMatchObject({ version: 1, fileName: '报告.docx', documentSha256: SHA_A, findings: {} });
    expect(loaded.info).toEqual({ path: sidecar, fallback: false, warning: null, message: null });
    expect(existsSync(sidecar)).toBe(false);
  });

  it('saves beside the document and reads the same notes back', async () => {
    const { store, documentPath, sidecar } = setup();
    const saved = await store.save({ path: documentPath, sha256: SHA_A }, notes('第一次'));
    expect(saved.info).toMatchObject({ path: sidecar, fallback: false, warning: null });
    expect(annotationsSchema.parse(JSON.parse(readFileSync(sidecar, 'utf8')))).toEqual(saved.annotations);
    const loaded = await store.load({ path: documentPath, sha256: SHA_A });
    expect(loaded.annotations).toEqual(saved.annotations);
    expect(loaded.annotations.verdict).toMatchObject({ value: '需整改', comment: '第一次' });
    expect(loaded.annotations.cellNotes).toEqual({ 'table3.granted.total': '与上年不一致' });
  });

  it('keeps the previous version as .review.json.bak', async () => {
    const { store, documentPath, sidecar } = setup();
    await store.save({ path: documentPath, sha256: SHA_A }, notes('第一次'));
    expect(existsSync(`${sidecar}.bak`)).toBe(false);
    await store.save({ path: documentPath, sha256: SHA_A }, notes('第二次'));
    expect(JSON.parse(readFileSync(`${sidecar}.bak`, 'utf8')).verdict.comment).toBe('第一次');
    expect(JSON.parse(readFileSync(sidecar, 'utf8')).verdict.comment).toBe('第二次');
  });

  it('stores the document hash and file name of the document, whatever the renderer sent', async () => {
    const { store, documentPath, sidecar } = setup();
    await store.save({ path: documentPath, sha256: SHA_A }, { ...notes('x', SHA_B), fileName: '../../etc/passwd' });
    const stored = JSON.parse(readFileSync(sidecar, 'utf8'));
    expect(stored).toMatchObject({ fileName: '报告.docx', documentSha256: SHA_A });
  });

  it('keeps the notes and warns when the document changed since', async () => {
    const { store, documentPath } = setup();
    await store.save({ path: documentPath, sha256: SHA_A }, notes('旧文档上的意见'));
    const loaded = await store.load({ path: documentPath, sha256: SHA_B });
    expect(loaded.info.warning).toBe('documentChanged');
    expect(loaded.info.message).toMatch(/已被修改/);
    expect(loaded.annotations.verdict.comment).toBe('旧文档上的意见');
    const resaved = await store.save({ path: documentPath, sha256: SHA_B }, loaded.annotations);
    expect(resaved.info.warning).toBeNull();
    expect((await store.load({ path: documentPath, sha256: SHA_B })).info.warning).toBeNull();
  });

  for (const [warning, content] of [
    ['invalidSidecar', '{ this is not json'],
    ['invalidSidecar', JSON.stringify({ version: 1, fileName: 'x', documentSha256: 'nope', updatedAt: 'yesterday' })],
    ['newerVersion', JSON.stringify({ version: 2, fileName: '报告.docx', somethingNew: true })],
  ] as const) {
    it(`never overwrites a sidecar it cannot use (${warning}: ${content.slice(0, 24)}…)`, async () => {
      const { store, documentPath, sidecar } = setup();
      writeFileSync(sidecar, content);
      const loaded = await store.load({ path: documentPath, sha256: SHA_A });
      const numbered = numberedSidecarPath(documentPath, 1);
      expect(loaded.info).toMatchObject({ warning, path: numbered, fallback: false });
      expect(loaded.info.message).toContain(numbered);
      expect(loaded.annotations.findings).toEqual({});

      const saved = await store.save({ path: documentPath, sha256: SHA_A }, notes('另存'));
      expect(saved.info).toMatchObject({ warning, path: numbered });
      expect(readFileSync(sidecar, 'utf8')).toBe(content);
      expect(JSON.parse(readFileSync(numbered, 'utf8')).verdict.comment).toBe('另存');

      const again = await store.load({ path: documentPath, sha256: SHA_A });
      expect(again.annotations.verdict.comment).toBe('另存');
      expect(again.info).toMatchObject({ warning, path: numbered });
      await store.save({ path: documentPath, sha256: SHA_A }, notes('再存'));
      expect(JSON.parse(readFileSync(numbered, 'utf8')).verdict.comment).toBe('再存');
      expect(readFileSync(sidecar, 'utf8')).toBe(content);
    });
  }

  it('skips numbered sidecars that are themselves unusable', async () => {
    const { store, documentPath, sidecar } = setup();
    writeFileSync(sidecar, 'garbage');
    writeFileSync(numberedSidecarPath(documentPath, 1), 'garbage too');
    const saved = await store.save({ path: documentPath, sha256: SHA_A }, notes('第三个文件'));
    expect(saved.info.path).toBe(numberedSidecarPath(documentPath, 2));
    expect(readFileSync(numberedSidecarPath(documentPath, 1), 'utf8')).toBe('garbage too');
  });

  it('falls back to the data folder when the document folder is read-only', async () => {
    const { store, documentPath, dataDir, sidecar } = setup(readOnlyFolderFs);
    const fallbackPath = store.fallbackPath(documentPath);
    expect(fallbackPath.startsWith(join(dataDir, 'annotations'))).toBe(true);
    expect(fallbackPath).toMatch(/[0-9a-f]{64}\.review\.json$/);

    const before = await store.load({ path: documentPath, sha256: SHA_A });
    expect(before.info).toMatchObject({ path: fallbackPath, fallback: true });
    expect(before.info.message).toMatch(/不可写入/);

    const saved = await store.save({ path: documentPath, sha256: SHA_A }, notes('只读文件夹'));
    expect(saved.info).toMatchObject({ path: fallbackPath, fallback: true });
    expect(existsSync(sidecar)).toBe(false);
    expect(JSON.parse(readFileSync(fallbackPath, 'utf8')).verdict.comment).toBe('只读文件夹');

    const loaded = await store.load({ path: documentPath, sha256: SHA_A });
    expect(loaded.annotations.verdict.comment).toBe('只读文件夹');
    expect(loaded.info).toMatchObject({ path: fallbackPath, fallback: true });
  });

  it('rethrows write errors that are not about permissions', async () => {
    const failing: DurableFs = { ...nodeDurableFs, writeDurably: async () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })) };
    const { store, documentPath, sidecar } = setup(() => failing);
    await expect(store.save({ path: documentPath, sha256: SHA_A }, notes('x'))).rejects.toThrow('disk full');
    expect(existsSync(sidecar)).toBe(false);
  });
});

describe('AnnotationStore beside a hundred unusable numbered sidecars', () => {
  it('loads and saves in the data folder instead of failing (found by fuzzing: the review could not be opened)', async () => {
    const { store, documentPath, sidecar } = setup();
    writeFileSync(sidecar, 'garbage');
    for (let n = 1; n <= 100; n++) writeFileSync(numberedSidecarPath(documentPath, n), '{');
    const fallbackPath = store.fallbackPath(documentPath);
    const loaded = await store.load({ path: documentPath, sha256: SHA_A });
    expect(loaded.info).toMatchObject({ path: fallbackPath, fallback: true, warning: 'invalidSidecar' });
    const saved = await store.save({ path: documentPath, sha256: SHA_A }, notes('存到数据文件夹'));
    expect(saved.info).toMatchObject({ path: fallbackPath, fallback: true, warning: 'invalidSidecar' });
    expect(readFileSync(sidecar, 'utf8')).toBe('garbage');
    expect((await store.load({ path: documentPath, sha256: SHA_A })).annotations.verdict.comment).toBe('存到数据文件夹');
  });
});

describe('parseSidecar', () => {
  it('reads notes saved with a byte-order mark (found by fuzzing: they were taken for a broken sidecar)', () => {
    const text = JSON.stringify(notes('带 BOM'));
    expect(parseSidecar(`\ufeff${text}`)).toMatchObject({ state: 'valid', annotations: { verdict: { comment: '带 BOM' } } });
    expect(parseSidecar(`${text}\ufeff`)).toEqual({ state: 'invalid' });
  });
});
