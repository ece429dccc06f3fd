import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { pdfAssets } from '../../electron/services/pdf-assets';
import { readPdfFile } from '../../electron/services/pdf-file';
import { reportHasEnded } from '../../shared/layout/prose';
import { readPdf } from '../../shared/read/pdf/read-pdf';
import type { HLine, TextPiece, VLine } from '../../shared/read/pdf/geometry';
import { readRulings, type OpsCodes } from '../../shared/read/pdf/page-content';
import { paragraphsOf } from '../../shared/read/pdf/paragraphs';
import { stitchTables } from '../../shared/read/pdf/stitch';
import { findTables } from '../../shared/read/pdf/table-grid';
import { groupLines } from '../../shared/read/pdf/text-lines';
import { ruledTable, simplePdf, stream } from '../fuzz/support/pdf-writer';

const BAD = (name: string) => new Uint8Array(readFileSync(fileURLToPath(new URL(`../fixtures/bad/${name}`, import.meta.url))));

const piece = (text: string, x0: number, y: number, size = 10, width = text.length * size): TextPiece => ({ text, x0, x1: x0 + width, y, size, vertical: false });

/**
 * Rulings of a grid: vertical lines at xs over [bottom, top] (a gap [x, from, to] leaves x unruled between from
 * and to), horizontal lines at ys over [left, right] (those in `h` left out).
 */
function ruled(xs: number[], ys: number[], skip: { v?: [number, number, number][]; h?: number[] } = {}) {
  const [left, right] = [xs[0], xs[xs.length - 1]];
  const [bottom, top] = [Math.min(...ys), Math.max(...ys)];
  const vertical: VLine[] = xs.flatMap((x) => {
    const gap = skip.v?.find(([gx]) => gx === x);
    return gap ? [{ x, y0: bottom, y1: gap[1] }, { x, y0: gap[2], y1: top }] : [{ x, y0: bottom, y1: top }];
  });
  const horizontal: HLine[] = ys.filter((y) => !skip.h?.includes(y)).map((y) => ({ y, x0: left, x1: right }));
  return { horizontal, vertical, segments: vertical.length + horizontal.length };
}

