/**
 * Rulings into tables: lines are snapped and merged, connected lines form a table, the distinct line
 * positions give the grid's slots, and slots not separated by a ruling are one (merged) cell. A table whose
 * top or bottom border is missing (a continuation page) takes its edge from the vertical lines.
 */
import type { Box, HLine, TextPiece, VLine } from './geometry';
import { pieceBox, centre } from './geometry';
import type { Rulings } from './page-content';
import { textOf } from './text-lines';

export interface PdfCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  box: Box;
  text: string;
  /** Read from a text layer an OCR tool laid over a scan: the reviewer must confirm it. */
  ocr?: boolean;
  /**
   * On the table's top (bottom) edge with no line drawn there, in a table whose rows are ruled: the cell goes
   * on from the page before (on the next page), as a row or a merged cell cut by the page break does.
   */
  openTop?: boolean;
  openBottom?: boolean;
}

export interface PdfTable {
  page: number;
  box: Box;
  /** Column edges, left to right. */
  xs: number[];
  /** Row edges, top to bottom (descending y). */
  ys: number[];
  cells: PdfCell[];
  /** Read by text alignment (no rulings): its edges are where its text ends, not where lines are drawn. */
  unruled?: boolean;
}

const SNAP = 2;
/**
 * Parallel lines, or line ends, closer than this across make one boundary: a double line, or the borders of
 * neighbouring cells drawn apart (an HTML table with border-spacing, as web pages print: every cell boxed on
 * its own, 1 to 3 pt from the next).
 */
const GAP = 3.5;
/** A boundary between two slots counts as ruled when lines cover at least this share of it. */
const COVERAGE = 0.5;

export function findTables(rulings: Rulings, pieces: TextPiece[], page: number): { tables: PdfTable[]; rest: TextPiece[] } {
  const horizontal = mergeHorizontal(rulings.horizontal);
  const vertical = mergeVertical(rulings.vertical);
  const tables = clusters(horizontal, vertical)
    .map(({ h, v }) => buildTable(h, v, page))
    .filter((table): table is BuiltTable => table !== null);
  const used = new Set<TextPiece>();
  const built = tables.map((table) => fillCells(table, pieces, used));
  return { tables: built, rest: pieces.filter((piece) => !used.has(piece)) };
}

// ---------------------------------------------------------------------------------------------------------------
// Lines

function mergeHorizontal(lines: HLine[]): HLine[] {
  const sorted = [...lines].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const merged: HLine[] = [];
  for (const line of sorted) {
    const last = merged.find((m) => Math.abs(m.y - line.y) <= SNAP / 2 && line.x0 <= m.x1 + SNAP && line.x1 >= m.x0 - SNAP);
    if (last) {
      last.x0 = Math.min(last.x0, line.x0);
      last.x1 = Math.max(last.x1, line.x1);
      last.weight = Math.max(last.weight ?? 0, line.weight ?? 0);
    } else merged.push({ ...line });
  }
  return merged;
}

function mergeVertical(lines: VLine[]): VLine[] {
  const sorted = [...lines].sort((a, b) => a.x - b.x || a.y0 - b.y0);
  const merged: VLine[] = [];
  for (const line of sorted) {
    const last = merged.find((m) => Math.abs(m.x - line.x) <= SNAP / 2 && line.y0 <= m.y1 + SNAP && line.y1 >= m.y0 - SNAP);
    if (last) {
      last.y0 = Math.min(last.y0, line.y0);
      last.y1 = Math.max(last.y1, line.y1);
      last.weight = Math.max(last.weight ?? 0, line.weight ?? 0);
    } else merged.push({ ...line });
  }
  return merged;
}

function touches(h: HLine, v: VLine): boolean {
  const [alongH, alongV] = [reach(v), reach(h)];
  return v.x >= h.x0 - alongH && v.x <= h.x1 + alongH && h.y >= v.y0 - alongV && h.y <= v.y1 + alongV;
}

/** Thicker than this (pt), a stroke is a bar or a band, not a border: its weight is not trusted further. */
const HEAVIEST_BORDER = 8;

/** How far from a line the lines and line ends along it may be: GAP, or half its thickness past SNAP's share. */
function reach(line: HLine | VLine): number {
  return Math.max(GAP, Math.min(line.weight ?? 0, HEAVIEST_BORDER) / 2 + SNAP / 2);
}

/** Groups of lines connected through their crossings. */
function clusters(horizontal: HLine[], vertical: VLine[]): { h: HLine[]; v: VLine[] }[] {
  const parent = [...horizontal, ...vertical].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  horizontal.forEach((h, i) => {
    vertical.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(horizontal.length + j);
    });
  });
  const groups = new Map<number, { h: HLine[]; v: VLine[] }>();
  horizontal.forEach((h, i) => groupOf(groups, find(i)).h.push(h));
  vertical.forEach((v, j) => groupOf(groups, find(horizontal.length + j)).v.push(v));
  return [...groups.values()];
}

function groupOf(groups: Map<number, { h: HLine[]; v: VLine[] }>, key: number): { h: HLine[]; v: VLine[] } {
  let group = groups.get(key);
  if (!group) groups.set(key, (group = { h: [], v: [] }));
  return group;
}

