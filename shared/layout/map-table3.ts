/**
 * Table 3 (收到和处理政府信息公开申请情况): from one or more grids (a table split over pages or into several
 * Word tables) to the 25 canonical rows, the collapsed groups, and what the labels and layout look like.
 */
import type { GridCell } from '../model/grid';
import {
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  table3GroupOf,
  type Table3Column,
  type Table3Group,
  type Table3Row,
} from '../model/ids';
import { TABLE3_COLUMN_LABELS, TABLE3_GROUP_LABELS, TABLE3_ROW_LABELS } from '../model/labels';
import type { LabelReading, LayoutNote } from '../model/review-document';
import { compactText } from '../text/normalize';
import { GridView, looksLikeValue } from './grid-view';
import { compareLabel, labelCore } from './label-match';
import {
  RESULTS_LABEL,
  matchTable3Group,
  matchTable3Header,
  matchTable3Row,
  table3RowVariants,
  type Table3HeaderKind,
} from './table3-vocabulary';

/** The value cells of one printed row, by canonical column (undefined: no cell in that column). */
export type Table3RowCells = Partial<Record<Table3Column, GridCell>>;

export interface Table3Mapping {
  rows: Partial<Record<Table3Row, Table3RowCells>>;
  groups: Partial<Record<Table3Group, Table3RowCells>>;
  /** Canonical columns the printed table does not have at all. */
  missingColumns: Table3Column[];
  labels: LabelReading[];
  layoutNotes: LayoutNote[];
  /** （六）其他处理 printed as one row directly followed by （七）总计: the 2019 layout. */
  collapsedOtherBeforeTotal: boolean;
}

type ColumnMap = (Table3HeaderKind | null)[];

interface PrintedRow {
  labelCells: GridCell[];
  label: string;
  values: Table3RowCells;
  extraValues: GridCell[];
  hasValue: boolean;
}

export function mapTable3(views: GridView[]): Table3Mapping {
  const mapping: Table3Mapping = {
    rows: {},
    groups: {},
    missingColumns: [],
    labels: [],
    layoutNotes: [],
    collapsedOtherBeforeTotal: false,
  };
  const printed: PrintedRow[] = [];
  let previousColumns: ColumnMap | null = null;
  for (const view of views) {
    const { columns, firstDataRow } = readHeader(view, previousColumns, mapping);
    previousColumns = columns;
    for (let r = firstDataRow; r < view.rowCount; r++) {
      const row = readPrintedRow(view, r, columns);
      if (row) printed.push(row);
    }
  }
  mapping.missingColumns = TABLE3_COLUMNS.filter((column) => !previousColumns?.includes(column));
  assignRows(printed, mapping);
  return mapping;
}

// ---------------------------------------------------------------------------------------------------------------
// Header: which grid column holds which canonical column

function readHeader(
  view: GridView,
  previous: ColumnMap | null,
  mapping: Table3Mapping,
): { columns: ColumnMap; firstDataRow: number } {
  const firstDataRow = findFirstDataRow(view);
  const columns = classifyColumns(view, firstDataRow);
  const classified = columns.filter((kind) => isColumnKind(kind)).length;
  if (classified >= 3) {
    fillUnlabelledColumns(view, columns, firstDataRow);
    noteHeaderLabels(view, columns, firstDataRow, mapping);
    return { columns, firstDataRow };
  }
  return { columns: alignToPrevious(view.colCount, previous), firstDataRow };
}

function isColumnKind(kind: Table3HeaderKind | null): kind is Table3Column | 'subtotal' {
  return kind !== null && kind !== 'note' && kind !== 'applicants' && kind !== 'legalPersons';
}

