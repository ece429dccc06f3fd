/**
 * A table ruled only in its body (a web page that borders `td` and not `th`, a header whose borders were taken
 * off) is read in two parts: the body by its rulings, the header by alignment, as a table of its own. Such a
 * header, set right above the body and as wide or narrower, becomes the body's first rows, in the body's columns.
 */
import { columnAt, type Box, type TextPiece } from './geometry';
import type { PdfCell, PdfTable } from './table-grid';
import { groupLines, type TextLine } from './text-lines';
import { segmentsOf } from './text-table';

/** The most space between a loose header's last line and the ruled body below it (pt). */
const MAX_GAP = 20;
const SLACK = 3;
const NUMBER = /^\s*\d[\d,，.]*\s*$/;

/** The ruled tables with the loose headers above them joined in; text tables that are no header left as they are. */
export function joinLooseHeaders(ruled: PdfTable[], unruled: PdfTable[]): { ruled: PdfTable[]; unruled: PdfTable[] } {
  const left = [...unruled];
  const joined = ruled.map((body) => {
    for (const [index, header] of left.entries()) {
      const table = isSetAbove(header, body) ? withLooseHeader(body, header) : null;
      if (!table) continue;
      left.splice(index, 1);
      return table;
    }
    return body;
  });
  return { ruled: joined, unruled: left };
}

function isSetAbove(header: PdfTable, body: PdfTable): boolean {
  const gap = header.box.y0 - body.box.y1;
  return header.page === body.page && gap >= -SLACK && gap <= MAX_GAP;
}

/**
 * The body with the header's cells as its first rows (they keep their own page and boxes), or null when the
 * header is no header of this body: it holds numbers, reaches out of the body's width, or has a column that
 * falls between the body's columns.
 */
export function withLooseHeader(body: PdfTable, header: PdfTable): PdfTable | null {
  if (!startsWithValues(body)) return null;
  if (header.box.x0 < body.box.x0 - SLACK || header.box.x1 > body.box.x1 + SLACK) return null;
  if (header.cells.some((cell) => NUMBER.test(cell.text))) return null;
  const bodyColumnsOf = headerColumnMap(body, header);
  const cells: PdfCell[] = [];
  for (const cell of joinedStacks(header)) {
    const columns = bodyColumnsOf(cell.col, cell.colSpan);
    if (columns.length === 0) return null;
    cells.push({ ...cell, col: columns[0], colSpan: columns.length });
  }
  const shift = header.ys.length - 1;
  return {
    ...body,
    box: union(body.box, header.box),
    ys: [...header.ys.slice(0, -1), ...body.ys],
    cells: [...cells, ...body.cells.map((cell) => ({ ...cell, row: cell.row + shift }))],
  };
}

/** A body that has a header of its own (its first row holds no number) takes none from outside. */
function startsWithValues(body: PdfTable): boolean {
  return body.cells.some((cell) => cell.row === 0 && NUMBER.test(cell.text));
}

/**
 * A header of one line of column names (and a title centred over them), too little for the alignment reader to
 * take for a table, set right above a ruled body that starts with values: its texts become the body's first rows.
 */
export function withHeaderLines(ruled: PdfTable[], pieces: TextPiece[]): { tables: PdfTable[]; rest: TextPiece[] } {
  // Most pages (prose) have no such body: their text is not grouped into lines here for nothing.
  if (!ruled.some(startsWithValues)) return { tables: ruled, rest: pieces };
  const used = new Set<TextPiece>();
  const lines = groupLines(pieces.filter((piece) => !piece.vertical));
  const tables = ruled.map((body) => {
    if (!startsWithValues(body)) return body;
    const header = headerLinesAbove(body, lines);
    const table = header ? withLooseHeader(body, header.table) : null;
    if (!table || !header) return body;
    header.lines.forEach((line) => line.pieces.forEach((piece) => used.add(piece)));
    return table;
  });
  return { tables, rest: pieces.filter((piece) => !used.has(piece)) };
}

