/**
 * A scanned page read by OCR into what the PDF reader makes of a page with text: ruled tables (the same grid
 * builder as for drawn rulings) whose cells carry the recognised text and the `ocr` mark, and the lines of
 * text outside them as text pieces (headings, title, organ and date), all in PDF user space.
 *
 * The page's picture is levelled first (its skew measured from its ink), its rulings found as long thin runs
 * of ink, and each cell cropped inside its rulings, cleared of what is left of them and recognised on its own:
 * recognising a whole ruled table at once reads the rulings as characters.
 */
import { apply, invert, mapBox, multiply, type Box, type HLine, type Matrix, type TextPiece, type VLine } from '../pdf/geometry';
import type { Rulings } from '../pdf/page-content';
import { findTables, type PdfCell, type PdfTable } from '../pdf/table-grid';
import { binarize, crop, inkThreshold, pad, rotate, scale, type GreyImage } from './grey-image';
import { spaceGlyphs, uprightToLine } from './glyph-layout';
import { snapLabel } from './label-lexicon';
import { joinCjk, type OcrRecognizer } from './recognizer';
import { estimateSkew, findRulings, type PixelHLine, type PixelVLine } from './rulings';

export interface ScannedPage {
  page: number;
  /** The page's picture, grey. */
  image: GreyImage;
  /** Places the picture's unit square on the page (from the operator list). */
  matrix: Matrix;
}

export type OcrCell = PdfCell & { ocr: true };
export type OcrTable = Omit<PdfTable, 'cells'> & { cells: OcrCell[] };

export interface ScannedPageContent {
  tables: OcrTable[];
  pieces: TextPiece[];
  /** Degrees the picture was turned to level it. */
  skewDegrees: number;
  /** Its resolution. */
  dpi: number;
}

export interface ScannedPageOptions {
  /** Told after each cell is read: cells done and cells of the page. */
  onCell?: (done: number, total: number) => void;
}

/** Skews below this (degrees) are left alone. */
const LEVEL_ENOUGH = 0.05;

export async function readScannedPage(scan: ScannedPage, recognizer: OcrRecognizer, options: ScannedPageOptions = {}): Promise<ScannedPageContent> {
  const { width, height } = scan.image;
  const threshold = inkThreshold(scan.image);
  const skew = estimateSkew(binarize(scan.image, threshold), width, height);
  const level = Math.abs((skew * 180) / Math.PI) >= LEVEL_ENOUGH ? rotate(scan.image, skew) : scan.image;
  const ink = binarize(level, threshold);
  // Pixel (x right, y down) → the picture's unit square (y up) → the page.
  const toPage = multiply(scan.matrix, [1 / width, 0, 0, -1 / height, 0, 1]);
  const toPixel = invert(toPage);
  const dpi = 72 / Math.sqrt(Math.abs(toPage[0] * toPage[3] - toPage[1] * toPage[2]));
  const pixelRulings = snapEnds(anchoredOnly(findRulings(ink, width, height, { dpi }), dpi), dpi);
  const rulings = toPageRulings(pixelRulings.horizontal, pixelRulings.vertical, toPage);
  const tables = findTables(rulings, [], scan.page).tables.filter((table) => table.xs.length > 2);
  const lineWidth = Math.max(1, ...[...pixelRulings.horizontal, ...pixelRulings.vertical].map((line) => line.thickness));

  const cells = tables.flatMap((table) => table.cells);
  let done = 0;
  const read: OcrTable[] = [];
  for (const table of tables) {
    const out: OcrCell[] = [];
    for (const cell of table.cells) {
      const text = await readCell(level, ink, threshold, mapBox(toPixel, cell.box), lineWidth, dpi, recognizer);
      out.push({ ...cell, text, ocr: true });
      options.onCell?.(++done, cells.length);
    }
    read.push({ ...table, cells: out });
  }

  const pieces = await readLines(level, tables.map((table) => mapBox(toPixel, table.box)), lineWidth, dpi, toPage, recognizer);
  return { tables: read, pieces, skewDegrees: (skew * 180) / Math.PI, dpi };
}

// ---------------------------------------------------------------------------------------------------------------
// Geometry

/**
 * A table's rulings meet: each line ends on lines across it at both ends, or crosses two, or is long and ends
 * on one. Runs of ink that meet nothing, or hang from one line (upright header labels touching a ruling, bold
 * headings on a blurred scan), are strokes of text that lined up: dropped.
 */
