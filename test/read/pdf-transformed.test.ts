/**
 * Pages drawn through a transform (test/fixtures/transformed, made by test/tools/make-transformed-fixtures.py):
 * content wrapped in a form XObject with a /Matrix, content drawn a quarter turn round with /Rotate, and a
 * diagonal watermark of words and digits laid across the tables; every text printed twice a fraction of a point
 * apart (simulated bold); encryption with an owner password only; a scanned cover page before the report; the report printed from its web page; and a "searchable" scan (page images with an
 * OCR tool's invisible text layer), whose values are read but marked as needing the reviewer's confirmation; and
 * a Chromium print rewritten by ghostscript; tables with a thick border, double lines, no sides, or every cell
 * boxed apart (web pages).
 * Values must be read as from the original, and every box must be where the viewer finds it in the new file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkFiles, type FileResult } from '../../electron/services/check-files';
import { readPdfFile } from '../../electron/services/pdf-file';
import type { DocumentContent, SourceRef } from '../../shared/model/grid';
import { apply, type Matrix } from '../../shared/read/pdf/geometry';
import { isGarbledText } from '../../shared/read/pdf/garbled-text';
import { pageTurn, runsSquare } from '../../shared/read/pdf/page-turn';
import { scoreCells, scoreFindings, type TruthFile } from '../bench/truth-score';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/${path}`, import.meta.url));
const read = (path: string) => readPdfFile(new Uint8Array(readFileSync(fixture(path))));

/** How each file was made from its original: the matrix from the original's user space to the new one's. */
const CASES: { file: string; original: string; toNew: Matrix }[] = [
  { file: 'transformed/d05_matrix.pdf', original: 'corpus/d05_chrome.pdf', toNew: [0.8, 0, 0, 0.8, 36, 60] },
  { file: 'transformed/d05_rotated.pdf', original: 'corpus/d05_chrome.pdf', toNew: [0, 1, -1, 0, 841.92, 0] },
  { file: 'transformed/d10_rotated.pdf', original: 'corpus/d10_lo.pdf', toNew: [0, 1, -1, 0, 841.89, 0] },
  { file: 'transformed/d10_watermark.pdf', original: 'corpus/d10_lo.pdf', toNew: [1, 0, 0, 1, 0, 0] },
  { file: 'transformed/d10_owner.pdf', original: 'corpus/d10_lo.pdf', toNew: [1, 0, 0, 1, 0, 0] },
  { file: 'transformed/d10_coverscan.pdf', original: 'corpus/d10_lo.pdf', toNew: [1, 0, 0, 1, 0, 0] },
  { file: 'transformed/d02_overprint.pdf', original: 'corpus/d02_lo.pdf', toNew: [1, 0, 0, 1, 0, 0] },
];

/** The file checked, all 200 cells as its truth has them, and its findings scored against the truth's. */
async function checkedAgainstTruth(file: string): Promise<{ result: FileResult; score: ReturnType<typeof scoreFindings> }> {
  const [result] = await checkFiles([fixture(file)]);
  const truth: TruthFile = JSON.parse(readFileSync(fixture(file.replace(/\.pdf$/, '.truth.json')), 'utf8'));
  expect(result.status).toBe('checked');
  expect(scoreCells(result.status === 'checked' ? result.report : null, truth.report).wrong).toEqual([]);
  return { result, score: scoreFindings(result.findings, truth.findings, truth.tolerated ?? []) };
}

function cellBoxes(content: DocumentContent): [number, number, number, number][] {
  const pdf = (source: SourceRef) => (source.kind === 'pdf' ? [source.box] : []);
  return content.blocks.flatMap((block) => (block.type === 'table' ? block.grid.cells.flatMap((cell) => pdf(cell.source)) : []));
}

function mapped(matrix: Matrix, [x0, y0, x1, y1]: number[]): number[] {
  const [ax, ay] = apply(matrix, x0, y0);
  const [bx, by] = apply(matrix, x1, y1);
  return [Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by)];
}

describe('pages drawn through a transform', () => {
  let results: Map<string, FileResult>;
  beforeAll(async () => {
    const checked = await checkFiles(CASES.map(({ file }) => fixture(file)));
    results = new Map(CASES.map(({ file }, i) => [file, checked[i]]));
  }, 120_000);

  describe.each(CASES)('$file', ({ file, original, toNew }) => {
    const truth = (): TruthFile => JSON.parse(readFileSync(fixture(file.replace(/\.pdf$/, '.truth.json')), 'utf8'));

    it('gives all 200 cells and the findings of the truth', () => {
      const result = results.get(file)!;
      expect(result.status).toBe('checked');
      expect(scoreCells(result.status === 'checked' ? result.report : null, truth().report).wrong).toEqual([]);
      const score = scoreFindings(result.findings, truth().findings, truth().tolerated ?? []);
      expect([...score.falsePositives, ...score.falseNegatives]).toEqual([]);
    });

    it("puts every cell's box where the original's lands in the new file's user space", async () => {
      const [before, after] = await Promise.all([read(original), read(file)]);
      const expected = cellBoxes(before).map((box) => mapped(toNew, box));
      const boxes = cellBoxes(after);
      expect(boxes).toHaveLength(expected.length);
      boxes.forEach((box, i) => box.forEach((value, k) => expect(Math.abs(value - expected[i][k])).toBeLessThan(0.5)));
    });
  });
});

describe('a report printed from the web page that published it', () => {
  it('reads the report, its title and its signature, not the site around it', async () => {
    const file = 'transformed/d05_webpage.pdf';
    const { score } = await checkedAgainstTruth(file);
    expect([...score.falsePositives, ...score.falseNegatives]).toEqual([]);
  });
});

