/**
 * Tables drawn without any rulings, read by the alignment of their text (shared/read/pdf/text-table.ts).
 * Unit cases on hand-placed text, then real PDFs (test/fixtures/unruled, made by test/tools/make-unruled-fixtures.sh):
 * dev-corpus reports with every border removed, printed by LibreOffice and by Chromium, and with partial rulings
 * (only a frame round each table; horizontal lines only; every border but the header rows', as LibreOffice prints
 * it and as a web page that borders td and not th does).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles, type FileResult } from '../../electron/services/check-files';
import type { TextPiece } from '../../shared/read/pdf/geometry';
import { findTextTables } from '../../shared/read/pdf/text-table';
import { scoreCells, scoreFindings, type TruthFile } from '../bench/truth-score';

const SIZE = 10;

function piece(text: string, x0: number, y: number, size = SIZE): TextPiece {
  return { text, x0, x1: x0 + text.length * size * (/^[\d.]+$/.test(text) ? 0.5 : 1), y, size, vertical: false };
}

function grid(pieces: TextPiece[]): string[][] {
  const { tables } = findTextTables(pieces, 1);
  expect(tables).toHaveLength(1);
  const [table] = tables;
  const rows = table.ys.length - 1;
  const out = Array.from({ length: rows }, () => new Array<string>(table.xs.length - 1).fill('·'));
  for (const cell of table.cells) {
    for (let r = cell.row; r < cell.row + cell.rowSpan; r++) {
      for (let c = cell.col; c < cell.col + cell.colSpan; c++) out[r][c] = r === cell.row && c === cell.col ? cell.text.replace(/\n/g, '/') : '^';
    }
  }
  return out;
}

describe('tables without rulings, on placed text', () => {
  it('reads a header and value rows into columns, the value gaps making the column edges', () => {
    const pieces = [
      piece('信息内容', 100, 700), piece('本年制发件数', 200, 700), piece('本年废止件数', 300, 700), piece('现行有效件数', 400, 700),
      piece('规章', 100, 680), piece('0', 225, 680), piece('1', 325, 680), piece('2', 425, 680),
      piece('行政规范性文件', 100, 660), piece('3', 225, 660), piece('14', 325, 660), piece('5', 425, 660),
    ];
    expect(grid(pieces)).toEqual([
      ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'],
      ['规章', '0', '1', '2'],
      ['行政规范性文件', '3', '14', '5'],
    ]);
  });

  it('keeps a label wrapped over two lines, centred beside its values, in one cell', () => {
    const pieces = [
      piece('项目', 100, 700), piece('甲', 230, 700), piece('乙', 330, 700),
      piece('（二）部分公开（区分', 100, 686), piece('处理的）', 100, 674), piece('7', 230, 680), piece('8', 330, 680),
      piece('（三）其他', 100, 655), piece('1', 230, 655), piece('2', 330, 655),
    ];
    expect(grid(pieces)).toEqual([
      ['项目', '甲', '乙'],
      ['（二）部分公开（区分/处理的）', '7', '8'],
      ['（三）其他', '1', '2'],
    ]);
  });

  it('makes a label stacked one character a line into one cell over the rows it runs through', () => {
    const rows = [700, 686, 672, 658];
    const pieces = [
      ...['合', '计', '行', '数'].map((text, i) => piece(text, 100, rows[i])),
      ...rows.flatMap((y, i) => [piece(`${i + 1}.项目`, 140, y), piece(String(i), 260, y), piece(String(i + 10), 320, y)]),
    ];
    const cells = grid(pieces);
    expect(cells.map((row) => row[0])).toEqual(['合/计/行/数', '^', '^', '^']);
    expect(cells.map((row) => row.slice(1))).toEqual([
      ['1.项目', '0', '10'],
      ['2.项目', '1', '11'],
      ['3.项目', '2', '12'],
      ['4.项目', '3', '13'],
    ]);
  });

  it('widens a centred heading over the columns under it, within the heading above', () => {
    const pieces = [
      piece('行政复议', 156, 720), piece('行政诉讼', 321, 720),
      piece('维持', 100, 705), piece('纠正', 150, 705), piece('总计', 200, 705), piece('维持', 300, 705), piece('纠正', 350, 705), piece('总计', 400, 705),
      piece('1', 105, 690), piece('2', 155, 690), piece('3', 205, 690), piece('4', 305, 690), piece('5', 355, 690), piece('9', 405, 690),
    ];
    const cells = grid(pieces);
    expect(cells[0]).toEqual(['行政复议', '^', '^', '行政诉讼', '^', '^']);
    expect(cells[2]).toEqual(['1', '2', '3', '4', '5', '9']);
  });

  it('keeps the label of the last row whole where it wraps on below its values (the table ending there)', () => {
    const pieces = [
      piece('项目', 100, 700), piece('甲', 260, 700), piece('乙', 320, 700),
      piece('1.第一项', 100, 686), piece('1', 260, 686), piece('2', 320, 686),
      piece('2.申请人逾期未按收', 100, 672), piece('3', 260, 672), piece('4', 320, 672),
      piece('费通知要求缴纳费用', 100, 660), piece('的申请', 100, 648),
    ];
    expect(grid(pieces).map((row) => row[0])).toEqual(['项目', '1.第一项', '2.申请人逾期未按收/费通知要求缴纳费用/的申请']);
  });

  it('parts a label set upright from the labels beside it, across a narrow column of categories', () => {
    const stack = '三本年度办理结果';
    // Many rows below: the upright label and the categories cover few of the table's lines.
    const ys = Array.from({ length: 30 }, (_, i) => 700 - i * 14);
    const pieces = [
      piece('一、本年新收申请数量', 100, 714), piece('9', 300, 714), piece('9', 350, 714),
      ...ys.slice(0, stack.length).map((y, i) => piece(stack[i], 100, y)),
      piece('（一）予以公开', 125, ys[0]), piece('（二）部分公开', 125, ys[1]),
      piece('（三）', 125, ys[4]), piece('不予', 125, ys[5]), piece('公开', 125, ys[6]),
      ...ys.slice(2).map((y, i) => piece(`${i + 1}.情形`, 165, y)),
      ...ys.flatMap((y) => [piece('0', 300, y), piece('1', 350, y)]),
    ];
    const { tables } = findTextTables(pieces, 1);
    expect(tables).toHaveLength(1);
    const textAt = (row: number, col: number) => tables[0].cells.find((cell) => cell.row === row && cell.col === col)?.text;
    expect(tables[0].xs).toHaveLength(6);
    expect(textAt(1, 0)?.replace(/\n/g, '')).toBe(stack);
    expect(textAt(1, 1)).toBe('（一）予以公开');
    expect(textAt(3, 2)).toBe('1.情形');
  });

  it('leaves prose alone: one wide line after another is no table', () => {
    const pieces = [piece('本机关坚持以人民为中心推进决策执行管理服务结果公开。', 90, 700), piece('全年发布政策解读材料13篇，回应关切5次。', 90, 680)];
    expect(findTextTables(pieces, 1).tables).toEqual([]);
  });
});

const FIXTURES = fileURLToPath(new URL('../fixtures/unruled/', import.meta.url));
const files = readdirSync(FIXTURES).filter((name) => name.endsWith('.pdf')).sort();
const truthOf = (name: string): TruthFile => JSON.parse(readFileSync(join(FIXTURES, name.replace(/\.pdf$/, '.truth.json')), 'utf8'));
/** Label wording cut differently from the ruled original (a stray line of a neighbouring label): warnings only. */
const LABEL_WARNINGS = new Set(['LABEL-ALTERED', 'TABLE-LAYOUT']);
/** Still read with such warnings: narrow Chromium prints, and a header whose stacked labels split a column. */
const WITH_LABEL_WARNINGS = new Set(['d03_ch.pdf', 'd20_nb.pdf']);