describe('table grid from rulings', () => {
  it('finds the cells of a ruled table and puts each text in its cell', () => {
    const rulings = ruled([100, 200, 300, 400], [700, 680, 660]);
    const pieces = [piece('规章', 110, 685), piece('1', 210, 685), piece('2', 310, 685), piece('行政规范性文件', 110, 665, 8, 70), piece('3', 210, 665), piece('4', 310, 665)];
    const { tables, rest } = findTables(rulings, pieces, 2);
    expect(rest).toEqual([]);
    expect(tables).toHaveLength(1);
    const cells = tables[0].cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);
    expect(cells).toContainEqual([0, 0, 1, 1, '规章']);
    expect(cells).toContainEqual([1, 2, 1, 1, '4']);
    expect(tables[0].cells.find((c) => c.text === '4')?.box).toEqual({ x0: 300, x1: 400, y0: 660, y1: 680 });
  });

  it('joins slots not separated by a ruling into one merged cell, across rows and columns', () => {
    // The vertical line at x=200 is missing in the top row (a caption spanning two columns), and the horizontal
    // line at y=660 is missing under the first column (a label spanning two rows).
    const rulings = ruled([100, 200, 300], [700, 680, 660, 640], { v: [[200, 680, 700]] });
    rulings.horizontal = rulings.horizontal.filter((h) => h.y !== 660).concat([{ y: 660, x0: 200, x1: 300 }]);
    const { tables } = findTables(rulings, [piece('第二十条第（一）项', 110, 685, 8, 150), piece('三、本年度办理结果', 105, 655, 8, 80)], 1);
    const cells = tables[0].cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);
    expect(cells).toContainEqual([0, 0, 1, 2, '第二十条第（一）项']);
    expect(cells).toContainEqual([1, 0, 2, 1, '三、本年度办理结果']);
  });

  it('reads a vertical label of stacked characters top to bottom', () => {
    const rulings = ruled([100, 120, 300], [700, 600]);
    const stacked = [...'本年度办理结果'].map((ch, i) => piece(ch, 105, 690 - i * 12, 10, 10));
    const { tables } = findTables(rulings, stacked, 1);
    expect(tables[0].cells[0].text.replace(/\n/g, '')).toBe('本年度办理结果');
  });

  it('takes a table’s top edge from its vertical lines when the top border is missing (a continuation page)', () => {
    const rulings = ruled([100, 200, 300], [700, 680, 660], { h: [700] });
    const { tables } = findTables(rulings, [piece('3.其他', 110, 685), piece('5', 210, 685)], 4);
    expect(tables[0].cells.map((c) => c.text)).toContain('3.其他');
    expect(tables[0].ys[0]).toBe(700);
  });

  it('takes a thick border, or a double line, for one edge: no sliver of a column or row along it', () => {
    // A 3 pt border drawn round the table: its lines run to its outer side, the inner lines stop at its inner side.
    const thick = {
      horizontal: [{ y: 700, x0: 98.5, x1: 301.5 }, { y: 680, x0: 101.5, x1: 298.5 }, { y: 660, x0: 98.5, x1: 301.5 }],
      vertical: [{ x: 100, y0: 658.5, y1: 701.5 }, { x: 200, y0: 661.5, y1: 698.5 }, { x: 300, y0: 658.5, y1: 701.5 }],
      segments: 6,
    };
    // Double lines 1 pt apart everywhere, the inner ones stopping short of the outer.
    const double = {
      horizontal: [700, 699, 680.5, 679.5, 661, 660].map((y) => ({ y, x0: y === 700 || y === 660 ? 99 : 101.5, x1: y === 700 || y === 660 ? 301 : 298.5 })),
      vertical: [100, 101, 199.5, 200.5, 299, 300].map((x) => ({ x, y0: 660, y1: 700 })),
      segments: 12,
    };
    // A 4.5 pt stroked border: the inner lines stop 2.25 pt and more from its middle, past SNAP.
    const heavy = {
      horizontal: [{ y: 700, x0: 97.7, x1: 302.3, weight: 4.5 }, { y: 680, x0: 102.3, x1: 297.7, weight: 0.5 }, { y: 660, x0: 97.7, x1: 302.3, weight: 4.5 }],
      vertical: [{ x: 100, y0: 657.7, y1: 702.3, weight: 4.5 }, { x: 200, y0: 662.3, y1: 697.7, weight: 0.5 }, { x: 300, y0: 657.7, y1: 702.3, weight: 4.5 }],
      segments: 6,
    };
    for (const rulings of [thick, double, heavy]) {
      const { tables } = findTables(rulings, [piece('规章', 110, 685), piece('1', 210, 685), piece('行政许可', 110, 665), piece('2', 210, 665)], 1);
      expect(tables).toHaveLength(1);
      expect(tables[0].xs).toHaveLength(3);
      expect(tables[0].ys).toHaveLength(3);
      expect(tables[0].cells.map((c) => [c.row, c.col, c.text])).toEqual([[0, 0, '规章'], [0, 1, '1'], [1, 0, '行政许可'], [1, 1, '2']]);
    }
  });

  it('reads a table whose every cell is boxed apart (an HTML table with border-spacing) as one grid', () => {
    const box = (x0: number, x1: number, y0: number, y1: number) => ({
      horizontal: [{ y: y0, x0, x1 }, { y: y1, x0, x1 }],
      vertical: [{ x: x0, y0, y1 }, { x: x1, y0, y1 }],
    });
    const boxes = [box(100, 197.75, 682.25, 700), box(200, 300, 682.25, 700), box(100, 197.75, 660, 680), box(200, 300, 660, 680)];
    const rulings = { horizontal: boxes.flatMap((b) => b.horizontal), vertical: boxes.flatMap((b) => b.vertical), segments: 16 };
    const { tables } = findTables(rulings, [piece('规章', 110, 688), piece('1', 210, 688), piece('行政许可', 110, 666), piece('2', 210, 666)], 1);
    expect(tables).toHaveLength(1);
    expect(tables[0].cells.map((c) => [c.row, c.col, c.text])).toEqual([[0, 0, '规章'], [0, 1, '1'], [1, 0, '行政许可'], [1, 1, '2']]);
  });

  it('keeps a row whose cells are ruled apart from the frame running on below it (to where the page breaks)', () => {
    // The frame's sides run down to 640; the last row (660–680) has its lines, nothing is drawn below it.
    const rulings = {
      horizontal: [{ y: 700, x0: 100, x1: 300 }, { y: 680, x0: 100, x1: 300 }, { y: 660, x0: 150, x1: 300 }],
      vertical: [{ x: 100, y0: 640, y1: 700 }, { x: 150, y0: 660, y1: 700 }, { x: 220, y0: 660, y1: 700 }, { x: 300, y0: 640, y1: 700 }],
      segments: 7,
    };
    const { tables } = findTables(rulings, [piece('（七）总计', 155, 666, 8, 50), piece('92', 230, 666, 10, 12)], 1);
    const cells = tables[0].cells.filter((c) => c.text !== '').map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);
    expect(cells).toEqual([[1, 1, 1, 1, '（七）总计'], [1, 2, 1, 1, '92']]);
  });

  it('reads a two-column table drawn without side borders (one vertical line) between its lines’ ends', () => {
    const rulings = { horizontal: [700, 680, 660].map((y) => ({ y, x0: 100, x1: 300 })), vertical: [{ x: 200, y0: 660, y1: 700 }], segments: 4 };
    const { tables } = findTables(rulings, [piece('行政处罚', 110, 685), piece('71', 210, 685), piece('行政强制', 110, 665), piece('24', 210, 665)], 1);
    expect(tables).toHaveLength(1);
    expect(tables[0].cells.map((c) => [c.row, c.col, c.text])).toEqual([[0, 0, '行政处罚'], [0, 1, '71'], [1, 0, '行政强制'], [1, 1, '24']]);
    // One line crossed by a single other is a mark, not a table.
    expect(findTables({ horizontal: [{ y: 700, x0: 100, x1: 300 }], vertical: [{ x: 200, y0: 660, y1: 700 }], segments: 2 }, [], 1).tables).toEqual([]);
  });

  it('cuts a text run that spans several cells (“0 0 0”) at its spaces', () => {
    const rulings = ruled([100, 130, 160, 190], [700, 680]);
    const { tables } = findTables(rulings, [piece('0    0    0', 110, 685, 10, 70)], 1);
    expect(tables[0].cells.map((c) => c.text)).toEqual(['0', '0', '0']);
  });
});