function anchoredOnly(rulings: { horizontal: PixelHLine[]; vertical: PixelVLine[] }, dpi: number): { horizontal: PixelHLine[]; vertical: PixelVLine[] } {
  // Rulings meet within a line's width or two; text stands clear of them by more than this.
  const reach = Math.max(2, 0.035 * dpi);
  const { horizontal, vertical } = rulings;
  const endsOnV = (x: number, y: number) => vertical.some((v) => Math.abs(v.x - x) <= reach && y >= v.y0 - reach && y <= v.y1 + reach);
  const endsOnH = (y: number, x: number) => horizontal.some((h) => Math.abs(h.y - y) <= reach && x >= h.x0 - reach && x <= h.x1 + reach);
  const crossesV = (h: PixelHLine) => vertical.filter((v) => v.x > h.x0 + reach && v.x < h.x1 - reach && h.y >= v.y0 - reach && h.y <= v.y1 + reach).length;
  const crossesH = (v: PixelVLine) => horizontal.filter((h) => h.y > v.y0 + reach && h.y < v.y1 - reach && v.x >= h.x0 - reach && v.x <= h.x1 + reach).length;
  // A line free at one end (the last rows of a table cut by the page) is a long one.
  const long = 0.6 * dpi;
  const keep = (ends: number, crossings: number, length: number) => ends === 2 || crossings >= 2 || (ends === 1 && length >= long);
  return {
    horizontal: horizontal.filter((h) => keep(Number(endsOnV(h.x0, h.y)) + Number(endsOnV(h.x1, h.y)), crossesV(h), h.x1 - h.x0)),
    vertical: vertical.filter((v) => keep(Number(endsOnH(v.y0, v.x)) + Number(endsOnH(v.y1, v.x)), crossesH(v), v.y1 - v.y0)),
  };
}

/**
 * A line that stops just short of a crossing line (a faint scan, a broken end) is carried to it, so the grid
 * does not gain a column or row edge where no ruling is.
 */
function snapEnds(rulings: { horizontal: PixelHLine[]; vertical: PixelVLine[] }, dpi: number): { horizontal: PixelHLine[]; vertical: PixelVLine[] } {
  const reach = 0.08 * dpi;
  const { horizontal, vertical } = rulings;
  const nearX = (x: number, y: number) => vertical.find((v) => Math.abs(v.x - x) <= reach && y >= v.y0 - reach && y <= v.y1 + reach)?.x;
  const nearY = (y: number, x: number) => horizontal.find((h) => Math.abs(h.y - y) <= reach && x >= h.x0 - reach && x <= h.x1 + reach)?.y;
  return {
    horizontal: horizontal.map((h) => ({ ...h, x0: nearX(h.x0, h.y) ?? h.x0, x1: nearX(h.x1, h.y) ?? h.x1 })),
    vertical: vertical.map((v) => ({ ...v, y0: nearY(v.y0, v.x) ?? v.y0, y1: nearY(v.y1, v.x) ?? v.y1 })),
  };
}

/** Pixel rulings as page rulings (a picture placed turned by 90° turns its rows into columns). */
function toPageRulings(horizontal: PixelHLine[], vertical: PixelVLine[], toPage: Matrix): Rulings {
  const rulings: Rulings = { horizontal: [], vertical: [], segments: horizontal.length + vertical.length };
  const add = (a: [number, number], b: [number, number]) => {
    const [dx, dy] = [Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
    if (dy <= dx) rulings.horizontal.push({ y: (a[1] + b[1]) / 2, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]) } satisfies HLine);
    else rulings.vertical.push({ x: (a[0] + b[0]) / 2, y0: Math.min(a[1], b[1]), y1: Math.max(a[1], b[1]) } satisfies VLine);
  };
  for (const h of horizontal) add(apply(toPage, h.x0, h.y), apply(toPage, h.x1, h.y));
  for (const v of vertical) add(apply(toPage, v.x, v.y0), apply(toPage, v.x, v.y1));
  return rulings;
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