/**
 * The grid's edges along one axis: positions within reach of the next form one edge, however many there
 * are. A thick border or a double line is drawn at several close positions (its lines, and the ends of the
 * lines meeting it at its outer or inner side): it is one edge, at its lines' mean position (`lines`), or
 * at the mean of the line ends (`ends`) where no line runs along it. An end is within reach of the next
 * position at GAP, a line at half its thickness past SNAP's share when that is more (see reach).
 */
function edges(lines: { at: number; reach: number }[], ends: number[]): number[] {
  const values = [
    ...lines.map(({ at, reach }) => ({ value: at, reach, onLine: true })),
    ...ends.map((value) => ({ value, reach: GAP, onLine: false })),
  ].sort((a, b) => a.value - b.value);
  const result: number[] = [];
  let run: typeof values = [];
  const close = () => {
    if (run.length === 0) return;
    const onLine = run.filter((entry) => entry.onLine);
    const chosen = onLine.length > 0 ? onLine : run;
    result.push(chosen.reduce((sum, entry) => sum + entry.value, 0) / chosen.length);
  };
  for (const entry of values) {
    const last = run[run.length - 1];
    if (last && entry.value - last.value > Math.max(last.reach, entry.reach)) {
      close();
      run = [];
    }
    run.push(entry);
  }
  close();
  return result;
}

// ---------------------------------------------------------------------------------------------------------------
// Grid

type SlotBox = { r0: number; r1: number; c0: number; c1: number };
type Slots = { cellOf: number[][]; cells: SlotBox[] };

type BuiltTable = Omit<PdfTable, 'cells'> & { slots: Slots; h: HLine[] };

function buildTable(h: HLine[], v: VLine[], page: number): BuiltTable | null {
  if (h.length < 1 || (v.length < 2 && !isOpenSided(h, v))) return null;
  const xs = edges(v.map((line) => ({ at: line.x, reach: reach(line) })), h.flatMap((line) => [line.x0, line.x1]));
  const ys = edges(h.map((line) => ({ at: line.y, reach: reach(line) })), v.flatMap((line) => [line.y0, line.y1])).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const box = { x0: xs[0], x1: xs[xs.length - 1], y0: ys[ys.length - 1], y1: ys[0] };
  if (box.x1 - box.x0 < 40 || box.y1 - box.y0 < 8) return null;
  return { page, box, xs, ys, slots: mergeSlots(xs, ys, h, v), h };
}

/**
 * A table of two columns drawn without side borders has one vertical line: it is a table when two or more
 * horizontal lines cross it, running on both sides (their ends are the table's sides).
 */
function isOpenSided(h: HLine[], v: VLine[]): boolean {
  if (v.length !== 1) return false;
  const [line] = v;
  return h.filter((row) => row.x0 < line.x - 10 && row.x1 > line.x + 10 && row.y >= line.y0 - SNAP && row.y <= line.y1 + SNAP).length >= 2;
}

function coverage(intervals: [number, number][], from: number, to: number): number {
  let covered = 0;
  for (const [a, b] of intervals) covered += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return covered / Math.max(to - from, 1e-6);
}

/** The row edge at `y` is ruled between x0 and x1: lines along it cover at least COVERAGE of that stretch. */
function isRuledAcross(h: HLine[], y: number, x0: number, x1: number): boolean {
  const lines = h.filter((line) => Math.abs(line.y - y) <= GAP).map((line): [number, number] => [line.x0, line.x1]);
  return coverage(lines, x0, x1) >= COVERAGE;
}

/** The column edge at `x` is ruled between y0 and y1 (as isRuledAcross). */
function isRuledDown(v: VLine[], x: number, y0: number, y1: number): boolean {
  const lines = v.filter((line) => Math.abs(line.x - x) <= GAP).map((line): [number, number] => [line.y0, line.y1]);
  return coverage(lines, y0, y1) >= COVERAGE;
}

function mergeSlots(xs: number[], ys: number[], h: HLine[], v: VLine[]): Slots {
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => (parent[find(a)] = find(b));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && !isRuledDown(v, xs[c + 1], ys[r + 1], ys[r])) join(r * cols + c, r * cols + c + 1);
      if (r + 1 < rows && !isRuledAcross(h, ys[r + 1], xs[c], xs[c + 1])) join(r * cols + c, (r + 1) * cols + c);
    }
  }
  const byRoot = new Map<number, SlotBox>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(r * cols + c);
      const cell = byRoot.get(root);
      if (cell) Object.assign(cell, { r0: Math.min(cell.r0, r), r1: Math.max(cell.r1, r), c0: Math.min(cell.c0, c), c1: Math.max(cell.c1, c) });
      else byRoot.set(root, { r0: r, r1: r, c0: c, c1: c });
    }
  }
  const cells = [...byRoot.entries()].flatMap(([root, box]) => asRectangles(box, (r, c) => find(r * cols + c) === root));
  const cellOf = Array.from({ length: rows }, () => new Array<number>(cols).fill(-1));
  cells.forEach((cell, i) => {
    for (let r = cell.r0; r <= cell.r1; r++) for (let c = cell.c0; c <= cell.c1; c++) if (cellOf[r][c] < 0) cellOf[r][c] = i;
  });
  return { cellOf, cells };
}

