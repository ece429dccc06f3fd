/**
 * The OCR reader's geometry on synthetic page pictures: rulings found as long thin runs of ink (thick, skewed,
 * noisy), text strokes not taken for rulings, the skew measured, and a page read into a ruled table in PDF
 * space with every cell marked `ocr` (with a fake recognizer: no OCR engine here).
 */
import { describe, expect, it } from 'vitest';
import { binarize, rotate, type GreyImage } from '../../shared/read/ocr/grey-image';
import { spaceGlyphs, uprightToLine } from '../../shared/read/ocr/glyph-layout';
import { readScannedPage } from '../../shared/read/ocr/read-scanned-page';
import type { CellKind, OcrRecognizer } from '../../shared/read/ocr/recognizer';
import { joinCjk } from '../../shared/read/ocr/recognizer';
import { estimateSkew, findRulings } from '../../shared/read/ocr/rulings';

function page(width: number, height: number): GreyImage {
  return { width, height, data: new Uint8Array(width * height).fill(250) };
}

/** A line from (x0,y0) to (x1,y1), `thickness` pixels wide, dark grey. */
function line(image: GreyImage, x0: number, y0: number, x1: number, y1: number, thickness = 2, shade = 30): void {
  const steps = Math.ceil(Math.hypot(x1 - x0, y1 - y0));
  const [nx, ny] = [-(y1 - y0) / steps, (x1 - x0) / steps];
  for (let s = 0; s <= steps; s++) {
    for (let t = 0; t < thickness; t++) {
      const x = Math.round(x0 + ((x1 - x0) * s) / steps + nx * (t - thickness / 2));
      const y = Math.round(y0 + ((y1 - y0) * s) / steps + ny * (t - thickness / 2));
      if (x >= 0 && y >= 0 && x < image.width && y < image.height) image.data[y * image.width + x] = shade;
    }
  }
}

function box(image: GreyImage, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) image.data.fill(20, y * image.width + x0, y * image.width + x1);
}

/** A grid: vertical lines at xs, horizontal at ys, turned by `degrees` about the image centre. */
function grid(image: GreyImage, xs: number[], ys: number[], degrees = 0, thickness = 2): void {
  const a = (degrees * Math.PI) / 180;
  const [cx, cy] = [image.width / 2, image.height / 2];
  const turn = (x: number, y: number): [number, number] => [cx + (x - cx) * Math.cos(a) - (y - cy) * Math.sin(a), cy + (x - cx) * Math.sin(a) + (y - cy) * Math.cos(a)];
  for (const x of xs) line(image, ...turn(x, ys[0]), ...turn(x, ys[ys.length - 1]), thickness);
  for (const y of ys) line(image, ...turn(xs[0], y), ...turn(xs[xs.length - 1], y), thickness);
}

/** Salt and pepper: a share of pixels flipped, from a fixed seed. */
function noise(image: GreyImage, share: number, seed = 7): void {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let i = 0; i < image.data.length; i++) if (random() < share) image.data[i] = image.data[i] > 128 ? 40 : 230;
}

const XS = [100, 300, 420, 540, 700];
const YS = [200, 260, 320, 380];

describe('rulings in a page picture', () => {
  it('finds each line of a ruled grid once, thick lines included, at its centre', () => {
    const image = page(800, 600);
    grid(image, XS, YS, 0, 4);
    const { horizontal, vertical } = findRulings(binarize(image), image.width, image.height, { dpi: 150 });
    expect(horizontal).toHaveLength(YS.length);
    expect(vertical).toHaveLength(XS.length);
    horizontal.forEach((h, i) => expect(Math.abs(h.y - YS[i])).toBeLessThanOrEqual(1));
    vertical.forEach((v, i) => expect(Math.abs(v.x - XS[i])).toBeLessThanOrEqual(1));
    expect(horizontal.every((h) => h.x0 <= 99 && h.x1 >= 701 && Math.round(h.thickness) === 4)).toBe(true);
  });

  it('takes neither text strokes nor a solid block for rulings', () => {
    const image = page(800, 600);
    grid(image, XS, YS);
    for (let k = 0; k < 10; k++) line(image, 120 + k * 16, 230, 132 + k * 16, 230, 2); // 一一一…: short strokes
    box(image, 100, 450, 700, 520); // a solid band (a picture, shading)
    const { horizontal, vertical } = findRulings(binarize(image), image.width, image.height, { dpi: 150 });
    expect(horizontal.map((h) => Math.round(h.y))).toEqual(YS);
    expect(vertical).toHaveLength(XS.length);
  });

  it('measures a slight skew; levelled, the skewed noisy grid yields its lines', () => {
    for (const degrees of [1.2, -0.7]) {
      const image = page(900, 700);
      grid(image, XS, YS, degrees);
      noise(image, 0.01);
      const skew = (estimateSkew(binarize(image), image.width, image.height) * 180) / Math.PI;
      expect(Math.abs(skew - degrees)).toBeLessThan(0.1);
      const level = rotate(image, (skew * Math.PI) / 180);
      const { horizontal, vertical } = findRulings(binarize(level), level.width, level.height, { dpi: 150 });
      expect(horizontal).toHaveLength(YS.length);
      expect(vertical).toHaveLength(XS.length);
    }
  });

  it('bridges small breaks in a faint line', () => {
    const image = page(800, 400);
    grid(image, XS, [100, 300]);
    for (let x = 150; x < 650; x += 37) image.data.fill(250, 100 * image.width + x - 1, 100 * image.width + x + 1); // gaps of 2 px
    const { horizontal } = findRulings(binarize(image), image.width, image.height, { dpi: 150 });
    expect(horizontal.filter((h) => Math.round(h.y) === 100)).toHaveLength(1);
  });
});

