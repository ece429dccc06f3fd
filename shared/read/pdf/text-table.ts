/**
 * Tables drawn without rulings (or with too few to make a grid), read by the alignment of their text, the
 * way Tabula's "stream" mode does: the lines of a page that break into several cells side by side form a
 * table; the columns are the vertical gaps that the table's value rows leave open; every line holding values
 * is a row, and the lines around it that hold only labels (a label wrapped over two lines, centred beside
 * its values) join the nearest value row. These rows and columns are drawn as invisible rulings, left open
 * where a text crosses them (a heading over several columns), and the grid is then built exactly as for a
 * ruled table, merged cells included.
 */
import { centre, contains, pieceBox, type Box, type HLine, type TextPiece, type VLine } from './geometry';
import type { Rulings } from './page-content';
import { findTables, type PdfTable } from './table-grid';
import { groupLines, type TextLine } from './text-lines';

/** Two pieces on a line further apart than this many font sizes are in different cells. */
const CELL_GAP = 0.9;
/** A table's lines follow each other at most this many font sizes apart (baseline to baseline). */
const MAX_LINE_STEP = 3.2;
/** A gap between columns may be crossed by this share of the body's lines (long labels running over). */
const CROSSING_SHARE = 0.3;
/** A label line joins a value row at most this many font sizes away from it. */
const MAX_ATTACH = 1.6;

export interface Segment {
  pieces: TextPiece[];
  x0: number;
  x1: number;
  numeric: boolean;
}

interface Line {
  line: TextLine;
  segments: Segment[];
  /** Values side by side: the row of a table. */
  isValueRow: boolean;
}

const NUMERIC = /^(?:\d[\d,，]*(?:[.．]\d+)?%?|[-—–－/／]|无)$/;

export function findTextTables(pieces: TextPiece[], page: number): { tables: PdfTable[]; rest: TextPiece[] } {
  const allLines = groupLines(pieces.filter((piece) => !piece.vertical)).map(toLine);
  const stacks = findStacks(allLines);
  const stacked = new Set(stacks.filter((stack) => stack.segments.length >= 3).flatMap((stack) => stack.segments));
  const tables: PdfTable[] = [];
  const used = new Set<TextPiece>();
  for (const region of tableRegions(allLines, stacks)) {
    const lines = region.map((line) => withoutSegments(line, stacked)).filter((line): line is Line => line !== null);
    if (!lines.some((line) => line.segments.length >= 2)) continue;
    const found = rulingsOf(lines, stacks);
    if (!found) continue;
    const regionPieces = pieces.filter((piece) => !used.has(piece) && inside(piece, found.box));
    const { tables: built, rest } = findTables(found.rulings, regionPieces, page);
    const left = new Set(rest);
    for (const piece of regionPieces) if (!left.has(piece)) used.add(piece);
    tables.push(...built.map((table) => ({ ...table, unruled: true })));
  }
  return { tables, rest: pieces.filter((piece) => !used.has(piece)) };
}

function toLine(line: TextLine): Line {
  return lineOf(line, segmentsOf(line));
}

/** A line's texts, cell by cell: pieces closer than CELL_GAP font sizes are one. */
export function segmentsOf(line: TextLine): Segment[] {
  const segments: Segment[] = [];
  for (const piece of line.pieces) {
    const last = segments[segments.length - 1];
    if (last && piece.x0 - last.x1 <= piece.size * CELL_GAP) {
      last.pieces.push(piece);
      last.x1 = Math.max(last.x1, piece.x1);
    } else segments.push({ pieces: [piece], x0: piece.x0, x1: piece.x1, numeric: false });
  }
  for (const segment of segments) segment.numeric = NUMERIC.test(segmentText(segment));
  return segments;
}

function segmentText(segment: Segment): string {
  return segment.pieces.map((p) => p.text).join('').normalize('NFKC').replace(/\s+/g, '');
}