describe('a scan with an invisible OCR text layer', () => {
  const file = 'transformed/d09_ocrlayer.pdf';
  /** Read by alignment (the rulings are in the image): a label may be cut differently, a warning only. */
  const LABEL_WARNINGS = new Set(['LABEL-ALTERED', 'TABLE-LAYOUT']);

  it('reads all 200 cells from the text layer, every table cell marked as OCR', async () => {
    const { score } = await checkedAgainstTruth(file);
    expect(score.falseNegatives).toEqual([]);
    expect(score.falsePositives.filter((f) => !LABEL_WARNINGS.has(f.rule))).toEqual([]);
    const cells = (await read(file)).blocks.flatMap((block) => (block.type === 'table' ? block.grid.cells : []));
    expect(cells.length).toBeGreaterThan(200);
    expect(cells.every((cell) => cell.ocr === true)).toBe(true);
  });

  it('marks nothing as OCR in a PDF written from the document', async () => {
    const cells = (await read('transformed/d10_watermark.pdf')).blocks.flatMap((block) => (block.type === 'table' ? block.grid.cells : []));
    expect(cells.length).toBeGreaterThan(200);
    expect(cells.some((cell) => cell.ocr)).toBe(false);
  });
});

describe.each(['transformed/d13_thickborder.pdf', 'transformed/s001_border45.pdf', 'transformed/d02_doubleborder.pdf', 'transformed/d02_opensides.pdf', 'transformed/d09_spacing.pdf', 'transformed/d03_cellspacing.pdf'])('tables with a thick border, double lines, no sides, or every cell boxed apart: %s', (file) => {
  it('gives all 200 cells and the findings of the truth', async () => {
    const { score } = await checkedAgainstTruth(file);
    expect([...score.falsePositives, ...score.falseNegatives]).toEqual([]);
  });
});

describe('a Chromium print rewritten by ghostscript, some of whose glyphs come out as other characters', () => {
  it('reads all 200 cells, naming the columns and rows of labels one character off by their place', async () => {
    const file = 'transformed/s001_gs.pdf';
    const { result, score } = await checkedAgainstTruth(file);
    expect(score.falseNegatives).toEqual([]);
    // The labels as the file gives them do differ from the format's: each is reported, and nothing else.
    expect(score.falsePositives.filter((f) => f.rule !== 'LABEL-ALTERED')).toEqual([]);
    const altered = result.findings.filter((f) => f.rule === 'LABEL-ALTERED').map((f) => `${f.table}/${f.row ?? f.column}`);
    expect(altered).toEqual(expect.arrayContaining(['table2/normativeDocuments', 'table2/licensing', 'table2/fees', 'table4/corrected', 'table4/other']));
  });
});

describe('a PDF whose fonts have no encoding map', () => {
  it('is treated as having no text (NO-TEXT-LAYER on all pages), not read as gibberish nor called no report', async () => {
    const [result] = await checkFiles([fixture('transformed/d10_garbled.pdf')]);
    expect(result.status).toBe('checked');
    expect(result.findings.map((finding) => [finding.rule, finding.pages])).toEqual([['NO-TEXT-LAYER', 'all']]);
  });

  it('is told from real text by its characters', () => {
    expect(isGarbledText('()*+,-./0123"45)*6789:;<=0>?@ABCD>E?@FGHIJKLHMHNOPQRSTU5V5WXYZ[\\]^ÄÅÇÉÑÖÜá78àâ>äã')).toBe(true);
    expect(isGarbledText('ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü†°¢£§•¶ßÄÅÇÉÑÖÜ')).toBe(true);
    expect(isGarbledText('二、主动公开政府信息情况 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 8')).toBe(false);
    expect(isGarbledText('0 0 0 8 2165 1171 145 412.8 158 28 1 1 12 6 206 5 1 0 0 0 0 6')).toBe(false);
    expect(isGarbledText('This annual report is prepared in accordance with the Regulations, covering 2023.')).toBe(false);
    expect(isGarbledText('—3—')).toBe(false);
    expect(isGarbledText('-------------------------------- ________________ ____________')).toBe(false);
  });
});

describe('pageTurn', () => {
  const item = (str: string, [a, b]: [number, number]) => ({ str, transform: [a, b, -b, a, 100, 100], width: 10, height: 10 });

  it('calls a page upright when only a few labels are turned (a stacked 三、本年度办理结果)', () => {
    expect(pageTurn([item('三、本年度办理结果', [0, 12]), item('（一）予以公开', [12, 0]), item('（二）部分公开', [12, 0]), item('（三）不予公开', [12, 0])])).toBe(0);
  });

  it('tells a page whose text runs up, down or upside down', () => {
    const all = (turn: [number, number]) => ['二、主动公开政府信息情况', '信息内容', '本年制发件数'].map((text) => item(text, turn));
    expect(pageTurn(all([0, 12]))).toBe(1);
    expect(pageTurn(all([-12, 0]))).toBe(2);
    expect(pageTurn(all([0, -12]))).toBe(3);
    expect(pageTurn([])).toBe(0);
  });
});

describe('runsSquare', () => {
  const at = (degrees: number) => {
    const r = (degrees * Math.PI) / 180;
    return { str: '章', transform: [12 * Math.cos(r), 12 * Math.sin(r), -12 * Math.sin(r), 12 * Math.cos(r), 0, 0], width: 12, height: 12 };
  };

  it('keeps upright, turned and slightly skewed text, and drops a diagonal watermark or the ring of a seal', () => {
    for (const degrees of [0, 90, 180, 270, -90, 4, -7, 93]) expect(runsSquare(at(degrees))).toBe(true);
    for (const degrees of [45, -45, 30, 135, 60, -120]) expect(runsSquare(at(degrees))).toBe(false);
  });
});