function findFirstDataRow(view: GridView): number {
  for (let r = 0; r < view.rowCount; r++) {
    const cells = view.cellsInRow(r);
    const headerCells = cells.filter((cell) => isColumnKind(matchTable3Header(cell.text)));
    if (headerCells.length >= 2) continue;
    const named = cells.some((cell) => cell.row === r && matchTable3Row(cell.text, null) !== null && !isColumnKind(matchTable3Header(cell.text)));
    if (named) return r;
    const numeric = cells.filter((cell) => cell.row === r && /\d/.test(compactText(cell.text)) && looksLikeValue(cell.text));
    if (numeric.length >= 3) return r;
  }
  return 0;
}

function classifyColumns(view: GridView, firstDataRow: number): ColumnMap {
  const columns: ColumnMap = [];
  for (let c = 0; c < view.colCount; c++) {
    const cells = view.cellsInColumn(c, 0, firstDataRow).reverse();
    const leaf = cells.find((cell) => isColumnKind(matchTable3Header(cell.text)));
    columns.push(leaf ? matchTable3Header(leaf.text) : null);
  }
  return columns;
}

/** A header whose label is missing (e.g. 自然人 left blank): fill the gap when the order leaves one choice. */
function fillUnlabelledColumns(view: GridView, columns: ColumnMap, firstDataRow: number): void {
  const firstKnown = columns.findIndex((kind) => isColumnKind(kind));
  const present = new Set(columns.filter((kind) => isColumnKind(kind)));
  const missing = TABLE3_COLUMNS.filter((column) => !present.has(column));
  for (const column of missing) {
    const index = TABLE3_COLUMNS.indexOf(column);
    const before = index > 0 ? columns.indexOf(TABLE3_COLUMNS[index - 1]) : -1;
    const after = index < 6 ? columns.indexOf(TABLE3_COLUMNS[index + 1]) : -1;
    const candidate = after > 0 ? after - 1 : before >= 0 ? before + 1 : -1;
    const boundedLeft = before >= 0 ? candidate === before + 1 : candidate >= firstKnown - 1;
    if (candidate < 0 || candidate >= view.colCount || columns[candidate] !== null || !boundedLeft) continue;
    if (columnHoldsValues(view, candidate, firstDataRow)) columns[candidate] = column;
  }
}

/** Data rows have value cells (numbers or blanks) of their own in this column. */
function columnHoldsValues(view: GridView, col: number, firstDataRow: number): boolean {
  for (let r = firstDataRow; r < view.rowCount; r++) {
    const cell = view.at(r, col);
    if (cell && cell.row === r && cell.col === col && cell.colSpan === 1 && looksLikeValue(cell.text)) return true;
  }
  return false;
}

/** A continuation without its own header: the columns of the previous piece, aligned on the right edge. */
function alignToPrevious(colCount: number, previous: ColumnMap | null): ColumnMap {
  if (!previous) {
    const columns: ColumnMap = new Array(colCount).fill(null);
    TABLE3_COLUMNS.forEach((column, i) => {
      const c = colCount - TABLE3_COLUMNS.length + i;
      if (c >= 0) columns[c] = column;
    });
    return columns;
  }
  const shift = colCount - previous.length;
  return Array.from({ length: colCount }, (_, c) => previous[c - shift] ?? null);
}

