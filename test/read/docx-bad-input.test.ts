import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../shared/read/docx';
import { ReadError, type ReadErrorCode } from '../../shared/read/errors';
import { FIXTURES, readBytes, tablesOf } from './corpus-helpers';
import { cfbWithStream } from './cfb-builder';
import { docxFromBody, textParagraph } from './docx-builder';

const MAX_MILLISECONDS = 2000;

function timedRead(bytes: Uint8Array): { result: unknown; milliseconds: number } {
  const start = performance.now();
  let result: unknown;
  try {
    result = readDocx(bytes);
  } catch (error) {
    result = error;
  }
  return { result, milliseconds: performance.now() - start };
}

const EXPECTED_ERRORS: Record<string, ReadErrorCode> = {
  'empty.docx': 'EMPTY_FILE',
  'pdf-renamed.docx': 'NOT_A_DOCX',
  'corrupt.docx': 'CORRUPT_DOCX',
  'bomb.docx': 'ZIP_BOMB',
  'encrypted.docx': 'DOCX_ENCRYPTED',
  'billion-laughs.docx': 'DOCX_XML_INVALID',
  'deep-nesting.docx': 'DOCX_XML_INVALID',
};

describe('readDocx on hostile and broken files', () => {
  it.each(Object.entries(EXPECTED_ERRORS))('%s gives %s, quickly', (name, code) => {
    const bytes = readBytes(join(FIXTURES, 'bad', name));
    expect(bytes.length).toBeLessThan(200 * 1024);
    const { result, milliseconds } = timedRead(bytes);
    expect(result).toBeInstanceOf(ReadError);
    expect((result as ReadError).code).toBe(code);
    expect(milliseconds).toBeLessThan(MAX_MILLISECONDS);
  });

  it('says that a renamed PDF is really a PDF', () => {
    const { result } = timedRead(readBytes(join(FIXTURES, 'bad', 'pdf-renamed.docx')));
    expect((result as ReadError).message).toContain('PDF');
  });

  it('reads a prose-only document: paragraphs, no tables', () => {
    const { result, milliseconds } = timedRead(readBytes(join(FIXTURES, 'bad', 'no-tables.docx')));
    expect(result).not.toBeInstanceOf(Error);
    const content = result as ReturnType<typeof readDocx>;
    expect(tablesOf(content)).toEqual([]);
    expect(content.blocks.length).toBeGreaterThan(0);
    expect(milliseconds).toBeLessThan(MAX_MILLISECONDS);
  });

  it('tells a legacy .doc renamed to .docx from an encrypted package', () => {
    const legacy = timedRead(cfbWithStream('WordDocument')).result as ReadError;
    expect(legacy.code).toBe('NOT_A_DOCX');
    expect(legacy.message).toContain('.doc');
    expect((timedRead(cfbWithStream('EncryptedPackage')).result as ReadError).code).toBe('DOCX_ENCRYPTED');
  });

  it('rejects bytes that are not a zip at all', () => {
    const text = new TextEncoder().encode('这不是 Word 文档');
    expect((timedRead(text).result as ReadError).code).toBe('NOT_A_DOCX');
  });

  it('never throws anything but a ReadError on damaged zips', () => {
    const good = readBytes(join(FIXTURES, 'corpus', 'd02_docx.docx'));
    for (let seed = 1; seed <= 60; seed++) {
      const damaged = good.slice();
      for (let flip = 0; flip < 8; flip++) damaged[(seed * 7919 * (flip + 1)) % damaged.length] ^= 0x5a;
      const { result } = timedRead(damaged);
      if (result instanceof Error) expect(result).toBeInstanceOf(ReadError);
    }
  });
});

describe('readDocx on documents with too many elements', () => {
  it('refuses a million paragraphs (a few kilobytes zipped) as FILE_TOO_LARGE, quickly', () => {
    // Found by fuzzing: such a file took more than the reading worker's 256 MB heap and crashed it.
    const bytes = docxFromBody('<w:p><w:r><w:t>二〇二四年</w:t></w:r></w:p>'.repeat(1_000_000));
    expect(bytes.length).toBeLessThan(200 * 1024);
    const { result, milliseconds } = timedRead(bytes);
    expect(result).toBeInstanceOf(ReadError);
    expect((result as ReadError).code).toBe('FILE_TOO_LARGE');
    expect((result as ReadError).message).toMatch(/内容过多/);
    expect(milliseconds).toBeLessThan(10_000);
  });

  it('refuses a table of 2.5 million empty cells the same way', () => {
    const row = `<w:tr>${'<w:tc/>'.repeat(500)}</w:tr>`;
    const { result } = timedRead(docxFromBody(`<w:tbl>${row.repeat(5000)}</w:tbl>`));
    expect((result as ReadError).code).toBe('FILE_TOO_LARGE');
  });

  it('counts only the elements it keeps, against a limit that can be set', () => {
    const body = Array.from({ length: 100 }, (_, i) => textParagraph(`第${i}段`)).join('');
    expect(() => readDocx(docxFromBody(body), { maxXmlElements: 500 })).not.toThrow();
    expect(readErrorCode(() => readDocx(docxFromBody(body), { maxXmlElements: 200 }))).toBe('FILE_TOO_LARGE');
  });
});

function readErrorCode(read: () => unknown): string | undefined {
  try {
    read();
  } catch (error) {
    return (error as ReadError).code;
  }
  return undefined;
}

describe('messages naming a part of the package', () => {
  it('cut a long part name (found by fuzzing: a 60 000-character name made a ZIP_BOMB message as long)', () => {
    const name = `word/${'x'.repeat(60_000)}.xml`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${name}"/></Relationships>`;
    const bytes = zipSync({ '_rels/.rels': strToU8(rels), [name]: new Uint8Array(64 * 1024) });
    let error: unknown;
    try {
      readDocx(bytes, { maxDocumentXmlBytes: 1024 });
    } catch (caught) {
      error = caught;
    }
    expect((error as ReadError).code).toBe('ZIP_BOMB');
    expect((error as ReadError).message.length).toBeLessThan(200);
    expect((error as ReadError).message).toContain('word/xxxx');
  });
});

describe('complex fields', () => {
  it('tens of thousands of open field results are read in linear time (found by fuzzing: 60 000 took 7 s)', () => {
    const fields = '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'.repeat(60_000);
    const { result, milliseconds } = timedRead(docxFromBody(`<w:p>${fields}${'<w:r><w:t>x</w:t></w:r>'.repeat(60_000)}</w:p>`));
    expect(result).not.toBeInstanceOf(Error);
    expect(milliseconds).toBeLessThan(MAX_MILLISECONDS);
  });
});