class FakeRecognizer implements OcrRecognizer {
  readonly calls: CellKind[] = [];
  async cell(image: GreyImage, kind: CellKind) {
    this.calls.push(kind);
    // A square blob of ink is a digit, a wide one a label.
    return kind === 'text' ? { text: image.width > image.height * 2 ? '行政许可' : '7', confidence: 90 } : { text: '7', confidence: 95 };
  }
  async lines() {
    return [{ text: '二、主动公开政府信息情况', confidence: 93, box: { x0: 100, y0: 120, x1: 500, y1: 150 } }];
  }
}

describe('a scanned page read into a ruled table', () => {
  it('builds the grid in PDF space and reads only cells holding ink, each marked ocr', async () => {
    const image = page(800, 600);
    grid(image, XS, YS);
    box(image, 120, 280, 280, 300); // a wide label in row 2, column 1
    box(image, 350, 280, 365, 300); // a digit in row 2, column 2
    const recognizer = new FakeRecognizer();
    // The picture fills a page of 400 × 300 pt: one pixel is half a point (144 dpi).
    const content = await readScannedPage({ page: 3, image, matrix: [400, 0, 0, 300, 0, 0] }, recognizer);
    expect(content.dpi).toBeCloseTo(144, 0);
    expect(content.tables).toHaveLength(1);
    const [table] = content.tables;
    expect(table.page).toBe(3);
    expect(table.xs.map((x) => Math.round(x))).toEqual(XS.map((x) => x / 2));
    expect(table.ys.map((y) => Math.round(y))).toEqual(YS.map((y) => 300 - y / 2));
    expect(table.cells).toHaveLength(12);
    expect(table.cells.every((cell) => cell.ocr === true)).toBe(true);
    const text = (row: number, col: number) => table.cells.find((cell) => cell.row === row && cell.col === col)?.text;
    expect(text(1, 0)).toBe('行政许可');
    expect(text(1, 1)).toBe('7');
    expect(text(0, 0)).toBe('');
    // Two inked cells: the label once, the digit as text then as a number.
    expect(recognizer.calls).toEqual(['text', 'text', 'number']);
    expect(content.pieces).toHaveLength(1);
    expect(content.pieces[0].text).toBe('二、主动公开政府信息情况');
    expect(content.pieces[0].y).toBeGreaterThan(table.box.y1);
  });
});

describe('cell images laid out for the recognizer', () => {
  it('spaces digits apart and sets an upright label on one line', () => {
    const digits = page(60, 30);
    box(digits, 10, 5, 14, 25);
    box(digits, 16, 5, 20, 25);
    const spaced = spaceGlyphs(digits, 4);
    expect(spaced.width).toBeGreaterThan(4 + 4 + 4 + 2 * 4);
    const upright = page(40, 130);
    for (const top of [5, 45, 85]) box(upright, 10, top, 30, top + 20);
    const flat = uprightToLine(upright, 6);
    expect(flat).not.toBeNull();
    expect(flat!.width).toBeGreaterThan(flat!.height * 2);
    expect(uprightToLine(page(200, 40), 6)).toBeNull();
  });

  it('drops the spaces tesseract puts between Chinese characters', () => {
    expect(joinCjk('清 源 县 人 民政 府 2023 年')).toBe('清源县人民政府2023年');
    expect(joinCjk('本年 收费 金额 (单位 : 万元 )')).toBe('本年收费金额 (单位 : 万元 )');
  });
});