function noteHeaderLabels(view: GridView, columns: ColumnMap, firstDataRow: number, mapping: Table3Mapping): void {
  const order: Table3Column[] = [];
  columns.forEach((kind, c) => {
    if (!isColumnKind(kind)) return;
    if (kind === 'subtotal') {
      const cell = view.cellsInColumn(c, 0, firstDataRow).pop();
      mapping.layoutNotes.push({ table: 'table3', kind: 'extraColumn', text: cell ? compactText(cell.text) : '小计', source: cell?.source });
      return;
    }
    order.push(kind);
    const cell = view.cellsInColumn(c, 0, firstDataRow).reverse().find((h) => matchTable3Header(h.text) === kind);
    if (!cell) return;
    mapping.labels.push({
      table: 'table3',
      kind: 'column',
      id: kind,
      expected: TABLE3_COLUMN_LABELS[kind],
      actual: compactText(cell.text),
      status: compareLabel(cell.text, TABLE3_COLUMN_LABELS[kind], kind === 'total' ? ['合计'] : []),
      source: cell.source,
    });
  });
  const canonicalOrder = TABLE3_COLUMNS.filter((column) => order.includes(column));
  if (order.some((column, i) => column !== canonicalOrder[i])) {
    mapping.layoutNotes.push({
      table: 'table3',
      kind: 'reorderedColumns',
      text: order.map((column) => TABLE3_COLUMN_LABELS[column]).join('、'),
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Rows

function readPrintedRow(view: GridView, r: number, columns: ColumnMap): PrintedRow | null {
  const firstValueCol = columns.findIndex((kind) => isColumnKind(kind));
  const labelEnd = firstValueCol < 0 ? view.colCount : firstValueCol;
  const labelCells = view.cellsInRow(r, 0, labelEnd).filter((cell) => compactText(cell.text) !== '');
  const values: Table3RowCells = {};
  const extraValues: GridCell[] = [];
  let hasValue = false;
  for (const cell of view.cellsInRow(r, labelEnd).filter((c) => c.row === r && c.col >= labelEnd)) {
    if (compactText(cell.text) !== '') hasValue = true;
    const kind = columnOfCell(cell, columns, values);
    if (kind) values[kind] = cell;
    else if (columns[cell.col] === 'subtotal' || compactText(cell.text) !== '') extraValues.push(cell);
  }
  const label = labelCells.map((cell) => compactText(cell.text)).join('');
  if (!label && !hasValue) return null;
  if (isHeaderOrNoteRow(view, r)) return null;
  return { labelCells, label, values, extraValues, hasValue };
}

/** The canonical column of a value cell: that of its first grid column, or of another it spans if that is taken. */
function columnOfCell(cell: GridCell, columns: ColumnMap, taken: Table3RowCells): Table3Column | null {
  for (let c = cell.col; c < cell.col + cell.colSpan; c++) {
    const kind = columns[c];
    if (kind && kind !== 'subtotal' && isColumnKind(kind) && !taken[kind]) return kind;
  }
  return null;
}

function isHeaderOrNoteRow(view: GridView, r: number): boolean {
  const own = view.cellsInRow(r).filter((cell) => cell.row === r && compactText(cell.text) !== '');
  if (own.length === 0) return false;
  const kinds = own.map((cell) => matchTable3Header(cell.text));
  if (kinds.some((kind) => kind === 'note')) return true;
  return kinds.filter((kind) => kind !== null).length >= Math.max(2, own.length - 1);
}

/**
 * A row cut in two (by a page break, or a label typed over two rows): two adjacent rows whose own labels
 * sit in the same column, that name a row only when joined, and of which at most one has values, are one.
 */
function joinCutRows(printed: PrintedRow[]): PrintedRow[] {
  const rows: PrintedRow[] = [];
  for (const row of printed) {
    const previous = rows[rows.length - 1];
    const joined = previous ? joinIfCut(previous, row) : null;
    if (joined) rows[rows.length - 1] = joined;
    else rows.push(row);
  }
  return rows;
}

function joinIfCut(upper: PrintedRow, lower: PrintedRow): PrintedRow | null {
  const a = upper.labelCells[upper.labelCells.length - 1];
  const b = lower.labelCells[lower.labelCells.length - 1];
  if (!a || !b || a === b || a.col !== b.col || a.colSpan !== b.colSpan) return null;
  if (upper.hasValue && lower.hasValue) return null;
  const bothNamed = matchTable3Row(a.text, null) !== null && matchTable3Row(b.text, null) !== null;
  const joinedText = `${compactText(a.text)}${compactText(b.text)}`;
  if (bothNamed || matchTable3Row(joinedText, matchTable3Group(joinedText)) === null) return null;
  if (matchTable3Row(a.text, null) !== null && matchTable3Row(a.text, null) !== matchTable3Row(joinedText, null)) return null;
  const own: GridCell = { ...a, text: joinedText, rowSpan: a.rowSpan + b.rowSpan };
  const labelCells = [...upper.labelCells.slice(0, -1), own];
  const values = upper.hasValue ? upper.values : lower.values;
  const extraValues = upper.hasValue ? upper.extraValues : lower.extraValues;
  return { labelCells, label: labelCells.map((cell) => compactText(cell.text)).join(''), values, extraValues, hasValue: upper.hasValue || lower.hasValue };
}

interface RowMatch {
  printed: PrintedRow;
  row: Table3Row | null;
  group: Table3Group | null;
  /** The row names a group and has no sub-row label of its own. */
  isGroupRow: boolean;
  /** The label cell naming the row itself (the rightmost label cell). */
  ownLabel: GridCell | undefined;
}

function assignRows(printed: PrintedRow[], mapping: Table3Mapping): void {
  const matches = matchPrintedRows(joinCutRows(printed));
  fillByPosition(matches);
  const seen = new Set<Table3Row>();
  for (const match of matches) {
    if (match.row && !seen.has(match.row)) {
      seen.add(match.row);
      mapping.rows[match.row] = match.printed.values;
      noteRowLabel(match, mapping);
      noteExtraValues(match, mapping);
    } else if (!match.isGroupRow && match.printed.hasValue) {
      mapping.layoutNotes.push({ table: 'table3', kind: 'extraRow', text: match.printed.label || '（无标签的行）', source: match.ownLabel?.source });
    }
  }
  assignGroupRows(matches, seen, mapping);
  noteGroupLabels(matches, mapping);
}

function matchPrintedRows(printed: PrintedRow[]): RowMatch[] {
  let currentGroup: Table3Group | null = null;
  return printed.map((row) => {
    const ownLabel = row.labelCells[row.labelCells.length - 1];
    const contextGroups = row.labelCells.slice(0, -1).map((cell) => matchTable3Group(cell.text)).filter(Boolean);
    const ownGroup = ownLabel ? matchTable3Group(ownLabel.text) : null;
    const group = ownGroup ?? (contextGroups[0] as Table3Group | undefined) ?? currentGroup;
    let id = ownLabel ? matchTable3Row(ownLabel.text, group) : null;
    if (!id && row.label) id = matchTable3Row(row.label, group);
    if (id && table3GroupOf(id) !== null && ownGroup && !matchTable3Row(stripGroupLabel(ownLabel!.text), ownGroup)) id = null;
    const isGroupRow = !id && ownGroup !== null;
    currentGroup = id ? table3GroupOf(id) ?? null : isGroupRow ? ownGroup : currentGroup;
    if (id && table3GroupOf(id) === null) currentGroup = null;
    return { printed: row, row: id, group: id ? table3GroupOf(id) : ownGroup, isGroupRow, ownLabel };
  });
}

/** “（三）不予公开1.属于国家秘密” in one cell: the part after the group's own words. */
function stripGroupLabel(text: string): string {
  return compactText(text).replace(/^.*?(?:不予公开|无法提供|不予处理|其他处理)/, '');
}

/**
 * Rows whose labels could not be recognised (misprinted, truncated beyond recognition) take the template rows
 * left free between their recognised neighbours, in order, when their number is exactly that of the free rows;
 * otherwise they stay unknown (and are reported as rows the format does not have).
 */
function fillByPosition(matches: RowMatch[]): void {
  const used = new Set(matches.map((match) => match.row).filter((row): row is Table3Row => row !== null));
  let i = 0;
  while (i < matches.length) {
    if (!isUnknownValueRow(matches[i])) {
      i++;
      continue;
    }
    const run: RowMatch[] = [];
    const runStart = i;
    while (i < matches.length && !matches[i].row) {
      if (isUnknownValueRow(matches[i])) run.push(matches[i]);
      i++;
    }
    const before = matches.slice(0, runStart).reverse().find((match) => match.row)?.row ?? null;
    const after = i < matches.length ? matches[i].row : null;
    const from = before ? TABLE3_ROWS.indexOf(before) + 1 : 0;
    const to = after ? TABLE3_ROWS.indexOf(after) : TABLE3_ROWS.length;
    const free = TABLE3_ROWS.slice(from, Math.max(from, to)).filter((row) => !used.has(row));
    if (free.length === run.length) run.forEach((match, k) => (match.row = free[k]));
  }
}

function isUnknownValueRow(match: RowMatch): boolean {
  return !match.row && !match.isGroupRow && match.printed.hasValue;
}

function assignGroupRows(matches: RowMatch[], seen: Set<Table3Row>, mapping: Table3Mapping): void {
  matches.forEach((match, i) => {
    if (!match.isGroupRow || !match.group || !match.printed.hasValue) return;
    const group = match.group;
    const hasSubRows = [...seen].some((row) => table3GroupOf(row) === group);
    if (hasSubRows) {
      mapping.layoutNotes.push({ table: 'table3', kind: 'subtotalRow', text: match.printed.label, row: group, source: match.ownLabel?.source });
      return;
    }
    mapping.groups[group] = match.printed.values;
    if (group === 'other' && matches[i + 1]?.row === 'resultTotal') mapping.collapsedOtherBeforeTotal = true;
  });
}

function noteRowLabel(match: RowMatch, mapping: Table3Mapping): void {
  const row = match.row!;
  const cell = match.ownLabel;
  const official = TABLE3_ROW_LABELS[row];
  const actual = cell ? printedOwnLabel(cell.text, row) : '';
  mapping.labels.push({
    table: 'table3',
    kind: 'row',
    id: row,
    expected: official,
    actual,
    status: actual ? compareLabel(actual, official, table3RowVariants(row)) : 'altered',
    source: cell?.source,
  });
}

/** The label of the row itself, without a group label printed in the same cell. */
function printedOwnLabel(text: string, row: Table3Row): string {
  const compact = compactText(text);
  const group = table3GroupOf(row);
  if (group && matchTable3Group(compact) === group) return stripGroupLabel(compact);
  if (RESULTS_LABEL.test(compact) && row !== 'resultTotal') return compact.replace(/^.*?办理结果/, '');
  return compact;
}

function noteExtraValues(match: RowMatch, mapping: Table3Mapping): void {
  const extra = match.printed.extraValues.filter((cell) => compactText(cell.text) !== '');
  if (extra.length > 0 && !mapping.layoutNotes.some((note) => note.kind === 'extraColumn')) {
    mapping.layoutNotes.push({ table: 'table3', kind: 'extraColumn', text: '未知列', row: match.row ?? undefined, source: extra[0].source });
  }
}

function noteGroupLabels(matches: RowMatch[], mapping: Table3Mapping): void {
  const noted = new Set<GridCell>();
  for (const match of matches) {
    for (const cell of match.printed.labelCells) {
      if (noted.has(cell)) continue;
      noted.add(cell);
      const group = matchTable3Group(cell.text);
      const isOwn = cell === match.ownLabel && match.row !== null;
      if (group && !isOwn) {
        mapping.labels.push(groupLabel(cell, group));
      } else if (RESULTS_LABEL.test(labelCore(cell.text)) && !isOwn) {
        mapping.labels.push({
          table: 'table3',
          kind: 'group',
          id: 'results',
          expected: '三、本年度办理结果',
          actual: compactText(cell.text),
          status: compareLabel(cell.text, '三、本年度办理结果'),
          source: cell.source,
        });
      }
    }
  }
}

function groupLabel(cell: GridCell, group: Table3Group): LabelReading {
  return {
    table: 'table3',
    kind: 'group',
    id: group,
    expected: TABLE3_GROUP_LABELS[group],
    actual: compactText(cell.text),
    status: compareLabel(cell.text, TABLE3_GROUP_LABELS[group]),
    source: cell.source,
  };
}