describe('rulings from the operator list', () => {
  const OPS: OpsCodes = { save: 10, restore: 11, transform: 12, constructPath: 91, stroke: 20, closeStroke: 21, fill: 22, eoFill: 23, fillStroke: 24, eoFillStroke: 25, closeFillStroke: 26, closeEOFillStroke: 27, setStrokeRGBColor: 58, setFillRGBColor: 59, setLineWidth: 2, setGState: 9 };
  const ENDPATH = 28;
  const path = (...numbers: number[]) => new Float32Array(numbers);

  it('reads stroked segments under a transform, thin filled rectangles as lines, each with its thickness, and skips clips, shading and white', () => {
    const list = {
      fnArray: [OPS.constructPath, OPS.save, OPS.transform, OPS.constructPath, OPS.restore, OPS.constructPath, OPS.constructPath, OPS.setStrokeRGBColor, OPS.constructPath],
      argsArray: [
        [ENDPATH, [path(0, 0, 0, 1, 595, 0, 1, 595, 842, 1, 0, 842, 4)], null],
        [],
        [2, 0, 0, 2, 10, 20],
        [OPS.stroke, [path(0, 50, 100, 1, 150, 100)], null],
        [],
        [OPS.fill, [path(0, 100, 300, 1, 100.8, 300, 1, 100.8, 400, 1, 100, 400, 4)], null],
        [OPS.eoFill, [path(0, 100, 500, 1, 300, 500, 1, 300, 520, 1, 100, 520, 4)], null],
        ['#ffffff'],
        [OPS.stroke, [path(0, 0, 10, 1, 500, 10)], null],
      ],
    };
    const rulings = readRulings(list, OPS);
    // The stroke's width (1, the default) is scaled by the transform; a filled line is as thick as its rectangle.
    expect(rulings.horizontal).toEqual([{ y: 220, x0: 110, x1: 310, weight: 2 }]);
    expect(rulings.vertical).toHaveLength(1);
    expect(rulings.vertical[0].x).toBeCloseTo(100.4, 4);
    expect(rulings.vertical[0].weight).toBeCloseTo(0.8, 4);
    expect(rulings.vertical[0]).toMatchObject({ y0: 300, y1: 400 });
  });

  it('reads the sides of a bevelled border (trapezoids, their slanted ends as long as the border is thick) as lines', () => {
    const list = {
      fnArray: [OPS.constructPath, OPS.constructPath],
      argsArray: [
        [OPS.fill, [path(0, 381, 571.5, 1, 381, 297, 1, 381.75, 297, 1, 381.75, 572.25)], null],
        [OPS.fill, [path(0, 84.75, 572.25, 1, 381.75, 572.25, 1, 381, 571.5, 1, 85.5, 571.5)], null],
      ],
    };
    const rulings = readRulings(list, OPS);
    expect(rulings.vertical).toHaveLength(1);
    expect(rulings.horizontal).toHaveLength(1);
  });

  it('takes a stroke’s thickness from its line width, set directly or by a graphics state', () => {
    const list = {
      fnArray: [OPS.setLineWidth!, OPS.constructPath, OPS.setGState!, OPS.constructPath],
      argsArray: [[3], [OPS.stroke, [path(0, 50, 100, 1, 150, 100)], null], [[['LW', 4.5], ['CA', 1]]], [OPS.stroke, [path(0, 50, 200, 1, 150, 200)], null]],
    };
    expect(readRulings(list, OPS).horizontal.map((line) => line.weight)).toEqual([3, 4.5]);
  });
});

