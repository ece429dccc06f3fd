import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { convertDocToDocx, findSoffice } from '../../electron/services/doc-convert';
import { readDocx } from '../../shared/read/docx';
import { ReadError } from '../../shared/read/errors';
import { asNumber, FIXTURES, findTable, readTruth, rowCells, rowStartingWith } from './corpus-helpers';
import { docxFromBody, textParagraph } from './docx-builder';

const DOC_IDS = ['d06', 'd13', 'd22'] as const;
const CONVERSION_TIMEOUT = 120_000;
const soffice = findSoffice();
const scratch = mkdtempSync(join(tmpdir(), 'nianbao-doc-test-'));

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

async function conversionError(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

describe('convertDocToDocx with the corpus .doc files', () => {
  it.each(DOC_IDS)(
    '%s.doc converts (or, without LibreOffice, asks for a .docx) and keeps its tables',
    async (id) => {
      const path = join(FIXTURES, 'corpus', `${id}_doc.doc`);
      if (!soffice) {
        const error = await conversionError(convertDocToDocx(path));
        expect(error.code).toBe('DOC_NEEDS_CONVERSION');
        expect(error.message).toContain('请另存为 .docx 后重试');
        return;
      }
      const content = readDocx(await convertDocToDocx(path));
      const truth = readTruth(join(FIXTURES, 'corpus', `${id}_doc.truth.json`));
      const table3 = findTable(content, '申请人情况');
      expect(table3.colCount).toBe(10);
      const results = table3.cells.find((cell) => cell.text.replace(/\n/g, '') === '三、本年度办理结果');
      expect(results?.rowSpan).toBe(22);
      const newReceived = rowCells(table3, rowStartingWith(table3, '一、本年新收')).slice(1);
      expect(newReceived.map((cell) => asNumber(cell.text))).toEqual(truth.report.table3.newReceived);
      const table4 = findTable(content, '行政复议');
      const { review, litigationDirect, litigationAfterReview } = truth.report.table4;
      expect(rowCells(table4, table4.rowCount - 1).map((cell) => asNumber(cell.text))).toEqual([
        ...review,
        ...litigationDirect,
        ...litigationAfterReview,
      ]);
    },
    CONVERSION_TIMEOUT,
  );
});

describe('convertDocToDocx failures', () => {
  it('asks for a .docx when LibreOffice is not installed', async () => {
    const path = join(FIXTURES, 'corpus', 'd06_doc.doc');
    const error = await conversionError(convertDocToDocx(path, { locateSoffice: () => undefined }));
    expect(error.code).toBe('DOC_NEEDS_CONVERSION');
    expect(error.message).toContain('请另存为 .docx 后重试');
  });

  it('refuses a .doc that is not a Word document', async () => {
    const path = join(scratch, 'text.doc');
    writeFileSync(path, '这只是一段文字，不是 Word 文档');
    expect((await conversionError(convertDocToDocx(path))).code).toBe('NOT_A_DOC');
    const empty = join(scratch, 'empty.doc');
    writeFileSync(empty, '');
    expect((await conversionError(convertDocToDocx(empty))).code).toBe('EMPTY_FILE');
  });

  it('passes a .docx renamed to .doc through unchanged', async () => {
    const path = join(scratch, 'renamed.doc');
    const bytes = docxFromBody(textParagraph('其实是 docx'));
    writeFileSync(path, bytes);
    expect(await convertDocToDocx(path)).toEqual(bytes);
  });

  it('reports a missing, failing or hanging converter as DOC_CONVERSION_FAILED', async () => {
    const path = join(FIXTURES, 'corpus', 'd06_doc.doc');
    expect((await conversionError(convertDocToDocx(path, { sofficePath: join(scratch, 'missing') }))).code).toBe('DOC_CONVERSION_FAILED');
    if (process.platform === 'win32') return; // the stand-in converters below are shell scripts
    const failing = join(scratch, 'failing-soffice.sh');
    writeFileSync(failing, '#!/bin/sh\nexit 3\n');
    chmodSync(failing, 0o755);
    expect((await conversionError(convertDocToDocx(path, { sofficePath: failing }))).code).toBe('DOC_CONVERSION_FAILED');
    const hanging = join(scratch, 'hanging-soffice.sh');
    writeFileSync(hanging, '#!/bin/sh\nsleep 30\n');
    chmodSync(hanging, 0o755);
    const started = Date.now();
    const error = await conversionError(convertDocToDocx(path, { sofficePath: hanging, timeoutMs: 500 }));
    expect(error.code).toBe('DOC_CONVERSION_FAILED');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
