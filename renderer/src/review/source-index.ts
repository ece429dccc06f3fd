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
}

export function pdfCellBoxes(cells: Record<string, CellReading>): PdfCellBox[] {
  const boxes: PdfCellBox[] = [];
  for (const reading of Object.values(cells)) {
    const source = reading.source;
    if (source?.kind === 'pdf') boxes.push({ id: reading.id, page: source.page, box: source.box });
  }
  return boxes;
}

/** The cell whose box holds the point (PDF user space), or the nearest one within `slack` points. */
export function pdfCellAt(boxes: PdfCellBox[], page: number, x: number, y: number, slack = 4): string | null {
  let best: { id: string; distance: number } | null = null;
  for (const { id, page: boxPage, box } of boxes) {
    if (boxPage !== page) continue;
    const [x0, y0, x1, y1] = box;
    const dx = Math.max(Math.min(x0, x1) - x, 0, x - Math.max(x0, x1));
    const dy = Math.max(Math.min(y0, y1) - y, 0, y - Math.max(y0, y1));
    const distance = Math.hypot(dx, dy);
    if (distance <= slack && (!best || distance < best.distance)) best = { id, distance };
  }
  return best?.id ?? null;
}