describe('prose lines into paragraphs', () => {
  it('joins lines that run on, starts a paragraph at an indent or after a short line, drops page numbers', () => {
    const lines = groupLines([
      piece('一、总体情况', 122, 760, 16, 96),
      piece('2023年，我局全年共收到政府信息公开申请', 122, 730, 16, 400),
      piece('451件，上年结转6件。', 90, 702, 16, 150),
      piece('（一）主动公开情况。', 122, 674, 16, 160),
      piece('— 3 —', 280, 60, 12, 40),
    ]);
    const texts = paragraphsOf(lines).map((p) => p.text);
    expect(texts).toEqual(['一、总体情况', '2023年，我局全年共收到政府信息公开申请451件，上年结转6件。', '（一）主动公开情况。']);
  });
});

describe('tables continued across pages', () => {
  it('are stitched into one grid, the repeated header dropped', () => {
    const page = (n: number, rows: string[][]) => {
      const ys = rows.map((_, i) => 700 - i * 20).concat(700 - rows.length * 20);
      const { tables } = findTables(ruled([100, 200, 300], ys), rows.flatMap((row, i) => row.map((text, c) => piece(text, 110 + c * 100, 685 - i * 20))), n);
      return tables.map((table) => ({ top: table.box.y1, block: table }));
    };
    const stitched = stitchTables([page(3, [['项目', '总计'], ['一', '1']]), page(4, [['项目', '总计'], ['二', '2']])]);
    const tables = stitched.flat().map(({ block }) => block);
    expect(tables).toHaveLength(1);
    const table = tables[0] as { pages: number[]; rowCount: number; cells: { row: number; text: string; page: number }[] };
    expect(table.pages).toEqual([3, 4]);
    expect(table.rowCount).toBe(3);
    expect(table.cells.filter((c) => c.row === 2).map((c) => [c.text, c.page])).toEqual([['二', 4], ['2', 4]]);
  });

  /**
   * A page of ruled rows whose last row (`openBottom`) runs on to the page's foot undrawn, or whose first row
   * (`openTop`) comes from the page's head undrawn: a row the page break cut.
   */
  const cutPage = (n: number, rows: string[][], cut: { openTop?: boolean; openBottom?: boolean }) => {
    const ys = rows.map((_, i) => 700 - i * 20).concat(700 - rows.length * 20);
    const rulings = ruled([100, 200, 300], ys, { h: [...(cut.openTop ? [ys[0]] : []), ...(cut.openBottom ? [ys[ys.length - 1]] : [])] });
    const { tables } = findTables(rulings, rows.flatMap((row, i) => row.map((text, c) => piece(text, 110 + c * 100, 685 - i * 20))), n);
    return tables.map((table) => ({ top: table.box.y1, block: table }));
  };
  type Joined = { rowCount: number; cells: { row: number; rowSpan: number; text: string; page: number }[] };

  it('join a row the page break cut into the row it is: its labels’ parts, its value on either side', () => {
    const stitched = stitchTables([
      cutPage(3, [['项目', '总计'], ['一', '1'], ['2.申请人逾期', '']], { openBottom: true }),
      cutPage(4, [['未按收费通知', '5'], ['3.其他', '9'], ['合计', '15']], { openTop: true }),
    ]);
    const table = stitched.flat()[0].block as unknown as Joined;
    expect(table.rowCount).toBe(5);
    expect(table.cells.filter((c) => c.row === 2).map((c) => [c.text, c.rowSpan, c.page])).toEqual([['2.申请人逾期\n未按收费通知', 1, 3], ['5', 1, 3]]);
    expect(table.cells.filter((c) => c.row === 3).map((c) => c.text)).toEqual(['3.其他', '9']);
  });

  it('join a table run on over hundreds of pages in time linear in its pages', () => {
    const page = (n: number) => {
      const rows = Array.from({ length: 30 }, (_, r) => Array.from({ length: 8 }, (_, c) => String((n * 240 + r * 8 + c) % 997)));
      const ys = rows.map((_, i) => 780 - i * 20).concat(780 - rows.length * 20);
      const { tables } = findTables(ruled([40, 90, 140, 190, 240, 290, 340, 390, 440], ys), rows.flatMap((row, i) => row.map((text, c) => piece(text, 45 + c * 50, 765 - i * 20))), n);
      return tables.map((table) => ({ top: table.box.y1, block: table }));
    };
    const pages = Array.from({ length: 300 }, (_, i) => page(i + 1));
    const started = performance.now();
    const stitched = stitchTables(pages).flat();
    // Measured about 0.3 s on a loaded machine; placing every cell again at every page took 14 s.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(stitched).toHaveLength(1);
    const table = stitched[0].block as unknown as { rowCount: number; colCount: number; cells: { row: number; col: number; text: string; page: number }[] };
    expect([table.rowCount, table.colCount, table.cells.length]).toEqual([9000, 8, 72_000]);
    expect(table.cells.find((c) => c.row === 8999 && c.col === 7)).toMatchObject({ text: String((300 * 240 + 29 * 8 + 7) % 997), page: 300 });
  });

  it('keep two rows apart where both hold values, and where the first page’s row is closed', () => {
    const values = stitchTables([
      cutPage(3, [['项目', '总计'], ['一', '1'], ['二', '2']], { openBottom: true }),
      cutPage(4, [['三', '3'], ['四', '4'], ['五', '5']], { openTop: true }),
    ]);
    expect((values.flat()[0].block as unknown as Joined).cells.filter((c) => c.row === 3).map((c) => c.text)).toEqual(['三', '3']);
    const closed = stitchTables([
      cutPage(3, [['项目', '总计'], ['一', '1'], ['2.申请人逾期', '']], {}),
      cutPage(4, [['未按收费通知', '5'], ['3.其他', '9'], ['合计', '15']], { openTop: true }),
    ]);
    expect((closed.flat()[0].block as unknown as Joined).rowCount).toBe(6);
  });
});

