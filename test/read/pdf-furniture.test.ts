import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readPdfFile } from '../../electron/services/pdf-file';
import type { Block } from '../../shared/model/grid';
import { dropRunningLines, joinParagraphsAcrossPages, type PageBlocks } from '../../shared/read/pdf/page-furniture';
import { paragraphsOf } from '../../shared/read/pdf/paragraphs';
import { mayHoldTable } from '../../shared/read/pdf/read-pdf';
import { groupLines } from '../../shared/read/pdf/text-lines';
import type { TextPiece } from '../../shared/read/pdf/geometry';

const FRAME = { x0: 0, y0: 0, x1: 595, y1: 842 };
const piece = (text: string, x0: number, y: number, size = 16, width = text.length * size): TextPiece => ({ text, x0, x1: x0 + width, y, size, vertical: false });

/** A page of paragraphs made from pieces, as readPdf builds it. */
function page(n: number, pieces: TextPiece[]): PageBlocks {
  const prose = new Map();
  const blocks = paragraphsOf(groupLines(pieces)).map((paragraph) => {
    const ys = paragraph.lines.map((l) => l.y);
    const block: Block = {
      type: 'paragraph',
      text: paragraph.text,
      source: { kind: 'pdf', page: n, box: [Math.min(...paragraph.lines.map((l) => l.x0)), Math.min(...ys) - 3, Math.max(...paragraph.lines.map((l) => l.x1)), Math.max(...ys) + 13] },
    };
    prose.set(block, paragraph);
    return { top: paragraph.top, block };
  });
  return { frame: FRAME, blocks, prose };
}

const texts = (pages: PageBlocks[]) => pages.map((p) => p.blocks.map(({ block }) => ('type' in block && block.type === 'paragraph' ? block.text : '#table')));

describe('page furniture', () => {
  it('drops a running header repeated in the top margin of most pages, keeps the body', () => {
    const pages = [1, 2, 3, 4].map((n) => page(n, [piece('某某局政府信息公开工作年度报告', 150, 800, 10.5, 160), piece(`第${n}段正文。`, 122, 600)]));
    dropRunningLines(pages);
    expect(texts(pages)).toEqual([['第1段正文。'], ['第2段正文。'], ['第3段正文。'], ['第4段正文。']]);
  });

  it('joins a paragraph broken by the page break, not one that starts indented or numbered', () => {
    const full = (text: string, y: number) => piece(text, 90, y, 16, 420);
    const pages = [
      page(1, [piece('首段。', 122, 700, 16, 48), full('第一页最后一行写满了到右边距为止的文字', 500), full('这一行也写满', 480)]),
      page(2, [full('接上页的文字。', 780), piece('（二）下一段', 122, 740, 16, 96), full('写满', 720)]),
      page(3, [piece('缩进的新段落。', 122, 780, 16, 112)]),
    ];
    joinParagraphsAcrossPages(pages);
    expect(texts(pages)).toEqual([
      ['首段。', '第一页最后一行写满了到右边距为止的文字这一行也写满接上页的文字。'],
      ['（二）下一段', '写满'],
      ['缩进的新段落。'],
    ]);
  });

  it('looks for table words in the page text as a whole (one text item per character)', () => {
    expect(mayHoldTable([...'申请人情况'].map((ch, i) => piece(ch, 100 + i * 12, 700)))).toBe(true);
    expect(mayHoldTable([piece('总体情况', 100, 700)])).toBe(false);
  });
});

describe('a table cut by a page break (corpus PDFs)', () => {
  // Their cells and findings are checked against the truth in test/engine/corpus-extraction.test.ts.
  const FIXTURES = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
  it.each(['d10_lo', 'd29_lo', 'd32_lo'])('%s: comes out as one grid spanning both pages', async (name) => {
    const content = await readPdfFile(new Uint8Array(readFileSync(`${FIXTURES}${name}.pdf`)));
    const spanning = content.blocks.filter((b) => b.type === 'table' && (b.grid.pages?.length ?? 0) > 1);
    expect(spanning.length).toBeGreaterThanOrEqual(1);
  });
});
