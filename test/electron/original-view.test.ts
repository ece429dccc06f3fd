/**
 * The Word original for the review view (mammoth's HTML) from hostile documents: found by fuzzing, a 300 KB
 * .docx whose picture inflates to 300 MB gave 420 MB of HTML in the main process, and a styles.xml bomb took
 * 1.7 GB there. Now mammoth sees only bounded parts, on a worker with a heap cap and a time limit.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ORIGINAL_LIMITS, OriginalUnavailable, packageForHtml, wordOriginal } from '../../electron/session/original';
import { readZipDirectory } from '../../shared/read/docx/zip';
import { PICTURE_PART, reportWithDocument, reportWithPicture, reportXmlWith } from '../fuzz/support/hostile-docx';
import { bombBytes, storedEntry, type RawEntry } from '../fuzz/support/zip-writer';

const folder = mkdtempSync(join(tmpdir(), 'nianbao-original-'));

function fileOf(name: string, bytes: Uint8Array): string {
  const path = join(folder, name);
  writeFileSync(path, bytes);
  return path;
}


describe('the Word original of hostile documents', () => {
  it('a picture that inflates to a gigabyte is left out; the HTML stays small', async () => {
    const bomb: RawEntry = { name: PICTURE_PART, data: await bombBytes(1024), method: 8, uncompressedSize: 1 << 30, crc: 0 };
    const started = performance.now();
    const original = await wordOriginal(fileOf('bomb-picture.docx', reportWithPicture(bomb)), 'docx');
    expect(original.kind).toBe('html');
    if (original.kind !== 'html') return;
    expect(original.html).toContain('政府信息公开');
    expect(original.html.length).toBeLessThan(1024 * 1024);
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('a 50 MB picture is over the limit for one picture and left out', async () => {
    const picture = storedEntry(PICTURE_PART, new Uint8Array(50 * 1024 * 1024).fill(0x89));
    const copy = packageForHtml(reportWithPicture(picture));
    expect(readZipDirectory(copy).map((entry) => entry.name)).not.toContain(PICTURE_PART);
    expect(copy.length).toBeLessThan(2 * 1024 * 1024);
  });

  it('a picture within the limits is kept as a data URI', async () => {
    const original = await wordOriginal(fileOf('picture.docx', reportWithPicture(storedEntry(PICTURE_PART, new Uint8Array(1000).fill(7)))), 'docx');
    expect(original.kind === 'html' && original.html).toMatch(/<img src="data:image\/jpeg;base64,/);
  }, 60_000);

  it('a styles.xml bomb is left out of the copy mammoth reads, an empty one in its place', async () => {
    const bomb: RawEntry = { name: 'word/styles.xml', data: await bombBytes(512), method: 8, uncompressedSize: 1 << 29, crc: 0 };
    const bytes = reportWithDocument(reportXmlWith(''), { 'word/styles.xml': null }, [bomb]);
    const copy = unzipSync(packageForHtml(bytes));
    expect(copy['word/document.xml'].length).toBeGreaterThan(10_000);
    expect(strFromU8(copy['word/styles.xml'])).toMatch(/^<\?xml[^>]*><w:styles [^>]*\/>$/);
    const original = await wordOriginal(fileOf('bomb-styles.docx', bytes), 'docx');
    expect(original.kind).toBe('html');
  }, 60_000);

  it('a conversion over its time limit or heap ends as OriginalUnavailable with a Chinese message', async () => {
    const path = fileOf('plain.docx', reportWithDocument(reportXmlWith('')));
    const slow = wordOriginal(path, 'docx', { ...ORIGINAL_LIMITS, timeoutMs: 1 });
    await expect(slow).rejects.toBeInstanceOf(OriginalUnavailable);
    await expect(slow).rejects.toThrow(/转换超时/);
  }, 60_000);
});