/** The lines right above the body, as a table of their own whose columns are the body's. */
function headerLinesAbove(body: PdfTable, lines: TextLine[]): { table: PdfTable; lines: TextLine[] } | null {
  const taken: TextLine[] = [];
  let bottom = body.box.y1;
  for (const line of lines.filter((l) => l.y > body.box.y1).sort((a, b) => a.y - b.y)) {
    const gap = line.y - line.size * 0.2 - bottom;
    if (gap < -SLACK || gap > (taken.length === 0 ? MAX_GAP : line.size)) break;
    if (line.x0 < body.box.x0 - SLACK || line.x1 > body.box.x1 + SLACK || line.pieces.some((piece) => NUMBER.test(piece.text))) break;
    const cells = segmentsOf(line).length;
    if (cells < 2 && !(taken.length > 0 && isCentredOver(line, body))) break;
    taken.unshift(line);
    bottom = line.y + line.size * 0.8;
    if (cells < 2 || taken.length === 3) break;
  }
  if (taken.length === 0) return null;
  const cells = taken.flatMap((line, row) => segmentsOf(line).map(({ pieces }) => lineCell(pieces, row, body)));
  const ys = [...taken.map((line) => line.y + line.size * 0.8), body.box.y1];
  const xs = body.xs;
  const table = { page: body.page, box: { x0: xs[0], x1: xs[xs.length - 1], y0: body.box.y1, y1: ys[0] }, xs, ys, cells, unruled: true };
  return { table, lines: taken };
}

function isCentredOver(line: TextLine, body: PdfTable): boolean {
  const middle = (body.box.x0 + body.box.x1) / 2;
  return Math.abs((line.x0 + line.x1) / 2 - middle) <= line.size * 2;
}

/** A text's cell in the body's columns: those its ends lie in. */
function lineCell(pieces: TextPiece[], row: number, body: PdfTable): PdfCell {
  const x0 = Math.min(...pieces.map((piece) => piece.x0));
  const x1 = Math.max(...pieces.map((piece) => piece.x1));
  const col = columnAt(body.xs, x0 + 1);
  const end = columnAt(body.xs, x1 - 1);
  const y = Math.min(...pieces.map((piece) => piece.y));
  const size = Math.max(...pieces.map((piece) => piece.size));
  return { row, col, rowSpan: 1, colSpan: end - col + 1, box: { x0, x1, y0: y - size * 0.2, y1: y + size * 0.8 }, text: pieces.map((piece) => piece.text).join('') };
}

/** The body's columns whose middles fall in the given header columns (by the header's own edges). */
function headerColumnMap(body: PdfTable, header: PdfTable): (col: number, colSpan: number) => number[] {
  const headerColumnOf = body.xs.slice(0, -1).map((x, c) => {
    const middle = (x + body.xs[c + 1]) / 2;
    const under = middle >= header.box.x0 - SLACK && middle <= header.box.x1 + SLACK;
    return under ? columnAt(header.xs, middle) : -1;
  });
  return (col, colSpan) => headerColumnOf.flatMap((h, c) => (h >= col && h < col + colSpan ? [c] : []));
}

/**
 * Read by alignment, the lines of a label wrapped in a narrow column land in rows of their own ("商业" and,
 * two rows down, "企业"), split by the lines of the columns beside them. In a header every column's
 * one-column cells below its last spanning cell are one label, reaching down to the header's last row.
 */
function joinedStacks(header: PdfTable): PdfCell[] {
  const rowCount = header.ys.length - 1;
  const colCount = header.xs.length - 1;
  const cells = header.cells.filter((cell) => cell.colSpan > 1);
  for (let col = 0; col < colCount; col++) {
    const spanningBottom = Math.max(-1, ...cells.filter((cell) => cell.col <= col && cell.col + cell.colSpan > col).map((cell) => cell.row + cell.rowSpan - 1));
    const stack = header.cells.filter((cell) => cell.colSpan === 1 && cell.col === col && cell.text.trim() !== '').sort((a, b) => a.row - b.row);
    const below = stack.filter((cell) => cell.row > spanningBottom);
    cells.push(...stack.filter((cell) => cell.row <= spanningBottom));
    if (below.length === 0) continue;
    const row = below[0].row;
    cells.push({
      ...below[0],
      rowSpan: rowCount - row,
      text: below.map((cell) => cell.text).join('\n'),
      box: below.map((cell) => cell.box).reduce(union),
    });
  }
  return cells;
}

function union(a: Box, b: Box): Box {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}
