/** Plain geometry of a PDF page in user space (origin bottom left, y up). */

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function invert([a, b, c, d, e, f]: Matrix): Matrix {
  const det = a * d - b * c;
  return [d / det, -b / det, -c / det, a / det, (c * f - d * e) / det, (b * e - a * f) / det];
}

/** A horizontal ruling (y, from x0 to x1) or a vertical one (x, from y0 to y1), x0 < x1 and y0 < y1. */
export interface HLine {
  y: number;
  x0: number;
  x1: number;
  /** How thick the line is drawn (pt), where known. */
  weight?: number;
}

export interface VLine {
  x: number;
  y0: number;
  y1: number;
  weight?: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A piece of text as placed on the page: its box, baseline and font size, and whether it runs upright. */
export interface TextPiece {
  text: string;
  x0: number;
  x1: number;
  /** Baseline y. */
  y: number;
  /** Font size (height of the em box). */
  size: number;
  /** The text runs top to bottom or is rotated (not the usual left-to-right line). */
  vertical: boolean;
}

export function pieceBox(piece: TextPiece): Box {
  return { x0: piece.x0, x1: piece.x1, y0: piece.y - piece.size * 0.2, y1: piece.y + piece.size * 0.8 };
}

export function centre(box: Box): [number, number] {
  return [(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2];
}

/** The column of `x` among columns with these edges (left to right): how many inner edges lie at or left of it. */
export function columnAt(xs: number[], x: number): number {
  let column = 0;
  for (let i = 1; i < xs.length - 1; i++) if (xs[i] <= x) column++;
  return column;
}

export function contains(box: Box, x: number, y: number, margin = 0): boolean {
  return x >= box.x0 - margin && x <= box.x1 + margin && y >= box.y0 - margin && y <= box.y1 + margin;
}

/** A box mapped by a matrix that keeps boxes upright (scales, flips, quarter turns): the box of its mapped corners. */
export function mapBox(matrix: Matrix, box: Box): Box {
  const [ax, ay] = apply(matrix, box.x0, box.y0);
  const [bx, by] = apply(matrix, box.x1, box.y1);
  return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
}