/**
 * The slots joined into one cell, as rectangles. They are one rectangle but where lines are missing in an
 * L or a T (a table frame running on below its last row, to where the page breaks it): there each row's run
 * of slots is a cell, runs over the same columns in rows one under another joined, so that no cell's box
 * takes in slots of another.
 */
function asRectangles(box: SlotBox, holds: (r: number, c: number) => boolean): SlotBox[] {
  const runs: SlotBox[] = [];
  for (let r = box.r0; r <= box.r1; r++) {
    for (let c = box.c0; c <= box.c1; c++) {
      if (!holds(r, c) || (c > box.c0 && holds(r, c - 1))) continue;
      let end = c;
      while (end < box.c1 && holds(r, end + 1)) end++;
      const above = runs.find((run) => run.r1 === r - 1 && run.c0 === c && run.c1 === end);
      if (above) above.r1 = r;
      else runs.push({ r0: r, r1: r, c0: c, c1: end });
    }
  }
  return runs;
}

function indexIn(edges: number[], value: number, descending: boolean): number {
  for (let i = 0; i < edges.length - 1; i++) {
    const [a, b] = descending ? [edges[i + 1], edges[i]] : [edges[i], edges[i + 1]];
    if (value >= a && value <= b) return i;
  }
  return -1;
}

function fillCells(table: BuiltTable, pieces: TextPiece[], used: Set<TextPiece>): PdfTable {
  const inCell: TextPiece[][] = table.slots.cells.map(() => []);
  for (const piece of pieces) {
    if (used.has(piece)) continue;
    for (const part of splitAcrossColumns(piece, table.xs)) {
      const [x, y] = centre(pieceBox(part));
      if (x < table.box.x0 - 1 || x > table.box.x1 + 1 || y < table.box.y0 - 1 || y > table.box.y1 + 1) continue;
      const r = indexIn(table.ys, y, true);
      const c = indexIn(table.xs, x, false);
      if (r < 0 || c < 0) continue;
      inCell[table.slots.cellOf[r][c]].push(part);
      used.add(piece);
    }
  }
  const isOpen = openEdges(table);
  const cells = table.slots.cells.map((slot, i): PdfCell => ({
    row: slot.r0,
    col: slot.c0,
    rowSpan: slot.r1 - slot.r0 + 1,
    colSpan: slot.c1 - slot.c0 + 1,
    box: { x0: table.xs[slot.c0], x1: table.xs[slot.c1 + 1], y0: table.ys[slot.r1 + 1], y1: table.ys[slot.r0] },
    text: textOf(inCell[i]),
    ...(slot.r0 === 0 && isOpen(0, slot) ? { openTop: true } : {}),
    ...(slot.r1 === table.ys.length - 2 && isOpen(table.ys.length - 1, slot) ? { openBottom: true } : {}),
  }));
  return { page: table.page, box: table.box, xs: table.xs, ys: table.ys, cells };
}

/**
 * Whether no line is drawn along row edge `k` under (over) a cell; only in tables whose rows are ruled (lines
 * run between the cells of most edges between rows), where a missing line at the top or bottom says the page
 * cut.
 */
function openEdges(table: BuiltTable): (k: number, slot: SlotBox) => boolean {
  const covered = (k: number, c0: number, c1: number) => isRuledAcross(table.h, table.ys[k], table.xs[c0], table.xs[c1 + 1]);
  const { cellOf } = table.slots;
  // An edge between rows is ruled where lines run between the cells it parts (not across a merged cell).
  const inner = table.ys.slice(1, -1).map((_, i) => {
    const parted = table.xs.slice(0, -1).map((_, c) => c).filter((c) => cellOf[i][c] !== cellOf[i + 1][c]);
    return parted.length > 0 && covered(i + 1, parted[0], parted[parted.length - 1]);
  });
  const rowsRuled = inner.length >= 2 && inner.filter(Boolean).length >= inner.length * 0.8;
  return (k, slot) => rowsRuled && !covered(k, slot.c0, slot.c1);
}

/**
 * A piece of text running across column edges (one item holding several cells' numbers, “0 0 0”) is cut at
 * its spaces, each word placed by its share of the characters. A piece without spaces stays whole.
 */
function splitAcrossColumns(piece: TextPiece, xs: number[]): TextPiece[] {
  const inner = xs.slice(1, -1).filter((x) => x > piece.x0 + 1 && x < piece.x1 - 1);
  if (inner.length === 0 || !/\s/.test(piece.text.trim()) || piece.vertical) return [piece];
  const perChar = (piece.x1 - piece.x0) / piece.text.length;
  const parts: TextPiece[] = [];
  for (const match of piece.text.matchAll(/\S+/g)) {
    const x0 = piece.x0 + (match.index ?? 0) * perChar;
    parts.push({ ...piece, text: match[0], x0, x1: x0 + match[0].length * perChar });
  }
  return parts;
}