function lineOf(line: TextLine, segments: Segment[]): Line {
  const numbers = segments.filter((segment) => segment.numeric).length;
  const labelled = numbers >= 1 && segments.length >= 2 && !segments[0].numeric;
  // Values alone on their line (the label beside them wrapped over the lines above and below) are a row too.
  const bare = numbers >= 2 && numbers === segments.length;
  return { line, segments, isValueRow: labelled || bare || numbers >= 3 };
}

function withoutSegments(line: Line, taken: Set<Segment>): Line | null {
  const segments = line.segments.filter((segment) => !taken.has(segment));
  if (segments.length === line.segments.length) return line;
  if (segments.length === 0) return null;
  const pieces = segments.flatMap((segment) => segment.pieces);
  const text: TextLine = { ...line.line, pieces, text: pieces.map((piece) => piece.text).join(''), x0: segments[0].x0, x1: segments[segments.length - 1].x1 };
  return lineOf(text, segments);
}

// ---------------------------------------------------------------------------------------------------------------
// Stacked labels: a label set upright in a narrow merged cell, one or two characters a line

interface Stack {
  segments: Segment[];
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  /** Middles of its first and last line (where their text is placed): the rows it runs through lie between. */
  firstY: number;
  lastY: number;
}

/** Short texts one under the other in the same narrow column, a line apart (in a table's body three or more). */
function findStacks(lines: Line[]): Stack[] {
  const stacks: Stack[] = [];
  const open: { stack: Stack; lastY: number; size: number }[] = [];
  lines.forEach((line, i) => {
    for (const segment of line.segments) {
      const size = line.line.size;
      if (segment.numeric || segment.x1 - segment.x0 > size * 2.6) continue;
      const run = open.find((o) => line.line.y < o.lastY && o.lastY - line.line.y <= o.size * 1.7 && segment.x0 < o.stack.x1 + 1 && segment.x1 > o.stack.x0 - 1);
      if (!run && endsLabelAbove(segment, lines, i)) continue;
      if (run) {
        run.stack.segments.push(segment);
        run.stack.x0 = Math.min(run.stack.x0, segment.x0);
        run.stack.x1 = Math.max(run.stack.x1, segment.x1);
        run.stack.bottom = line.line.y - size * 0.3;
        run.stack.lastY = line.line.y + size * 0.3;
        run.lastY = line.line.y;
      } else {
        open.push({ stack: { segments: [segment], x0: segment.x0, x1: segment.x1, top: line.line.y + size * 0.9, bottom: line.line.y - size * 0.3, firstY: line.line.y + size * 0.3, lastY: line.line.y + size * 0.3 }, lastY: line.line.y, size });
      }
    }
  });
  for (const { stack } of open) if (stack.segments.length >= 2) stacks.push(stack);
  return stacks;
}

/**
 * A short text alone on its line, under a long one that starts where it starts (the values of their row may sit
 * on a line between), is that label's last line (“……申请数” then “量”), not the top of a label set upright below it.
 */
function endsLabelAbove(segment: Segment, lines: Line[], index: number): boolean {
  const line = lines[index];
  const size = line.line.size;
  if (line.segments.length > 1) return false;
  const above = lines.slice(0, index).findLast((l) => l.segments.some((s) => s.x0 < segment.x1 && s.x1 > segment.x0));
  if (!above || above.line.y - line.line.y > size * 2.6) return false;
  return above.segments.some((s) => s.x1 - s.x0 > size * 2.6 && Math.abs(s.x0 - segment.x0) <= size * 0.5);
}

// ---------------------------------------------------------------------------------------------------------------
// Regions: runs of lines that make a table

/**
 * A table is a run of lines, each close below the one before, that holds value rows; the lines of several
 * cells (headers) and the short lines between them (wrapped labels) belong to it, and so do short lines
 * just above it (a title row spanning the table). A line as wide as the text of the page is prose and ends it;
 * a short line centred over the table right after a value row, with a header line under it, is the title of
 * the next table (table 2 comes as four small tables, each under its own title).
 */