async function readCell(level: GreyImage, ink: Uint8Array, threshold: number, box: Box, lineWidth: number, dpi: number, recognizer: OcrRecognizer): Promise<string> {
  const inset = Math.ceil(lineWidth / 2) + Math.max(1, Math.round(dpi / 100));
  const x0 = Math.round(box.x0 + inset);
  const y0 = Math.round(box.y0 + inset);
  const x1 = Math.round(box.x1 - inset);
  const y1 = Math.round(box.y1 - inset);
  if (x1 - x0 < 3 || y1 - y0 < 3) return '';
  const cellInk = clearRulingRemains(crop({ width: level.width, height: level.height, data: ink }, x0, y0, x1, y1).data, x1 - x0, y1 - y0, Math.round(0.06 * dpi) + lineWidth);
  const extent = inkExtent(cellInk, x1 - x0, y1 - y0, Math.max(6, Math.round((dpi / 150) ** 2 * 12)));
  if (!extent) return '';
  const margin = Math.round(0.03 * dpi);
  const picture = despeckle(whiteOutside(crop(level, x0, y0, x1, y1), cellInk), threshold, dpi >= 130 ? 1 : 0);
  const part = crop(picture, extent.x0 - margin, extent.y0 - margin, extent.x1 + 1 + margin, extent.y1 + 1 + margin);
  // The recognizer reads black on white best, labels at about 150 dpi and lone digits a little larger.
  const label = forRecognition(part, LABEL_DPI / dpi, threshold);
  const upright = uprightToLine(label, 12);
  const first = await recognizer.cell(upright ?? label, 'text');
  const text = joinCjk(first.text).replace(/\n+/g, '\n');
  if ((text.match(CJK_ALL) ?? []).length >= 2) return snapLabel(upright ? text.replace(/\s+/g, '') : text);
  const number = await readNumber(part, dpi, threshold, recognizer);
  if (number) return number;
  return /^[\d.,\s]+$/.test(text) ? cleanNumber(text) : text;
}

const LABEL_DPI = 150;
const CJK_ALL = /[\u3400-\u9fff]/g;
/**
 * Numbers are read in turn at these sizes (dpi), with the digits spaced apart or as printed, until a reading
 * is sure and has as many characters as the cell has glyphs: tesseract reads “11” as “1” at some sizes and
 * not at others.
 */
const NUMBER_READINGS: { dpi: number; spaced: boolean }[] = [
  { dpi: 225, spaced: true },
  { dpi: 225, spaced: false },
  { dpi: 300, spaced: false },
  { dpi: 150, spaced: false },
  { dpi: 450, spaced: false },
];
const SURE = 80;

async function readNumber(part: GreyImage, dpi: number, threshold: number, recognizer: OcrRecognizer): Promise<string> {
  const glyphs = glyphCount(forRecognition(part, 1, threshold));
  let best = { text: '', score: -1 };
  for (const { dpi: target, spaced } of NUMBER_READINGS) {
    const image = forRecognition(part, target / dpi, threshold);
    const read = await recognizer.cell(spaced ? spaceGlyphs(image, 12) : image, 'number');
    const text = cleanNumber(read.text);
    if (!text) continue;
    const fits = text.length === glyphs;
    const score = read.confidence + (fits ? 100 : 0);
    if (score > best.score) best = { text, score };
    if (fits && read.confidence >= SURE) break;
  }
  return best.text;
}

/** Separate glyphs (column runs of ink) of a binary image. */
function glyphCount(image: GreyImage): number {
  let count = 0;
  let inside = false;
  for (let x = 0; x < image.width; x++) {
    let ink = false;
    for (let y = 0; y < image.height && !ink; y++) ink = image.data[y * image.width + x] < 128;
    if (ink && !inside) count++;
    inside = ink;
  }
  return count;
}

function forRecognition(part: GreyImage, factor: number, threshold: number): GreyImage {
  const scaled = scale(part, Math.min(4, Math.max(1, Math.round(factor * 4) / 4)));
  return pad({ ...scaled, data: scaled.data.map((v) => (v < threshold ? 0 : 255)) }, 12);
}

function cleanNumber(text: string): string {
  return text.replace(/\s+/g, '').replace(/[。，,]/g, '.').replace(/^\.+|\.+$/g, '');
}

/**
 * What is left of a cell's rulings after the inset (a thick or skewed line, a line the grid builder merged
 * away): rows or columns near the edge that are mostly ink are cleared.
 */