describe('real PDFs without rulings', () => {
  let results: Map<string, FileResult>;
  beforeAll(async () => {
    const checked = await checkFiles(files.map((name) => join(FIXTURES, name)));
    results = new Map(checked.map((result) => [result.file.slice(FIXTURES.length), result]));
  }, 120_000);

  it('has LibreOffice and Chromium ones, and ones ruled but for their headers', () => {
    expect(files.some((name) => name.endsWith('_nb.pdf'))).toBe(true);
    expect(files.some((name) => name.endsWith('_ch.pdf'))).toBe(true);
    expect(files.some((name) => name.endsWith('_hd.pdf'))).toBe(true);
    expect(files.some((name) => name.endsWith('_td.pdf'))).toBe(true);
  });

  describe.each(files)('%s', (name) => {
    it('gives all 200 cells of the truth', () => {
      const result = results.get(name)!;
      expect(result.status).toBe('checked');
      expect(scoreCells(result.status === 'checked' ? result.report : null, truthOf(name).report).wrong).toEqual([]);
    });

    it('finds what the truth finds, and nothing else (label-wording warnings only where known)', () => {
      const truth = truthOf(name);
      const score = scoreFindings(results.get(name)!.findings, truth.findings, truth.tolerated ?? []);
      expect(score.falseNegatives).toEqual([]);
      const tolerated = WITH_LABEL_WARNINGS.has(name) ? LABEL_WARNINGS : new Set<string>();
      expect(score.falsePositives.filter((f) => !tolerated.has(f.rule)).map((f) => `${f.rule} ${f.table ?? ''} ${f.row ?? ''}`)).toEqual([]);
    });
  });
});