function tableRegions(lines: Line[], stacks: Stack[]): Line[][] {
  const width = Math.max(0, ...lines.map((l) => l.line.x1)) - Math.min(...lines.map((l) => l.line.x0));
  const left = Math.min(...lines.map((l) => l.line.x0));
  const regions: Line[][] = [];
  let current: Line[] = [];
  const close = () => {
    const hasValues = current.some((l) => l.isValueRow) && current.some((l) => l.segments.length >= 2);
    // A header alone (its values went over to the next page) is a table when its columns are plain to see.
    const top = current[0]?.line.y ?? 0;
    const bottom = current[current.length - 1]?.line.y ?? 0;
    const reach = current[0]?.line.size ?? 0;
    const stacked = stacks.filter((stack) => stack.firstY <= top + reach && stack.lastY >= bottom - reach).length;
    const columned = current.filter((l) => l.segments.length >= 2);
    const headerOnly = (columned.length >= 2 && columned.some((l) => l.segments.length >= 4)) || stacked >= 3;
    if (hasValues || headerOnly) regions.push(trimmed(current));
    current = [];
  };
  const valuesFollow = (i: number) => lines.slice(i + 1, i + 4).some((l) => l.isValueRow);
  lines.forEach((line, i) => {
    const previous = current[current.length - 1];
    const near = previous && previous.line.y - line.line.y <= line.line.size * MAX_LINE_STEP;
    const single = line.segments.length === 1 && !line.isValueRow;
    // A wide note between a header and its values (“本列数据的勾稽关系为……”) is a row of the table.
    const inHeader = near && !current.some((l) => l.isValueRow) && current.some((l) => l.segments.length >= 2) && valuesFollow(i);
    const tableSize = Math.min(...current.filter((l) => l.segments.length >= 2).map((l) => l.line.size));
    // A heading set larger than the table's text (“三、收到和处理……”) is not part of it, however short.
    const heading = single && line.line.size > tableSize * 1.1;
    const prose = single && ((line.line.x1 - line.line.x0 > width * 0.55 && !inHeader) || heading);
    const next = lines[i + 1];
    const centre = (line.line.x0 + line.line.x1) / 2;
    const regionCentre = (Math.min(...current.map((l) => l.line.x0)) + Math.max(...current.map((l) => l.line.x1))) / 2;
    const centred = Math.min(Math.abs(centre - regionCentre), Math.abs(centre - (left + width / 2))) < width * 0.1;
    const title = single && previous?.isValueRow && centred && next !== undefined && next.segments.length >= 2 && !next.isValueRow;
    if (prose || title || !near) close();
    if (!prose) current.push(line);
  });
  close();
  return regions;
}

/**
 * Single-cell lines at the ends of a run count only where they sit over or under the table's columns, or
 * continue the label of the last row (a long label wrapped in its narrow column, its values beside its first line).
 */
function trimmed(lines: Line[]): Line[] {
  let first = 0;
  let last = lines.length - 1;
  while (first < last && lines[last].segments.length < 2 && !lines[last].isValueRow && !continuesLastLabel(lines, last)) last--;
  while (first < last && lines[first].segments.length < 2 && lines[first + 1].segments.length < 2 && !lines[first + 1].isValueRow) first++;
  return lines.slice(first, last + 1);
}