function clearRulingRemains(ink: Uint8Array, width: number, height: number, band: number): Uint8Array {
  // A ruling is one unbroken run across most of the cell; a row of text, however dense, is broken.
  const longestRun = (start: number, step: number, count: number) => {
    let best = 0;
    let run = 0;
    let gap = 0;
    for (let k = 0, i = start; k < count; k++, i += step) {
      if (ink[i]) {
        run = run > 0 ? run + gap + 1 : 1;
        gap = 0;
        best = Math.max(best, run);
      } else if (run > 0 && ++gap > 2) {
        run = 0;
        gap = 0;
      }
    }
    return best;
  };
  for (let y = 0; y < height; y++) {
    if ((y < band || y >= height - band) && longestRun(y * width, 1, width) > 0.7 * width) ink.fill(0, y * width, (y + 1) * width);
  }
  for (let x = 0; x < width; x++) {
    if ((x < band || x >= width - band) && longestRun(x, width, height) > 0.7 * height) for (let y = 0; y < height; y++) ink[y * width + x] = 0;
  }
  return ink;
}

/** The box of the cell's ink, counting only pixels with inked neighbours (specks of noise do not count). */
function inkExtent(ink: Uint8Array, width: number, height: number, minimum: number): Box | null {
  let count = 0;
  const box = { x0: width, y0: height, x1: -1, y1: -1 };
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      if (!ink[i] || ink[i - 1] + ink[i + 1] + ink[i - width] + ink[i + width] < 2) continue;
      count++;
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
    }
  }
  return count >= minimum ? box : null;
}

/**
 * Specks of noise (an ink pixel with at most `alone` inked neighbours) made white: they read as 、 . 工 or |.
 * At low resolution strokes are a pixel wide and their ends have one neighbour: only lone pixels go.
 */
function despeckle(picture: GreyImage, threshold: number, alone: number): GreyImage {
  const { width, height } = picture;
  const data = picture.data.slice();
  const ink = (x: number, y: number) => x >= 0 && y >= 0 && x < width && y < height && picture.data[y * width + x] < threshold;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (!ink(x, y)) continue;
      let neighbours = 0;
      for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && ink(x + dx, y + dy)) neighbours++;
      if (neighbours <= alone) data[y * width + x] = 255;
    }
  }
  return { ...picture, data };
}

/** The cell's picture with the cleared ruling pixels made white. */
function whiteOutside(picture: GreyImage, ink: Uint8Array): GreyImage {
  const data = picture.data.slice();
  // Only pixels that were ink and were cleared need whitening; a light grey pixel is left as it is.
  const threshold = 160;
  for (let i = 0; i < data.length; i++) if (!ink[i] && data[i] < threshold) data[i] = 255;
  return { ...picture, data };
}

// ---------------------------------------------------------------------------------------------------------------
// Lines outside tables

async function readLines(level: GreyImage, tableBoxes: Box[], lineWidth: number, dpi: number, toPage: Matrix, recognizer: OcrRecognizer): Promise<TextPiece[]> {
  const data = level.data.slice();
  const grow = lineWidth + 2;
  for (const box of tableBoxes) {
    for (let y = Math.max(0, Math.floor(box.y0 - grow)); y < Math.min(level.height, Math.ceil(box.y1 + grow)); y++) {
      data.fill(255, y * level.width + Math.max(0, Math.floor(box.x0 - grow)), y * level.width + Math.min(level.width, Math.ceil(box.x1 + grow)));
    }
  }
  const factor = dpi < 120 ? 2 : 1;
  const lines = await recognizer.lines(scale({ ...level, data }, factor));
  const pieces: TextPiece[] = [];
  for (const line of lines) {
    const text = joinCjk(line.text.replace(/\s*\n\s*/g, ' '));
    if (!text || line.confidence < 30) continue;
    const [x0, y0, x1, y1] = [line.box.x0 / factor, line.box.y0 / factor, line.box.x1 / factor, line.box.y1 / factor];
    const baseline = y1 - 0.12 * (y1 - y0);
    const a = apply(toPage, x0, baseline);
    const b = apply(toPage, x1, baseline);
    const top = apply(toPage, x0, y0);
    const size = Math.abs(top[1] - apply(toPage, x0, y1)[1]) * 0.9;
    pieces.push({ text, x0: Math.min(a[0], b[0]), x1: Math.max(a[0], b[0]), y: a[1], size: Math.max(size, 1), vertical: false });
  }
  return pieces;
}
