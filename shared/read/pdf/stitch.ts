/**
 * A table that ends one page and a table that starts the next, with the same left and right edges, are one
 * table broken by the page: their rows are joined into one grid (columns matched by x-position), and header
 * rows the continuation repeats are dropped.
 */
import type { Block } from '../../model/grid';
import { compactText } from '../../text/normalize';
import { columnAt, type Box } from './geometry';
import type { StitchedTable } from './read-pdf';
import { withLooseHeader } from './loose-header';
import type { PdfCell, PdfTable } from './table-grid';

type PageBlocks = { top: number; block: Block | PdfTable }[];
type StitchedBlocks = { block: Block | StitchedTable }[];

interface Part {
  table: StitchedTable;
  /** Column edges of the joined table so far. */
  xs: number[];
  box: Box;
  unruled?: boolean;
  /** The one table read by alignment the part is, while nothing is joined to it (it may be a loose header). */
  only?: PdfTable;
  /** Its cells have been placed in the columns of `xs` (reindex). */
  placed?: boolean;
  /** The signatures of its first rows, as far as they were asked for (a continuation may repeat them). */
  head?: string[];
}

const EDGE_TOLERANCE = 4;
/**
 * Tables read by alignment end where their text ends (a header's characters reach wider than its digits, a
 * header cut by the page may stop short of the last column): their left edges must agree, and their extents
 * mostly overlap.
 */
const UNRULED_EDGE_TOLERANCE = 12;

export function stitchTables(pages: PageBlocks[]): StitchedBlocks[] {
  const result: StitchedBlocks[] = [];
  let open: Part | null = null;
  for (const page of pages) {
    const out: StitchedBlocks = [];
    page.forEach(({ block }, i) => {
      if ('type' in block) {
        out.push({ block });
        return;
      }
      const withHeader = i === 0 && open?.only ? withLooseHeader(block, open.only) : null;
      if (withHeader && open?.only) {
        joinBelowHeader(open, open.only, withHeader);
      } else if (i === 0 && open && continues(open, block)) {
        join(open, block);
      } else {
        open = { table: fromPdfTable(block), xs: block.xs, box: block.box, unruled: block.unruled, only: block.unruled ? block : undefined };
        out.push({ block: open.table });
      }
    });
    const last = page[page.length - 1];
    if (!last || 'type' in last.block) open = null;
    result.push(out);
  }
  return result;
}

function continues(part: Part, next: PdfTable): boolean {
  if (part.unruled && next.unruled) {
    const overlap = Math.min(part.box.x1, next.box.x1) - Math.max(part.box.x0, next.box.x0);
    const narrower = Math.min(part.box.x1 - part.box.x0, next.box.x1 - next.box.x0);
    return Math.abs(part.box.x0 - next.box.x0) <= UNRULED_EDGE_TOLERANCE && overlap >= narrower * 0.8;
  }
  return Math.abs(part.box.x0 - next.box.x0) <= EDGE_TOLERANCE && Math.abs(part.box.x1 - next.box.x1) <= EDGE_TOLERANCE;
}

function fromPdfTable(table: PdfTable): StitchedTable {
  return {
    pages: [table.page],
    rowCount: table.ys.length - 1,
    colCount: table.xs.length - 1,
    cells: table.cells.map((cell) => ({ ...cell, page: table.page })),
  };
}

/**
 * A page that ends with a table's header set without rulings, and the next page starting with its ruled body
 * (loose-header.ts): the header's cells stay on their page.
 */
function joinBelowHeader(part: Part, header: PdfTable, table: PdfTable): void {
  const headerRows = header.ys.length - 1;
  const joined = fromPdfTable(table);
  joined.cells = joined.cells.map((cell) => (cell.row < headerRows ? { ...cell, page: header.page } : cell));
  Object.assign(part.table, joined, { pages: [header.page, table.page] });
  part.xs = table.xs;
  part.box = table.box;
  part.unruled = table.unruled;
  part.only = undefined;
  part.placed = false;
  part.head = undefined;
}

