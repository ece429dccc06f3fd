import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { cellAt, type Block, type DocumentContent, type GridCell, type TableGrid } from '../../shared/model/grid';
import { readDocx } from '../../shared/read/docx';
import { ReadError } from '../../shared/read/errors';
import {
  cell,
  docxFromBody,
  docxFromDocumentXml,
  documentXml,
  INLINE_PICTURE,
  paragraph,
  row,
  run,
  table,
  textBoxRun,
  textParagraph,
  zipParts,
} from './docx-builder';

function read(body: string): DocumentContent {
  return readDocx(docxFromBody(body));
}

function tables(content: DocumentContent): TableGrid[] {
  return content.blocks.flatMap((block) => (block.type === 'table' ? [block.grid] : []));
}

function onlyTable(body: string): TableGrid {
  const found = tables(read(body));
  expect(found).toHaveLength(1);
  return found[0];
}

function paragraphTexts(content: DocumentContent): string[] {
  return content.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.text] : []));
}

function at(grid: TableGrid, rowIndex: number, col: number): GridCell {
  const found = cellAt(grid, rowIndex, col);
  if (!found) throw new Error(`no cell at ${rowIndex},${col}`);
  return found;
}

function readError(action: () => unknown): ReadError {
  try {
    action();
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

describe('readDocx: tables', () => {
  it('places w:gridSpan cells on grid columns', () => {
    const grid = onlyTable(
      table([row([cell('标题', { gridSpan: 3 })]), row([cell('a'), cell('b', { gridSpan: 2 })]), row([cell('1'), cell('2'), cell('3')])], 3),
    );
    expect(grid).toMatchObject({ index: 0, rowCount: 3, colCount: 3 });
    expect(at(grid, 0, 2)).toMatchObject({ row: 0, col: 0, colSpan: 3, text: '标题' });
    expect(at(grid, 1, 2)).toMatchObject({ col: 1, colSpan: 2, text: 'b' });
    expect(grid.cells).toHaveLength(6);
  });

  it('turns w:vMerge restart/continue into a rowSpan on the origin cell', () => {
    const grid = onlyTable(
      table(
        [
          row([cell('合并', { vMerge: 'restart' }), cell('x')]),
          row([cell('', { vMerge: 'continue' }), cell('y')]),
          row([cell('', { vMerge: '' }), cell('z')]),
          row([cell('下一个'), cell('w')]),
        ],
        2,
      ),
    );
    expect(grid.cells.filter((c) => c.col === 0)).toEqual([
      expect.objectContaining({ row: 0, rowSpan: 3, text: '合并', source: { kind: 'docx', table: 0, row: 0, cell: 0 } }),
      expect.objectContaining({ row: 3, rowSpan: 1, text: '下一个' }),
    ]);
    expect(at(grid, 2, 0).text).toBe('合并');
  });

  it('keeps a 22-row vertical merge like 三、本年度办理结果', () => {
    const rows = [row([cell('三、本年度办理结果', { vMerge: 'restart' }), cell('（一）予以公开', { gridSpan: 2 }), cell('3')])];
    for (let index = 1; index < 22; index++) rows.push(row([cell('', { vMerge: 'continue' }), cell(`行${index}`), cell(''), cell(String(index))]));
    rows.push(row([cell('四、结转下年度继续办理', { gridSpan: 3 }), cell('0')]));
    const grid = onlyTable(table(rows, 4));
    expect(grid.rowCount).toBe(23);
    expect(at(grid, 21, 0)).toMatchObject({ row: 0, rowSpan: 22, text: '三、本年度办理结果' });
    expect(at(grid, 22, 0).text).toBe('四、结转下年度继续办理');
  });

  it('makes a vMerge continue with nothing above it a cell of its own', () => {
    const grid = onlyTable(table([row([cell('孤儿', { vMerge: 'continue' }), cell('a')]), row([cell('b'), cell('c')])], 2));
    expect(at(grid, 0, 0)).toMatchObject({ row: 0, rowSpan: 1, text: '孤儿' });
    expect(grid.cells).toHaveLength(4);
  });

  it('reads legacy w:hMerge as colSpan', () => {
    const grid = onlyTable(
      table([row([cell('横向合并', { hMerge: 'restart' }), cell('', { hMerge: 'continue' }), cell('', { hMerge: '' }), cell('d')])], 4),
    );
    expect(grid.cells.map((c) => [c.col, c.colSpan, c.text])).toEqual([
      [0, 3, '横向合并'],
      [3, 1, 'd'],
    ]);
  });

  it('honours w:gridBefore and w:gridAfter, and takes the widest row as colCount', () => {
    const grid = onlyTable(
      table(
        [
          row([cell('a'), cell('b')], { gridBefore: 1 }),
          row([cell('c')], { gridAfter: 3 }),
          row([cell('d'), cell('e'), cell('f'), cell('g'), cell('h')]),
        ],
        3,
      ),
    );
    expect(grid.colCount).toBe(5);
    expect(at(grid, 0, 1).text).toBe('a');
    expect(cellAt(grid, 0, 0)).toBeUndefined();
    expect(at(grid, 0, 2)).toMatchObject({ text: 'b', source: { row: 0, cell: 1 } });
    expect(cellAt(grid, 1, 1)).toBeUndefined();
  });

  it('joins the paragraphs and line breaks of a cell with "\\n"', () => {
    const content = `${paragraph(run('一、本年新收政府信息\n公开申请数量'))}${textParagraph('第二段')}`;
    const grid = onlyTable(table([row([cell('', {}, content)])], 1));
    expect(grid.cells[0].text).toBe('一、本年新收政府信息\n公开申请数量\n第二段');
  });

  it('keeps full-width digits and surrounding spaces as printed', () => {
    const grid = onlyTable(table([row([cell('３'), cell(' 12 '), cell('１,２００')])], 3));
    expect(grid.cells.map((c) => c.text)).toEqual(['３', ' 12 ', '１,２００']);
  });

  it('emits a nested table right after its outer table, out of the outer cell text', () => {
    const inner = table([row([cell('内1'), cell('内2')])], 2);
    const outer = table([row([cell('', {}, textParagraph('外层') + inner + textParagraph('之后')), cell('旁边')])], 2);
    const content = read(outer + table([row([cell('第二个表')])], 1));
    const found = tables(content);
    expect(found.map((grid) => [grid.index, grid.nested === true, grid.cells[0].text])).toEqual([
      [0, false, '外层\n之后'],
      [1, true, '内1'],
      [2, false, '第二个表'],
    ]);
    expect(found[1].cells[1].source).toEqual({ kind: 'docx', table: 1, row: 0, cell: 1 });
  });

  it('reads tables, rows and cells wrapped in content controls (w:sdt) and custom XML', () => {
    const wrappedCell = `<w:sdt><w:sdtPr/><w:sdtContent>${cell('控件里的格')}</w:sdtContent></w:sdt>`;
    const wrappedRow = `<w:customXml w:element="r">${row([cell('a'), wrappedCell])}</w:customXml>`;
    const body = `<w:sdt><w:sdtPr><w:alias w:val="表"/></w:sdtPr><w:sdtContent>${table([wrappedRow], 2)}</w:sdtContent></w:sdt>`;
    const grid = onlyTable(body);
    expect(grid.cells.map((c) => c.text)).toEqual(['a', '控件里的格']);
  });

  it('reads tracked changes as accepted: insertions in, deletions (text and rows) out', () => {
    const changed = paragraph(`${run('保留')}<w:ins w:id="1" w:author="a">${run('插入')}</w:ins><w:del w:id="2" w:author="a"><w:r><w:delText>删除</w:delText></w:r></w:del>`);
    const moved = paragraph(`<w:moveFrom w:id="3">${run('旧位置')}</w:moveFrom><w:moveTo w:id="4">${run('新位置')}</w:moveTo>`);
    const deletedRow = '<w:tr><w:trPr><w:del w:id="5" w:author="a"/></w:trPr>' + cell('删掉的行') + '</w:tr>';
    const content = read(changed + moved + table([row([cell('留下的行')]), deletedRow, row([cell('最后')])], 1));
    expect(paragraphTexts(content)).toEqual(['保留插入', '新位置']);
    const grid = tables(content)[0];
    expect(grid.rowCount).toBe(2);
    expect(grid.cells.map((c) => [c.row, c.text, c.source.kind === 'docx' && c.source.row])).toEqual([
      [0, '留下的行', 0],
      [1, '最后', 2],
    ]);
  });

  it('copes with malformed tables: empty, rowless cells, spans past the grid', () => {
    const content = read(table([], 3) + table([row([]), row([cell('a', { gridSpan: 9 })])], 2) + '<w:tbl/>');
    const [empty, ragged, bare] = tables(content);
    expect(empty).toMatchObject({ rowCount: 0, colCount: 3, cells: [] });
    expect(ragged).toMatchObject({ rowCount: 2, colCount: 9 });
    expect(bare).toMatchObject({ rowCount: 0, colCount: 0 });
  });

  it('sets hasImage on a table holding a picture', () => {
    const grid = onlyTable(table([row([cell('', {}, paragraph(INLINE_PICTURE))])], 1));
    expect(grid.hasImage).toBe(true);
  });
});

describe('readDocx: paragraphs', () => {
  it('reads the body in document order with paragraph sources', () => {
    const content = read(textParagraph('一') + table([row([cell('表')])], 1) + textParagraph('') + textParagraph('二'));
    expect(content.format).toBe('docx');
    expect(content.blocks.map((block) => block.type)).toEqual(['paragraph', 'table', 'paragraph', 'paragraph']);
    const sources = content.blocks.flatMap((block) => (block.type === 'paragraph' ? [block.source] : []));
    expect(sources).toEqual([0, 1, 2].map((paragraphIndex) => ({ kind: 'docx-paragraph', paragraph: paragraphIndex })));
  });

  it('reads tabs, breaks, hyphens and symbols; skips hidden text and field instructions', () => {
    const runs = [
      '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:noBreakHyphen/><w:sym w:font="Wingdings" w:char="2714"/></w:r>',
      '<w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r>',
      '<w:r><w:rPr><w:vanish w:val="false"/></w:rPr><w:t>不隐藏</w:t></w:r>',
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
      `<w:fldSimple w:instr=" DATE ">${run('日期')}</w:fldSimple>`,
      `<w:hyperlink r:id="rId5">${run('链接')}</w:hyperlink>`,
      `<w:smartTag w:element="place">${run('地点')}</w:smartTag>`,
    ];
    expect(paragraphTexts(read(paragraph(runs.join(''))))).toEqual(['甲\t乙\n丙\n-✔不隐藏7日期链接地点']);
  });

  it('marks automatically numbered paragraphs', () => {
    const numbered = paragraph(run('第一项'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>');
    const unnumbered = paragraph(run('无编号'), '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr>');
    const [first, second] = read(numbered + unnumbered).blocks;
    expect(first).toMatchObject({ type: 'paragraph', text: '第一项', numbered: true });
    expect(second).not.toHaveProperty('numbered');
  });

  it('reads text boxes once (mc:Choice only), right after the anchoring paragraph', () => {
    const content = read(paragraph(run('锚点') + textBoxRun(textParagraph('文本框一') + textParagraph('文本框二'))) + textParagraph('后文'));
    expect(paragraphTexts(content)).toEqual(['锚点', '文本框一', '文本框二', '后文']);
    const sources = content.blocks.map((block: Block) => (block.type === 'paragraph' ? block.source : undefined));
    expect(sources[1]).toEqual({ kind: 'docx-paragraph', paragraph: 0 });
    expect(sources[3]).toEqual({ kind: 'docx-paragraph', paragraph: 1 });
  });

  it('turns a paragraph holding only a picture into an image block', () => {
    const content = read(textParagraph('前') + paragraph(INLINE_PICTURE) + paragraph(run('图注') + INLINE_PICTURE));
    expect(content.blocks).toEqual([
      { type: 'paragraph', text: '前', source: { kind: 'docx-paragraph', paragraph: 0 } },
      { type: 'image', source: { kind: 'docx-paragraph', paragraph: 1 } },
      { type: 'paragraph', text: '图注', source: { kind: 'docx-paragraph', paragraph: 2 } },
    ]);
  });

  it('treats a legacy VML picture (w:pict with v:imagedata) as a picture', () => {
    const content = read(paragraph('<w:r><w:pict><v:shape><v:imagedata r:id="rId3"/></v:shape></w:pict></w:r>'));
    expect(content.blocks[0].type).toBe('image');
  });
});

describe('readDocx: packages', () => {
  it('resolves namespaces by URI, whatever the prefix', () => {
    const prefixed =
      '<?xml version="1.0"?><doc:document xmlns:doc="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><doc:body>' +
      '<doc:p><doc:r><doc:t>前缀不同</doc:t></doc:r></doc:p></doc:body></doc:document>';
    const byDefault =
      '<?xml version="1.0"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body>' +
      '<p><r><t>默认命名空间</t></r></p><p xmlns="urn:other"><r><t>别的命名空间</t></r></p></body></document>';
    expect(paragraphTexts(readDocx(docxFromDocumentXml(prefixed)))).toEqual(['前缀不同']);
    expect(paragraphTexts(readDocx(docxFromDocumentXml(byDefault)))).toEqual(['默认命名空间']);
  });

  it('follows the internal officeDocument relationship and never an external one', () => {
    const relsTo = (target: string, mode = '') =>
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"${mode}/></Relationships>`;
    const moved = zipParts({ '_rels/.rels': relsTo('/word/main.xml'), 'word/main.xml': documentXml(textParagraph('主文档')) });
    expect(paragraphTexts(readDocx(moved))).toEqual(['主文档']);
    const external = zipParts({
      '_rels/.rels': relsTo('http://example.invalid/evil.xml', ' TargetMode="External"'),
      'word/document.xml': documentXml(textParagraph('本地')),
    });
    expect(paragraphTexts(readDocx(external))).toEqual(['本地']);
  });

  it('reads stored (uncompressed) entries', () => {
    const bytes = zipSync({ 'word/document.xml': [strToU8(documentXml(textParagraph('未压缩'))), { level: 0 }] });
    expect(paragraphTexts(readDocx(bytes))).toEqual(['未压缩']);
  });

  it('reads a UTF-16 document.xml', () => {
    const xml = documentXml(textParagraph('十六位')).replace('encoding="UTF-8"', 'encoding="UTF-16"');
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let index = 0; index < xml.length; index++) {
      utf16[2 + index * 2] = xml.charCodeAt(index) & 0xff;
      utf16[3 + index * 2] = xml.charCodeAt(index) >> 8;
    }
    expect(paragraphTexts(readDocx(zipParts({ 'word/document.xml': utf16 })))).toEqual(['十六位']);
  });

  it('tells another zip from a damaged Word package', () => {
    expect(readError(() => readDocx(zipParts({ 'xl/workbook.xml': '<workbook/>' }))).code).toBe('NOT_A_DOCX');
    expect(readError(() => readDocx(zipParts({ 'word/styles.xml': '<styles/>' }))).code).toBe('CORRUPT_DOCX');
  });

  it('refuses malformed XML and a root that is not w:document', () => {
    expect(readError(() => readDocx(docxFromDocumentXml('<w:document><w:body>'))).code).toBe('DOCX_XML_INVALID');
    expect(readError(() => readDocx(docxFromDocumentXml('<?xml version="1.0"?><html/>'))).code).toBe('DOCX_XML_INVALID');
  });

  it('caps what document.xml may inflate to (configurable)', () => {
    const bytes = docxFromBody(textParagraph('字'.repeat(5000)));
    expect(readError(() => readDocx(bytes, { maxDocumentXmlBytes: 4096 })).code).toBe('ZIP_BOMB');
    expect(paragraphTexts(readDocx(bytes, { maxDocumentXmlBytes: 1024 * 1024 }))[0]).toHaveLength(5000);
  });

  it('caps the element nesting depth (configurable)', () => {
    const nested = table([row([cell('', {}, table([row([cell('深')])], 1) + textParagraph(''))])], 1);
    expect(readError(() => readDocx(docxFromBody(nested), { maxXmlDepth: 8 })).code).toBe('DOCX_XML_INVALID');
    expect(tables(readDocx(docxFromBody(nested)))).toHaveLength(2);
  });
});
