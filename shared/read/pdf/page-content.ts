/**
 * What a PDF page holds for us: its text pieces and its rulings. Rulings come from the operator list: stroked
 * axis-aligned segments, and filled rectangles thin enough to be lines (many producers draw table borders
 * that way). Coordinates are brought into page space by tracking save/restore/transform ourselves. Clip paths
 * (painted with endPath), wide fills (shading) and white strokes are not rulings.
 */
import { IDENTITY, apply, multiply, type Box, type HLine, type Matrix, type TextPiece, type VLine } from './geometry';

/** The subset of pdf.js's OPS codes we read (from pdfjs-dist's exported OPS). */
export interface OpsCodes {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  stroke: number;
  closeStroke: number;
  fill: number;
  eoFill: number;
  fillStroke: number;
  eoFillStroke: number;
  closeFillStroke: number;
  closeEOFillStroke: number;
  setStrokeRGBColor: number;
  setFillRGBColor: number;
  setStrokeGray?: number;
  setFillGray?: number;
  setLineWidth?: number;
  setGState?: number;
  paintFormXObjectBegin?: number;
  paintFormXObjectEnd?: number;
  setTextRenderingMode?: number;
  paintImageXObject?: number;
  paintInlineImageXObject?: number;
  paintJpegXObject?: number;
}

export interface OperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface Rulings {
  horizontal: HLine[];
  vertical: VLine[];
  /** Segments seen, for the “thousands of paths” guard. */
  segments: number;
}

/** An image the page paints: a scanned page is one image the size of the page. */
export interface PaintedImage {
  /** The object id of an image XObject; absent for an inline image. */
  objId?: string;
  /** The decoded inline image (pdf.js's `{ width, height, kind, data }`). */
  inline?: unknown;
  /** Places the image's unit square (0,0)–(1,1), y up, on the page. */
  matrix: Matrix;
  /** Its box on the page. */
  box: Box;
}

/** The rulings, and what else of the page's drawing tells how its text came to be. */
export interface PageDrawing extends Rulings {
  images: PaintedImage[];
  /** Some text is drawn invisibly (rendering mode 3 or 7): the text layer an OCR tool lays over a scan. */
  invisibleText: boolean;
}

/** Path drawing codes inside constructPath's data (pdf.js ≥ 5.1; not exported). */
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE = 4;

/** A fill thinner than this (pt) is a line (thick borders are drawn as fills too); wider ones are shading. */
const THIN = 4;
/** Past this many segments on a page we stop collecting rulings (a drawing, not a table). */
export const MAX_SEGMENTS = 20_000;

interface PaintState {
  matrix: Matrix;
  strokeWhite: boolean;
  fillWhite: boolean;
  /** In the current user space (scaled by the matrix when a line is drawn). */
  lineWidth: number;
}

