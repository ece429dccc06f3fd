/**
 * Tables ruled in their body but not in their header (shared/read/pdf/loose-header.ts): the header, read by
 * alignment or as loose lines, becomes the body's first rows in the body's columns.
 */
import { describe, expect, it } from 'vitest';
import type { TextPiece } from '../../shared/read/pdf/geometry';
import { joinLooseHeaders, withHeaderLines } from '../../shared/read/pdf/loose-header';
import { stitchTables } from '../../shared/read/pdf/stitch';
import type { PdfCell, PdfTable } from '../../shared/read/pdf/table-grid';
import { findTextTables } from '../../shared/read/pdf/text-table';

const SIZE = 10;

function piece(text: string, x0: number, y: number): TextPiece {
  return { text, x0, x1: x0 + text.length * SIZE * (/^[\d.]+$/.test(text) ? 0.5 : 1), y, size: SIZE, vertical: false };
}

/** A ruled body: a label column 100–200 and value columns 100 wide after it, one row per line of values. */
function body(rows: string[][], top: number, page = 1): PdfTable {
  const xs = [100, 200, ...rows[0].slice(1).map((_, c) => 300 + c * 100)];
  const ys = rows.map((_, r) => top - r * 20).concat(top - rows.length * 20);
  const cells: PdfCell[] = rows.flatMap((row, r) =>
    row.map((text, c) => ({ row: r, col: c, rowSpan: 1, colSpan: 1, text, box: { x0: xs[c] + 2, x1: xs[c + 1] - 2, y0: ys[r + 1] + 2, y1: ys[r] - 2 } })),
  );
  return { page, box: { x0: xs[0], x1: xs[xs.length - 1], y0: ys[ys.length - 1], y1: ys[0] }, xs, ys, cells };
}

function layout(table: PdfTable): string[][] {
  const out = Array.from({ length: table.ys.length - 1 }, () => new Array<string>(table.xs.length - 1).fill('·'));
  for (const cell of table.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) out[r][c] = r === cell.row && c === cell.col ? cell.text.replace(/\n/g, '/') : '^';
    }
  }
  return out;
}

const BODY = [
  ['规章', '0', '1', '2'],
  ['规范性文件', '3', '4', '5'],
];
const WIDE_BODY = [
  ['一、本年新收', '1', '2', '3', '6'],
  ['二、上年结转', '0', '1', '0', '1'],
];
/** Over WIDE_BODY's four value columns (200–600): 商业企业 and 科研机构 wrapped in two lines. */
const WRAPPED_HEADER = (top: number) => [
  piece('自然人', 215, top), piece('商业', 330, top), piece('科研', 430, top), piece('总计', 530, top),
  piece('企业', 330, top - 12), piece('机构', 430, top - 12),
];

describe('a header set without rulings over a ruled body', () => {
  it('joins a header read by alignment, each wrapped column label into one cell', () => {
    const header = findTextTables([piece('法人或其他组织', 345, 760), ...WRAPPED_HEADER(745)], 1).tables;
    expect(header).toHaveLength(1);
    const { ruled, unruled } = joinLooseHeaders([body(WIDE_BODY, 720)], header);
    expect(unruled).toEqual([]);
    const rows = layout(ruled[0]);
    expect(rows.slice(-2)).toEqual(WIDE_BODY);
    expect(rows.slice(0, -2).flat()).toEqual(expect.arrayContaining(['法人或其他组织', '自然人', '商业/企业', '科研/机构', '总计']));
    const column = (text: string) => ruled[0].cells.find((cell) => cell.text.replace(/\n/g, '/') === text)?.col;
    expect([column('自然人'), column('商业/企业'), column('科研/机构'), column('总计')]).toEqual([1, 2, 3, 4]);
  });

  it('takes one line of column names, and a title centred over them, as the first rows', () => {
    const pieces = [
      piece('二、主动公开政府信息情况', 100, 790),
      piece('第二十条第（一）项', 255, 757),
      piece('信息内容', 110, 740), piece('本年制发件数', 205, 740), piece('本年废止件数', 305, 740), piece('现行有效件数', 405, 740),
    ];
    const { tables, rest } = withHeaderLines([body(BODY, 725)], pieces);
    expect(layout(tables[0])).toEqual([
      ['·', '第二十条第（一）项', '^', '·'],
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ...BODY,
    ]);
    expect(rest.map((p) => p.text)).toEqual(['二、主动公开政府信息情况']);
  });

  it('leaves a body that has a header of its own, and text far above, alone', () => {
    const headed = body([['信息内容', '甲', '乙', '丙'], ...BODY], 725);
    const names = [piece('单位：件', 405, 740), piece('表一', 110, 740)];
    expect(withHeaderLines([headed], names).tables[0]).toBe(headed);
    const far = [piece('信息内容', 110, 790), piece('本年制发件数', 205, 790)];
    expect(withHeaderLines([body(BODY, 725)], far).rest).toHaveLength(2);
  });

  it('joins a header ending one page to the ruled body starting the next, the header on its page', () => {
    const header = findTextTables([piece('申请人情况', 375, 102), ...WRAPPED_HEADER(90)], 1).tables;
    expect(header).toHaveLength(1);
    const [first, second] = stitchTables([
      [{ top: 100, block: header[0] }],
      [{ top: 760, block: body(WIDE_BODY, 760, 2) }],
    ]);
    expect(second).toEqual([]);
    const table = first[0].block as { pages: number[]; cells: { text: string; page: number }[] };
    expect(table.pages).toEqual([1, 2]);
    expect(table.cells.find((cell) => cell.text.replace(/\n/g, '/') === '商业/企业')?.page).toBe(1);
    expect(table.cells.find((cell) => cell.text === '一、本年新收')?.page).toBe(2);
  });
});