function join(part: Part, next: PdfTable): void {
  part.only = undefined;
  const repeated = repeatedHeaderRows(part, next);
  const offset = part.table.rowCount - repeated;
  const carried = repeated === 0 ? carryOver(part.table, next) : { cells: new Set<PdfCell>(), rows: 0 };
  // A carried cell's text changed: it may be one of the first rows.
  if (carried.cells.size > 0) part.head = undefined;
  const moved = next.cells
    .filter((cell) => cell.row >= repeated && !carried.cells.has(cell))
    .map((cell) => ({ ...cell, row: cell.row + offset - carried.rows, page: next.page }));
  // Columns read by alignment have their edges wherever each part's text leaves gaps: a few rows carried over
  // leave other gaps than the whole table did, so their cells go into the table's columns, not new ones.
  const byAlignment = part.unruled && next.unruled && next.ys.length - 1 < part.table.rowCount;
  const xs = byAlignment ? part.xs : mergeEdges(part.xs, next.xs);
  // The cells joined so far are placed anew at the first join, and after that only where the continuation
  // brought new column edges (the rest lie within a tolerance of the old): a long run of pages of one table
  // (a yearbook's) would otherwise be placed again at every page.
  if (!byAlignment && (!part.placed || xs.length !== part.xs.length)) part.table.cells = part.table.cells.map((cell) => reindex(cell, xs));
  part.placed ||= !byAlignment;
  for (const cell of moved) part.table.cells.push(byAlignment ? intoColumns(cell, xs) : reindex(cell, xs));
  part.table.rowCount += next.ys.length - 1 - repeated - carried.rows;
  part.table.colCount = xs.length - 1;
  part.table.pages.push(next.page);
  part.xs = xs;
  part.box = { ...part.box, y0: next.box.y0 };
}

const VALUE = /^[\d.,\s]+$/;

/**
 * Cells the page break cut (no line under the last row's cell, none over the next page's first): a row
 * allowed to break across pages (“商业” / “企业”), a merged label going on (“三、本年” / “度办理结果”). The
 * cell on the first page takes the rest's text and spans its rows too; when the whole first row goes on from
 * the page before, it is that row (`rows`: 1), not a row of its own. Where a value stands on both sides,
 * nothing is joined: they are two rows whose lines the producer left out.
 */
function carryOver(table: StitchedTable, next: PdfTable): { cells: Set<PdfCell>; rows: number } {
  if (!next.cells.some((cell) => cell.row === 0 && cell.openTop)) return { cells: new Set(), rows: 0 };
  const lastRow = table.rowCount - 1;
  const open = table.cells.filter((cell) => cell.openBottom && cell.row + cell.rowSpan - 1 === lastRow);
  const pairs: [StitchedTable['cells'][number], PdfCell][] = [];
  for (const cell of next.cells) {
    if (cell.row !== 0 || !cell.openTop) continue;
    const above = open.find((a) => Math.abs(a.box.x0 - cell.box.x0) <= EDGE_TOLERANCE && Math.abs(a.box.x1 - cell.box.x1) <= EDGE_TOLERANCE);
    if (above) pairs.push([above, cell]);
  }
  if (pairs.some(([above, cell]) => VALUE.test(above.text) && VALUE.test(cell.text))) return { cells: new Set(), rows: 0 };
  const cells = new Set(pairs.map(([, cell]) => cell));
  const rows = cells.size > 0 && next.cells.every((cell) => cell.row !== 0 || cells.has(cell)) ? 1 : 0;
  for (const [above, cell] of pairs) {
    above.text = [above.text, cell.text].filter((text) => text.trim() !== '').join('\n');
    above.rowSpan += cell.rowSpan - rows;
    above.openBottom = cell.openBottom;
  }
  return { cells, rows };
}

function mergeEdges(a: number[], b: number[]): number[] {
  const all = [...a, ...b].sort((x, y) => x - y);
  const edges: number[] = [];
  for (const x of all) if (edges.length === 0 || x - edges[edges.length - 1] > EDGE_TOLERANCE / 2) edges.push(x);
  return edges;
}

function nearest(edges: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i] - x) < Math.abs(edges[best] - x)) best = i;
  return best;
}

function reindex<T extends { col: number; colSpan: number; box: Box }>(cell: T, xs: number[]): T {
  const col = nearest(xs, cell.box.x0);
  const end = Math.max(col + 1, nearest(xs, cell.box.x1));
  return { ...cell, col, colSpan: end - col };
}

/**
 * A value's cell goes into the column its middle lies in; a label's (at the left) or a wider one spans the
 * columns its edges are nearest.
 */
function intoColumns<T extends { col: number; colSpan: number; box: Box }>(cell: T, xs: number[]): T {
  if (cell.col === 0 || cell.colSpan > 1) return reindex(cell, xs);
  return { ...cell, col: columnAt(xs, (cell.box.x0 + cell.box.x1) / 2), colSpan: 1 };
}

/** How many of the continuation's first rows repeat the first rows of the table (a repeated header). */
function repeatedHeaderRows(part: Part, next: PdfTable): number {
  const head = (part.head ??= []);
  const headRow = (row: number) => (head[row] ??= rowSignature(part.table.cells, row));
  let k = 0;
  while (k < next.ys.length - 1 && k < part.table.rowCount && rowSignature(next.cells, k) !== '' && rowSignature(next.cells, k) === headRow(k)) k++;
  return k;
}

function rowSignature(cells: { row: number; col: number; text: string }[], row: number): string {
  return cells
    .filter((cell) => cell.row === row)
    .sort((a, b) => a.col - b.col)
    .map((cell) => compactText(cell.text))
    .join('|');
}
