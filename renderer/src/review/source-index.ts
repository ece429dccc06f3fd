/** From a place in the original (a Word cell, a point on a PDF page) back to the canonical cell read there. */
import type { CellReading } from './types';

export function docxSourceKey(table: number, row: number, cell: number): string {
  return `${table}:${row}:${cell}`;
}

export function docxCellIndex(cells: Record<string, CellReading>): Map<string, string> {
  const index = new Map<string, string>();
  for (const reading of Object.values(cells)) {
    const source = reading.source;
    if (source?.kind === 'docx') index.set(docxSourceKey(source.table, source.row, source.cell), reading.id);
  }
  return index;
}

export interface PdfCellBox {
  id: string;
  page: number;
  box: [number, number, number, number];
  /** The cell's printed text, compacted. */
  text: string;
}

const compact = (text: string | null | undefined) => (text ?? '').normalize('NFKC').replace(/\s+/g, '');

export function pdfCellBoxes(cells: Record<string, CellReading>): PdfCellBox[] {
  const boxes: PdfCellBox[] = [];
  for (const reading of Object.values(cells)) {
    const source = reading.source;
    if (source?.kind === 'pdf') boxes.push({ id: reading.id, page: source.page, box: source.box, text: compact(reading.raw) });
  }
  return boxes;
}

/**
 * The cell at a point of a PDF page (user space): the one whose box holds it, or the nearest within `slack`
 * points. When the click fell on a word of the text layer, a nearby cell printing exactly that word wins: the
 * text layer's boxes sit a little off the glyphs, and a number drawn near a ruling would otherwise land in the
 * cell next to it.
 */
export function pdfCellAt(boxes: PdfCellBox[], page: number, x: number, y: number, slack = 4, word?: string): string | null {
  const near = boxes
    .filter((box) => box.page === page)
    .map((box) => ({ box, distance: distanceTo(box.box, x, y) }))
    .filter(({ distance }) => distance <= Math.max(slack, word ? 12 : 0));
  const clicked = compact(word);
  const printing = clicked ? near.filter(({ box }) => box.text === clicked) : [];
  const pool = printing.length > 0 ? printing : near.filter(({ distance }) => distance <= slack);
  pool.sort((a, b) => a.distance - b.distance);
  return pool[0]?.box.id ?? null;
}

function distanceTo([x0, y0, x1, y1]: [number, number, number, number], x: number, y: number): number {
  const dx = Math.max(Math.min(x0, x1) - x, 0, x - Math.max(x0, x1));
  const dy = Math.max(Math.min(y0, y1) - y, 0, y - Math.max(y0, y1));
  return Math.hypot(dx, dy);
}
