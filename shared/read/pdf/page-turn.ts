/**
 * Pages whose content is drawn turned (a landscape page drawn a quarter turn round inside a portrait one, or the
 * other way, with /Rotate so a viewer shows it upright; some print drivers write every page so). Such a page is
 * read in an upright frame: text and rulings are brought into it, and the boxes found there are taken back to
 * the page's own user space for the viewer.
 */
import { multiply, type Box, type Matrix } from './geometry';
import type { TextItemLike } from './page-content';

/** Quarter turns (counter-clockwise) of a page's text baseline: 0 upright, 1 running up, 2 upside down, 3 running down. */
export type Turn = 0 | 1 | 2 | 3;

/** The share of a page's characters that must run one turned way for the page to count as turned. */
const MAJORITY = 0.6;

/** Text set at a slant (more than this off a quarter turn) is a watermark or the ring of a seal, not the report's. */
const SLANT = (10 * Math.PI) / 180;

export function runsSquare(item: TextItemLike): boolean {
  const [a, b] = item.transform;
  if (a === 0 && b === 0) return true;
  const angle = Math.atan2(b, a);
  const offQuarter = Math.abs(angle - Math.round(angle / (Math.PI / 2)) * (Math.PI / 2));
  return offQuarter <= SLANT;
}

/** How the page's text mostly runs. A few turned labels (a stacked 三、本年度办理结果) leave a page upright. */
export function pageTurn(items: TextItemLike[]): Turn {
  const counts = [0, 0, 0, 0];
  let total = 0;
  for (const item of items) {
    const characters = item.str.replace(/\s+/g, '').length;
    if (characters === 0) continue;
    const [a, b] = item.transform;
    if (a === 0 && b === 0) continue;
    const quarter = ((Math.round(Math.atan2(b, a) / (Math.PI / 2)) % 4) + 4) % 4;
    counts[quarter] += characters;
    total += characters;
  }
  for (const turn of [1, 2, 3] as const) if (total > 0 && counts[turn] >= total * MAJORITY) return turn;
  return 0;
}

/** The matrix taking the page's user space into an upright frame, for a page whose text is turned so. */
export function uprightMatrix(turn: Turn, frame: Box): Matrix {
  if (turn === 1) return [0, -1, 1, 0, 0, frame.x1]; // (x, y) → (y, x1 − x)
  if (turn === 2) return [-1, 0, 0, -1, frame.x1, frame.y1]; // (x, y) → (x1 − x, y1 − y)
  if (turn === 3) return [0, 1, -1, 0, frame.y1, 0]; // (x, y) → (y1 − y, x)
  return [1, 0, 0, 1, 0, 0];
}

/** The items as seen in the upright frame. */
export function turnItems(items: TextItemLike[], matrix: Matrix): TextItemLike[] {
  return items.map((item) => ({ ...item, transform: multiply(matrix, item.transform as Matrix) }));
}
