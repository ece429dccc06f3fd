import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readDocx } from '../../shared/read/docx';
import { documentXml } from './docx-builder';
import { tablesOf } from './corpus-helpers';

const PARAGRAPHS = 20_000;
const TABLE_ROWS = 2_000;
const TABLE_COLUMNS = 8;

/** A large document.xml, written compactly as Word does (runs with properties, no whitespace). */
function hugeDocumentXml(): string {
  const parts: string[] = [];
  const runProperties = '<w:rPr><w:rFonts w:ascii="宋体" w:eastAsia="宋体"/><w:sz w:val="32"/></w:rPr>';
  for (let index = 0; index < PARAGRAPHS; index++) {
    parts.push(`<w:p><w:pPr><w:spacing w:line="560"/></w:pPr><w:r>${runProperties}<w:t>第${index}段：政府信息公开工作年度报告正文。</w:t></w:r></w:p>`);
  }
  parts.push('<w:tbl><w:tblPr/><w:tblGrid>', '<w:gridCol w:w="1000"/>'.repeat(TABLE_COLUMNS), '</w:tblGrid>');
  for (let rowIndex = 0; rowIndex < TABLE_ROWS; rowIndex++) {
    const merge = rowIndex === 0 ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>';
    const cells = [`<w:tc><w:tcPr>${merge}</w:tcPr><w:p><w:r><w:t>合并</w:t></w:r></w:p></w:tc>`];
    for (let col = 1; col < TABLE_COLUMNS; col++) {
      cells.push(`<w:tc><w:tcPr><w:tcW w:w="1000"/></w:tcPr><w:p><w:r>${runProperties}<w:t>${rowIndex * col}</w:t></w:r></w:p></w:tc>`);
    }
    parts.push(`<w:tr>${cells.join('')}</w:tr>`);
  }
  parts.push('</w:tbl>');
  return documentXml(parts.join(''));
}

describe('readDocx on a huge document', () => {
  it(`reads ${PARAGRAPHS} paragraphs and a ${TABLE_ROWS}-row table in well under a few seconds`, () => {
    const xml = hugeDocumentXml();
    const bytes = zipSync({ 'word/document.xml': strToU8(xml) }, { level: 1 });
    const start = performance.now();
    const content = readDocx(bytes);
    const milliseconds = performance.now() - start;
    console.info(`huge docx: ${(xml.length / 1024 / 1024).toFixed(1)} M chars of XML read in ${milliseconds.toFixed(0)} ms`);
    const [grid] = tablesOf(content);
    expect(content.blocks).toHaveLength(PARAGRAPHS + 1);
    expect(grid).toMatchObject({ rowCount: TABLE_ROWS, colCount: TABLE_COLUMNS });
    expect(grid.cells[0]).toMatchObject({ text: '合并', rowSpan: TABLE_ROWS });
    expect(grid.cells).toHaveLength(1 + TABLE_ROWS * (TABLE_COLUMNS - 1));
    expect(milliseconds).toBeLessThan(3000);
  });
});