describe('pages looked at for tables', () => {
  /** UTF-16BE hex, for the non-embedded STSong-Light through UniGB-UCS2-H. */
  const ucs2Hex = (text: string) => [...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('');

  it('past the first pages, reads a page of figures for tables only once the report has begun', async () => {
    const named = 25;
    const contents = Array.from({ length: 30 }, (_, i) => {
      const title = i + 1 === named ? `BT /F2 16 Tf 72 800 Td <${ucs2Hex('政府信息公开工作年度报告')}> Tj ET\n` : '';
      return stream('', `${title}${ruledTable(6, 4)}`);
    });
    const fonts = 5 + 2 * contents.length;
    const bytes = simplePdf(contents, {
      resources: `<< /Font << /F1 ${fonts - 2} 0 R /F2 ${fonts - 1} 0 R >> >>`,
      extra: [
        `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [${fonts} 0 R] >>`,
        `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${fonts + 1} 0 R /DW 1000 >>`,
        '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
      ],
    });
    const content = await readPdf(bytes, pdfAssets());
    const tablePages = content.blocks.flatMap((block) => (block.type === 'table' ? block.grid.pages ?? [] : []));
    expect(content.blocks.some((block) => block.type === 'paragraph' && block.text.includes('政府信息公开'))).toBe(true);
    const expected = [...Array.from({ length: 20 }, (_, i) => i + 1), 25, 26, 27, 28, 29, 30];
    expect([...new Set(tablePages)].sort((a, b) => a - b)).toEqual(expected);
  });
});

describe('bad PDFs', () => {
  it.each([
    ['pdf-encrypted.pdf', 'PDF_ENCRYPTED'],
    ['pdf-truncated.pdf', 'PDF_CORRUPT'],
    ['pdf-not-a-pdf.pdf', 'NOT_A_PDF'],
    ['pdf-empty.pdf', 'EMPTY_FILE'],
  ])('%s gives %s, quickly', async (name, code) => {
    const started = performance.now();
    await expect(readPdfFile(BAD(name))).rejects.toMatchObject({ code });
    expect(performance.now() - started).toBeLessThan(5000);
  });
});

describe('reading only as far as the report goes', () => {
  it('knows the report has ended after section 六 and its signature date, or a page after 六 began', () => {
    expect(reportHasEnded([['一、总体情况', '正文'], ['五、存在的主要问题及改进情况', '正文']])).toBe(false);
    expect(reportHasEnded([['六、其他需要报告的事项', '本年度未收取信息处理费。']])).toBe(false);
    expect(reportHasEnded([['六、其他需要报告的事项', '本年度未收取信息处理费。', '某某局', '2024年1月16日']])).toBe(true);
    expect(reportHasEnded([['六、其他需要报告的事项', '本年度未收取'], ['信息处理费。']])).toBe(true);
  });

  it('stops reading pages once told the report has ended', async () => {
    const bytes = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/corpus/d02_lo.pdf', import.meta.url))));
    const content = await readPdf(bytes, { ...pdfAssets(), stopAfter: (pages) => pages.length >= 2 });
    expect(content).toMatchObject({ pageCount: 5, pagesRead: 2 });
  });
});