/** The page's rulings, in the frame `base` takes the page's user space to (the page's own by default). */
export function readRulings(list: OperatorList, OPS: OpsCodes, base: Matrix = IDENTITY): PageDrawing {
  const rulings: PageDrawing = { horizontal: [], vertical: [], segments: 0, images: [], invisibleText: false };
  const stack: PaintState[] = [];
  let state: PaintState = { matrix: base, strokeWhite: false, fillWhite: false, lineWidth: 1 };
  const strokes = new Set([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  for (let i = 0; i < list.fnArray.length && rulings.segments <= MAX_SEGMENTS; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state = { ...state, matrix: multiply(state.matrix, args as Matrix) };
    else if (fn === OPS.paintFormXObjectBegin) {
      // A form XObject (often a whole page wrapped by a stamping or imposing tool) draws in its own /Matrix.
      stack.push({ ...state });
      const matrix = args[0] as ArrayLike<number> | null;
      if (matrix && matrix.length === 6) state = { ...state, matrix: multiply(state.matrix, Array.from(matrix) as Matrix) };
    } else if (fn === OPS.paintFormXObjectEnd) state = stack.pop() ?? state;
    else if (fn === OPS.setTextRenderingMode) rulings.invisibleText ||= args[0] === 3 || args[0] === 7;
    else if ((fn === OPS.paintImageXObject || fn === OPS.paintJpegXObject) && typeof args?.[0] === 'string') {
      rulings.images.push({ objId: args[0], matrix: state.matrix, box: unitBox(state.matrix) });
    } else if (fn === OPS.paintInlineImageXObject && args?.[0]) {
      rulings.images.push({ inline: args[0], matrix: state.matrix, box: unitBox(state.matrix) });
    }
    else if (fn === OPS.setStrokeRGBColor) state = { ...state, strokeWhite: isWhite(args[0]) };
    else if (fn === OPS.setFillRGBColor) state = { ...state, fillWhite: isWhite(args[0]) };
    else if (fn === OPS.setStrokeGray) state = { ...state, strokeWhite: Number(args[0]) > 0.95 };
    else if (fn === OPS.setFillGray) state = { ...state, fillWhite: Number(args[0]) > 0.95 };
    else if (fn === OPS.setLineWidth) state = { ...state, lineWidth: Number(args[0]) || 0 };
    else if (fn === OPS.setGState) state = withGraphicsState(state, args[0]);
    else if (fn === OPS.constructPath) {
      const [paint, [data]] = args as [number, [ArrayLike<number>]];
      const subpaths = toSubpaths(data, state.matrix);
      rulings.segments += subpaths.reduce((n, path) => n + path.length, 0);
      if (strokes.has(paint) && !state.strokeWhite) addStrokes(subpaths, rulings, state.lineWidth * scaleOf(state.matrix));
      if (fills.has(paint) && !state.fillWhite) addThinFills(subpaths, rulings);
    }
  }
  return rulings;
}

/** Where an image lands: the box of its unit square's corners. */
function unitBox(matrix: Matrix): Box {
  const corners = [apply(matrix, 0, 0), apply(matrix, 1, 0), apply(matrix, 0, 1), apply(matrix, 1, 1)];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The picture that is the page: the largest painted image, if it covers at least half of the page. */
export function pageScan(images: PaintedImage[], frame: Box): PaintedImage | null {
  const area = (box: Box) => Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
  const largest = [...images].sort((a, b) => area(b.box) - area(a.box))[0];
  return largest && area(largest.box) >= 0.5 * area(frame) ? largest : null;
}

function isWhite(color: unknown): boolean {
  if (typeof color === 'string') return /^#?f{6}$/i.test(color) || /^#?fff$/i.test(color);
  if (Array.isArray(color)) return color.every((c) => Number(c) >= 250 || (Number(c) <= 1 && Number(c) > 0.98));
  return false;
}

type Point = [number, number];

/** Path data as subpaths of points in page space (curves reduced to their end points). */
function toSubpaths(data: ArrayLike<number>, matrix: Matrix): Point[][] {
  const paths: Point[][] = [];
  let current: Point[] = [];
  for (let k = 0; k < data.length; ) {
    const op = data[k];
    if (op === MOVE_TO) {
      if (current.length > 0) paths.push(current);
      current = [apply(matrix, data[k + 1], data[k + 2])];
      k += 3;
    } else if (op === LINE_TO) {
      current.push(apply(matrix, data[k + 1], data[k + 2]));
      k += 3;
    } else if (op === CURVE_TO) {
      current.push(apply(matrix, data[k + 5], data[k + 6]));
      k += 7;
    } else if (op === QUADRATIC_TO) {
      current.push(apply(matrix, data[k + 3], data[k + 4]));
      k += 5;
    } else if (op === CLOSE) {
      if (current.length > 1) current.push(current[0]);
      k += 1;
    } else break;
  }
  if (current.length > 0) paths.push(current);
  return paths;
}

/** The line width a graphics state dictionary (gs) sets: pdf.js passes its entries as [key, value] pairs. */
function withGraphicsState(state: PaintState, entries: unknown): PaintState {
  if (!Array.isArray(entries)) return state;
  const width = entries.find((entry) => Array.isArray(entry) && entry[0] === 'LW');
  return width ? { ...state, lineWidth: Number(width[1]) || 0 } : state;
}

/** How much the matrix scales lengths (the mean of its axes' scales). */
function scaleOf([a, b, c, d]: Matrix): number {
  return Math.sqrt(Math.abs(a * d - b * c));
}

function addStrokes(paths: Point[][], rulings: Rulings, weight: number): void {
  for (const path of paths) {
    for (let i = 1; i < path.length; i++) addSegment(path[i - 1], path[i], rulings, weight);
  }
}

function addSegment([ax, ay]: Point, [bx, by]: Point, rulings: Rulings, weight: number): void {
  if (Math.abs(ay - by) < 0.8 && Math.abs(ax - bx) > 1) {
    rulings.horizontal.push({ y: (ay + by) / 2, x0: Math.min(ax, bx), x1: Math.max(ax, bx), weight });
  } else if (Math.abs(ax - bx) < 0.8 && Math.abs(ay - by) > 1) {
    rulings.vertical.push({ x: (ax + bx) / 2, y0: Math.min(ay, by), y1: Math.max(ay, by), weight });
  }
}

/** A filled axis-aligned rectangle thinner than THIN in one direction is a line along the other. */
function addThinFills(paths: Point[][], rulings: Rulings): void {
  for (const path of paths) {
    if (path.length < 4 || path.length > 6) continue;
    const xs = path.map(([x]) => x);
    const ys = path.map(([, y]) => y);
    const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    if (!isAxisAlignedRectangle(path, x0, x1, y0, y1)) continue;
    const width = x1 - x0;
    const height = y1 - y0;
    if (height <= THIN && width > height) rulings.horizontal.push({ y: (y0 + y1) / 2, x0, x1, weight: height });
    else if (width <= THIN && height > width) rulings.vertical.push({ x: (x0 + x1) / 2, y0, y1, weight: width });
  }
}

/**
 * Every corner on the box's sides. A side of a border drawn with mitred corners (a web page's bevelled
 * inset and outset borders) is a trapezoid whose slanted ends are as long as the border is thick: its
 * corners may stand that far in.
 */
function isAxisAlignedRectangle(path: Point[], x0: number, x1: number, y0: number, y1: number): boolean {
  const slack = Math.max(0.5, Math.min(x1 - x0, y1 - y0, THIN) + 0.1);
  const near = (a: number, b: number) => Math.abs(a - b) < slack;
  return path.every(([x, y]) => (near(x, x0) || near(x, x1)) && (near(y, y0) || near(y, y1)));
}

// ---------------------------------------------------------------------------------------------------------------
// Text

export interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  dir?: string;
}

/**
 * pdf.js text items as pieces: empty ones dropped, position from the transform, upright or not, and text
 * printed again over itself left out (see Overprints).
 */
export function toTextPieces(items: TextItemLike[]): TextPiece[] {
  const pieces: TextPiece[] = [];
  const printed = new Overprints();
  for (const item of items) {
    if (!item.str || item.str.trim() === '') continue;
    const [a, b, c, d, e, f] = item.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || item.height;
    const rotated = Math.abs(b) > Math.abs(a) * 0.5 || item.dir === 'ttb';
    const width = rotated ? size : item.width;
    const piece = { text: item.str, x0: e, x1: e + Math.max(width, 0.1), y: f, size, vertical: rotated };
    if (printed.isRepeat(piece)) continue;
    pieces.push(piece);
  }
  return pieces;
}

/** Text printed again less than this part of its size away from where it was printed repeats it. */
const OVERPRINT_OFFSET = 0.2;

/**
 * Bold simulated by printing the same text two or more times a fraction of a point apart (WPS, some PDF
 * printers, for fonts without a bold face), or a shadow under it: the reader sees each character once, and
 * so must the tables (“三三、、本本年年度度” is no label, “00” no value).
 */
class Overprints {
  readonly #byLine = new Map<string, TextPiece[]>();

  isRepeat(piece: TextPiece): boolean {
    const reach = piece.size * OVERPRINT_OFFSET;
    const line = Math.round(piece.y / Math.max(reach, 0.01));
    for (const near of [line - 1, line, line + 1]) {
      const earlier = this.#byLine.get(`${piece.text}\u0000${near}`);
      if (earlier?.some((p) => p.vertical === piece.vertical && Math.abs(p.x0 - piece.x0) < reach && Math.abs(p.y - piece.y) < reach && Math.abs(p.size - piece.size) < reach)) return true;
    }
    const key = `${piece.text}\u0000${line}`;
    const list = this.#byLine.get(key);
    if (list) list.push(piece);
    else this.#byLine.set(key, [piece]);
    return false;
  }
}
