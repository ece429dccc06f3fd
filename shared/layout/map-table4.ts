/**
 * Table 4 (行政复议、行政诉讼): each value cell is named by the header cells above it and the label cells to
 * its left, so the usual one-row layout and a transposed one (groups as rows) read the same way.
 */
import type { GridCell } from '../model/grid';
import { TABLE4_COLUMNS, TABLE4_GROUPS, table4CellId, type CellId, type Table4Column, type Table4Group } from '../model/ids';
import { TABLE4_COLUMN_LABELS } from '../model/labels';
import type { LabelReading } from '../model/review-document';
import { compactText } from '../text/normalize';
import type { CellSlot } from './cell-slot';
import { GridView, looksLikeValue } from './grid-view';
import { columnsByPlace, compareLabel, labelCore } from './label-match';

export interface Table4Mapping {
  slots: Record<CellId, CellSlot>;
  labels: LabelReading[];
}

const HEADER_WORDS = /行政复议|行政诉讼|维持|纠正|其他结果|审结|总计|合计|起诉/;

function groupOf(texts: string[]): Table4Group | null {
  if (texts.some((t) => /复议后起诉/.test(t))) return 'litigationAfterReview';
  if (texts.some((t) => /未经复议|直接起诉/.test(t))) return 'litigationDirect';
  if (texts.some((t) => /行政复议/.test(t)) && !texts.some((t) => /行政诉讼/.test(t))) return 'review';
  return null;
}

function columnOf(text: string): Table4Column | null {
  const core = labelCore(text);
  if (/维持/.test(core)) return 'upheld';
  if (/纠正/.test(core)) return 'corrected';
  if (/^其他(?:结果)?$/.test(core)) return 'other';
  if (/审结/.test(core)) return 'pending';
  if (/^(?:总计|合计)$/.test(core)) return 'total';
  return null;
}

export function mapTable4(views: GridView[]): Table4Mapping {
  const mapping: Table4Mapping = { slots: {}, labels: [] };
  for (const view of views) readView(view, mapping);
  if (Object.keys(mapping.slots).length === 0) readInOrder(views, mapping);
  for (const group of TABLE4_GROUPS) {
    for (const column of TABLE4_COLUMNS) mapping.slots[table4CellId(group, column)] ??= { status: 'unreadable' };
  }
  return mapping;
}

function isHeaderRow(view: GridView, r: number): boolean {
  const own = view.cellsInRow(r).filter((cell) => cell.row === r && compactText(cell.text) !== '');
  return own.length > 0 && own.every((cell) => HEADER_WORDS.test(compactText(cell.text)) || !looksLikeValue(cell.text));
}

function readView(view: GridView, mapping: Table4Mapping): void {
  const noted = new Set<string>();
  for (let r = 0; r < view.rowCount; r++) {
    if (isHeaderRow(view, r)) continue;
    for (const cell of view.cellsInRow(r)) {
      if (cell.row !== r || !looksLikeValue(cell.text)) continue;
      const above = headerCellsAbove(view, cell);
      const left = view.cellsInRow(r, 0, cell.col).filter((c) => !looksLikeValue(c.text));
      const group = groupOf([...above, ...left].map((c) => compactText(c.text)));
      const header = columnHeader(above) ?? columnHeader(left.slice(-1)) ?? columnByPlace(view, above);
      if (!group || !header) continue;
      const id = table4CellId(group, header.column);
      const taken = mapping.slots[id];
      // A blank cell left between a header and its value (a header set higher than its neighbours) yields.
      if (taken && !('cell' in taken && compactText(taken.cell.text) === '' && compactText(cell.text) !== '')) continue;
      mapping.slots[id] = { cell };
      const key = `${header.source.row}:${header.source.col}`;
      if (!noted.has(key)) {
        noted.add(key);
        mapping.labels.push(columnLabel(header.text, header.source, header.column));
      }
    }
  }
}

/**
 * The column label over a value cell: the narrowest header cells above it joined top to bottom, so a label
 * printed across stacked cells (“结” / “果维持”, cut by a page break) reads whole.
 */
function columnHeader(cells: GridCell[]): { column: Table4Column; text: string; source: GridCell } | null {
  if (cells.length === 0) return null;
  const narrowest = Math.min(...cells.map((c) => c.colSpan));
  const leaves = cells.filter((c) => c.colSpan === narrowest);
  const text = leaves.map((c) => compactText(c.text)).join('');
  const column = columnOf(text) ?? columnOf(leaves[leaves.length - 1].text);
  return column ? { column, text, source: leaves[0] } : null;
}

const GROUP_WORDS = /行政复议|未经复议|直接起诉|复议后起诉/;

/**
 * A column label that names nothing known (a typo, a glyph the PDF gives wrong: “结果纠l”): the column of its
 * place among the five leaf labels under its group's cell, when the leaves that are known stand in their places.
 */
function columnByPlace(view: GridView, above: GridCell[]): { column: Table4Column; text: string; source: GridCell } | null {
  if (above.length < 2) return null;
  const leaf = above[above.length - 1];
  const groupCell = above
    .filter((cell) => cell.colSpan > leaf.colSpan && GROUP_WORDS.test(compactText(cell.text)))
    .sort((a, b) => a.colSpan - b.colSpan)[0];
  if (!groupCell) return null;
  const leaves = view
    .cellsInRow(leaf.row)
    .filter((cell) => cell.row === leaf.row && cell.col >= groupCell.col && cell.col + cell.colSpan <= groupCell.col + groupCell.colSpan);
  const placed = leaves.includes(leaf) ? columnsByPlace(leaves.map((cell) => columnOf(cell.text)), TABLE4_COLUMNS) : null;
  return placed ? { column: placed[leaves.indexOf(leaf)], text: compactText(leaf.text), source: leaf } : null;
}

/** The header cells above a value cell, read over its first grid column (merged grids rarely line up exactly). */
function headerCellsAbove(view: GridView, cell: GridCell): GridCell[] {
  return view.cellsInColumn(cell.col, 0, cell.row).filter((above) => !looksLikeValue(above.text));
}

function columnLabel(text: string, cell: GridCell, column: Table4Column): LabelReading {
  const variants = { upheld: ['维持'], corrected: ['纠正'], other: ['其他'], pending: ['未审结', '尚未审结'], total: ['合计'] }[column];
  return {
    table: 'table4',
    kind: 'column',
    id: column,
    expected: TABLE4_COLUMN_LABELS[column],
    actual: text,
    status: compareLabel(text, TABLE4_COLUMN_LABELS[column], variants),
    source: cell.source,
  };
}

/** No usable header: a single row of exactly fifteen values is read in the template's order. */
function readInOrder(views: GridView[], mapping: Table4Mapping): void {
  const rows = views.flatMap((view) =>
    Array.from({ length: view.rowCount }, (_, r) => view.cellsInRow(r).filter((cell) => cell.row === r)),
  );
  const valueRows = rows.filter((cells) => cells.length === 15 && cells.every((cell) => looksLikeValue(cell.text)));
  if (valueRows.length !== 1) return;
  valueRows[0].forEach((cell, i) => {
    mapping.slots[table4CellId(TABLE4_GROUPS[Math.floor(i / 5)], TABLE4_COLUMNS[i % 5])] = { cell };
  });
}