/** Every line from the last value row down to `end` is a further line of that row's label, in its column. */
function continuesLastLabel(lines: Line[], end: number): boolean {
  let row = end;
  while (row >= 0 && !lines[row].isValueRow) row--;
  if (row < 0) return false;
  const label = lines[row].segments.findLast((segment) => !segment.numeric);
  const values = lines[row].segments.find((segment) => segment.numeric);
  if (!label || !values || label.x1 > values.x0) return false;
  for (let i = row + 1; i <= end; i++) {
    const { line } = lines[i];
    const step = lines[i - 1].line.y - line.y;
    const inColumn = Math.abs(line.x0 - label.x0) <= line.size * 0.5 && line.x1 <= values.x0;
    if (!inColumn || step > line.size * 1.7 || opensLabel(lines[i])) return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// Columns and rows as invisible rulings

interface Band {
  top: number;
  bottom: number;
  lines: Line[];
}

function rulingsOf(region: Line[], allStacks: Stack[]): { rulings: Rulings; box: Box } | null {
  const bands = rowBands(region);
  const firstValueRow = region.find((l) => l.isValueRow);
  const bodyTop = firstValueRow?.line.y ?? -Infinity;
  const stacks = allStacks.filter((stack) => stack.top > bands[bands.length - 1].bottom && stack.bottom < bands[0].top && (stack.segments.length >= 3 || stack.lastY > bodyTop));
  const headerBands = firstValueRow ? bands.findIndex((band) => band.lines.includes(firstValueRow)) : bands.length;
  if (firstValueRow && headerBands > 0) keepHeaderStacksAbove(bands, headerBands, stacks);
  // Stacked labels reaching above the first line or below the last one (all their lines were theirs) widen the table.
  bands[0].top = Math.max(bands[0].top, ...stacks.map((stack) => stack.top));
  bands[bands.length - 1].bottom = Math.min(bands[bands.length - 1].bottom, ...stacks.map((stack) => stack.bottom));
  const y1 = bands[0].top;
  const y0 = bands[bands.length - 1].bottom;
  const separators = columnSeparators(region, stacks);
  if (separators.length === 0) return null;
  const x0 = Math.min(...region.map((l) => l.line.x0), ...stacks.map((stack) => stack.x0)) - 2;
  const x1 = Math.max(...region.map((l) => l.line.x1), ...stacks.map((stack) => stack.x1)) + 2;
  const edges = [x0, ...separators, x1];
  const openings = crossedSeparators(bands, edges, stacks, headerBands);
  const horizontal: HLine[] = bands.map((band) => ({ y: band.top, x0, x1 }));
  horizontal.push({ y: y0, x0, x1 });
  const vertical: VLine[] = [
    { x: x0, y0, y1 },
    { x: x1, y0, y1 },
  ];
  bands.forEach((band, b) => {
    separators.forEach((x, k) => {
      if (!openings[b].has(k)) vertical.push({ x, y0: band.bottom, y1: band.top });
    });
  });
  for (const stack of stacks) openUp(horizontal, bands, edges, stack, headerBands);
  return { rulings: { horizontal, vertical, segments: 0 }, box: { x0, x1, y0, y1 } };
}

/**
 * A header's stacked label (社/会/公/益/组/织 down a narrow column) may end lower than the header's other lines,
 * level with the first body row's label: the line between header and body goes below its last character.
 */
function keepHeaderStacksAbove(bands: Band[], bodyBand: number, stacks: Stack[]): void {
  const body = bands[bodyBand];
  const firstLineMiddle = Math.max(...body.lines.map((l) => l.line.y + l.line.size * 0.3));
  for (const stack of stacks) {
    if (stack.firstY <= body.top || stack.lastY >= body.top || stack.lastY <= firstLineMiddle) continue;
    const cut = (stack.lastY + firstLineMiddle) / 2;
    if (cut < body.top) body.top = bands[bodyBand - 1].bottom = cut;
  }
}

/**
 * For each band, the separators (by index) its texts run across. A heading of the header, centred over the
 * columns it names, is widened on both sides over empty cells as far as the heading above it reaches
 * (行政复议 over its five columns, then 未经复议直接起诉 over five of 行政诉讼's ten).
 */
function crossedSeparators(bands: Band[], edges: number[], stacks: Stack[], headerBands: number): Set<number>[] {
  const slots = edges.length - 1;
  const slotOf = (x: number) => Math.max(0, Math.min(slots - 1, edges.findIndex((edge, i) => i < slots && x >= edge && x < edges[i + 1])));
  let parents: [number, number][] = [];
  return bands.map((band, b) => {
    const segments = band.lines.flatMap((l) => l.segments);
    const texts = segments.map((s): [number, number] => [slotOf(s.x0 + 1), slotOf(s.x1 - 1)]);
    const occupied = new Set(texts.flatMap(([a, z]) => range(a, z)));
    for (const stack of stacks) if (stack.firstY >= band.bottom && stack.lastY <= band.top) range(slotOf(stack.x0 + 1), slotOf(stack.x1 - 1)).forEach((i) => occupied.add(i));
    const spans = b < headerBands ? texts.map((span, i) => widened(span, (segments[i].x0 + segments[i].x1) / 2, occupied, parents, edges)) : texts;
    if (b < headerBands) parents = spans.filter(([a, z]) => z > a);
    return new Set(spans.flatMap(([a, z]) => range(a, z - 1)));
  });
}

function widened([a, z]: [number, number], centre: number, occupied: Set<number>, parents: [number, number][], edges: number[]): [number, number] {
  if (z === a) return [a, z];
  const slots = edges.length - 1;
  const parent = parents.find(([pa, pz]) => pa <= a && z <= pz) ?? [0, slots - 1];
  const free = (i: number) => i >= parent[0] && i <= parent[1] && !occupied.has(i);
  while (free(a - 1) && free(z + 1)) [a, z] = [a - 1, z + 1];
  // Columns of unequal width: one side more, as long as the heading sits nearer the middle of its span.
  const offCentre = (from: number, to: number) => Math.abs((edges[from] + edges[to + 1]) / 2 - centre);
  while (free(a - 1) && offCentre(a - 1, z) < offCentre(a, z)) a--;
  while (free(z + 1) && offCentre(a, z + 1) < offCentre(a, z)) z++;
  for (let i = a; i <= z; i++) occupied.add(i);
  return [a, z];
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

/**
 * A stacked label is one cell over the rows it runs through: the row lines between them stop at its column's
 * edges. Only where the column is its own (no other text shares it in those rows), and a header's label stays
 * in the header.
 */
function openUp(horizontal: HLine[], bands: Band[], edges: number[], stack: Stack, headerBands: number): void {
  const bandOf = (y: number) => bands.findIndex((band) => y <= band.top && y >= band.bottom);
  const first = bandOf(stack.firstY);
  const last = first < headerBands ? Math.min(bandOf(stack.lastY), headerBands - 1) : bandOf(stack.lastY);
  if (first < 0 || last <= first) return;
  const left = Math.max(...edges.filter((edge) => edge <= stack.x0 + 1));
  const right = Math.min(...edges.filter((edge) => edge >= stack.x1 - 1));
  const shared = bands.slice(first, last + 1).some((band) => band.lines.some((l) => l.segments.some((s) => !stack.segments.includes(s) && s.x0 < right - 1 && s.x1 > left + 1)));
  if (shared) return;
  const cuts = new Set(bands.slice(first + 1, last + 1).map((band) => band.top));
  for (let i = horizontal.length - 1; i >= 0; i--) {
    const line = horizontal[i];
    if (cuts.has(line.y) && line.x0 < left && line.x1 > right) {
      horizontal.splice(i, 1, { y: line.y, x0: line.x0, x1: left }, { y: line.y, x0: right, x1: line.x1 });
    } else if (cuts.has(line.y) && line.x0 >= left - 0.5 && line.x0 < right) {
      horizontal.splice(i, 1, { y: line.y, x0: right, x1: line.x1 });
    }
  }
}

/**
 * Column edges: the middle of every vertical gap the table's body (its lines from the first value row on)
 * leaves open; the header above is left out, its titles run over several columns. A gap crossed by a few lines only
 * (one long label running into the next column) still counts; the rows that cross it get a merged cell.
 */
function columnSeparators(region: Line[], stacks: Stack[]): number[] {
  let first = region.findIndex((l) => l.isValueRow);
  // The first label's upper lines (centred beside the first values) belong to the body too.
  if (first >= 0) {
    const anchor = region[first];
    const valuesLeft = Math.min(...anchor.segments.filter((s) => s.numeric).map((s) => s.x0));
    while (first > 0 && anchor.line.y - region[first - 1].line.y <= anchor.line.size * MAX_ATTACH && region[first - 1].line.x1 < valuesLeft) first--;
  }
  // A header alone: its lowest, finest-cut lines give the columns, not the headings over several of them.
  const rows = first >= 0 ? region.slice(first) : region.filter((l) => l.segments.length >= 3);
  const spans = [...rows.flatMap((row) => row.segments), ...stacks.flatMap((stack) => stack.segments)];
  const x0 = Math.floor(Math.min(...spans.map((s) => s.x0)));
  const x1 = Math.ceil(Math.max(...spans.map((s) => s.x1)));
  const cover = new Array<number>(Math.max(0, x1 - x0 + 1)).fill(0);
  for (const segment of spans) {
    for (let x = Math.floor(segment.x0); x <= Math.ceil(segment.x1); x++) if (x >= x0 && x <= x1) cover[x - x0]++;
  }
  const allowed = Math.floor(rows.length * CROSSING_SHARE);
  // A header whose every leaf label is set upright has no line cut into three or more: its stacks give the columns.
  const size = Math.min(...(rows.length > 0 ? rows : region).map((l) => l.line.size));
  const separators: number[] = [];
  let start = -1;
  for (let i = 0; i <= cover.length; i++) {
    const open = i < cover.length && cover[i] <= allowed;
    if (open && start < 0) start = i;
    if (!open && start >= 0) {
      separators.push(...cutsIn(cover, start, i, size * 0.3).map((cut) => x0 + cut));
      start = -1;
    }
  }
  return separators;
}

/** Lines of a column's own text that part two gaps found in one open stretch (see cutsIn). */
const RIDGE = 3;

/**
 * Within an open stretch, a cut at the middle of the least covered part of each gap. A narrow column with a few
 * texts of its own (（三）不予公开 and the other categories, beside 三、本年度办理结果 set upright) leaves the
 * stretch open from one side to the other: the parts covered by RIDGE or more lines fewer than it are gaps of
 * their own.
 */
function cutsIn(cover: number[], from: number, to: number, minWidth: number): number[] {
  const least = Math.min(...cover.slice(from, to));
  const cuts: number[] = [];
  let gap = -1;
  for (let i = from; i <= to; i++) {
    const low = i < to && cover[i] < least + RIDGE;
    if (low && gap < 0) gap = i;
    if (!low && gap >= 0) {
      // The margins left and right of the table are not gaps between columns.
      const inside = gap > 0 && i < cover.length;
      if (inside && i - gap >= minWidth) cuts.push(bestCut(cover, gap, i));
      gap = -1;
    }
  }
  return cuts;
}

/** Within a gap, the least covered stretch, at its middle. */
function bestCut(cover: number[], from: number, to: number): number {
  const least = Math.min(...cover.slice(from, to));
  let first = from;
  while (cover[first] !== least) first++;
  let last = to - 1;
  while (cover[last] !== least) last--;
  return (first + last) / 2;
}

/**
 * Rows: every value line starts one; a label-only line joins the nearest value line when close enough (a
 * label centred over two lines beside its values), or the line next to it when that one is a line of the
 * same label (four lines centred on their values reach further); otherwise it makes a row of its own (a
 * header line). A line opening with an item number (“1.”, “（二）”) begins a label, so it never joins a row
 * above it, and a value row whose label opens so takes no line from above.
 */
function rowBands(region: Line[]): Band[] {
  const anchors = region.filter((l) => l.isValueRow);
  if (anchors.length === 0) return toBands(region.map((line) => [line]));
  const firstAnchor = region.indexOf(anchors[0]);
  const rowOf = new Map<Line, Line>(anchors.map((anchor) => [anchor, anchor]));
  const valuesLeft = Math.min(...anchors.flatMap((anchor) => anchor.segments.filter((s) => s.numeric).map((s) => s.x0)));
  region.forEach((line, i) => {
    if (rowOf.has(line)) return;
    // Above the first value row only a label's first line joins it; the rest is the header.
    const joins = i > firstAnchor || line.line.x1 < valuesLeft;
    const nearest = joins ? nearestAnchor(anchors, line) : undefined;
    if (nearest) rowOf.set(line, nearest);
  });
  joinLabelLines(region.slice(firstAnchor), rowOf);
  const groups = new Map<Line, Line[]>();
  for (const line of region) {
    const row = rowOf.get(line) ?? line;
    groups.set(row, [...(groups.get(row) ?? []), line]);
  }
  return toBands([...groups.values()]);
}

function toBands(groups: Line[][]): Band[] {
  const sorted = groups.map((lines) => ({ lines, top: Math.max(...lines.map(topOf)), bottom: Math.min(...lines.map(bottomOf)) })).sort((a, b) => b.top - a.top);
  for (let i = 1; i < sorted.length; i++) {
    const between = (sorted[i - 1].bottom + sorted[i].top) / 2;
    sorted[i - 1].bottom = between;
    sorted[i].top = between;
  }
  return sorted;
}

const ITEM_NUMBER = /^(?:\d+[.．、]|[（(][一二三四五六七八九十\d]+[)）]|[一二三四五六七八九十]+、)/;

/**
 * The label nearest the values (the line's last text that is not a value) opens with an item number: on a line
 * that also crosses a category's column (“（六）” of （六）其他处理, then a wrapped label's last words), the
 * category's number does not open the label.
 */
function opensLabel(line: Line): boolean {
  const label = line.segments.findLast((segment) => !segment.numeric);
  return ITEM_NUMBER.test(label ? segmentText(label) : line.line.text.trim());
}

/** Lines left over join a neighbouring line of the same label (a line apart), until none is left to join. */
function joinLabelLines(body: Line[], rowOf: Map<Line, Line>): void {
  let changed = true;
  while (changed) {
    changed = false;
    body.forEach((line, i) => {
      if (rowOf.has(line)) return;
      const step = line.line.size * 1.4;
      const below = body[i + 1];
      const above = body[i - 1];
      const viaBelow = below && rowOf.has(below) && line.line.y - below.line.y <= step ? rowOf.get(below) : undefined;
      const viaAbove = above && rowOf.has(above) && above.line.y - line.line.y <= step && !opensLabel(line) ? rowOf.get(above) : undefined;
      const row = opensLabel(line) ? viaBelow : (viaAbove ?? viaBelow);
      if (row) {
        rowOf.set(line, row);
        changed = true;
      }
    });
  }
}

function nearestAnchor(anchors: Line[], line: Line): Line | undefined {
  let best: Line | undefined;
  let distance = Infinity;
  for (const anchor of anchors) {
    if (opensLabel(line) && anchor.line.y > line.line.y + 1) continue;
    if (opensLabel(anchor) && anchor.line.y < line.line.y - 1) continue;
    const d = Math.abs(anchor.line.y - line.line.y);
    if (d < distance - 0.5) [best, distance] = [anchor, d];
  }
  return distance <= line.line.size * MAX_ATTACH ? best : undefined;
}

function topOf(line: Line): number {
  return line.line.y + line.line.size * 0.9;
}

function bottomOf(line: Line): number {
  return line.line.y - line.line.size * 0.3;
}

/** Where the grid builder will place a piece (the middle of its box) lies in the table's box. */
function inside(piece: TextPiece, box: Box): boolean {
  return contains(box, ...centre(pieceBox(piece)));
}
