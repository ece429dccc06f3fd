/** Canonical orders used for iterating cells and sorting findings. */
import {
  SECTIONS,
  TABLE2_DOCUMENT_COLUMNS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  allCanonicalCellIds,
  table3GroupCellId,
  type CellId,
} from '../model/ids';

export { TABLE3_COLUMNS, allCanonicalCellIds, type CellId };

export function collapsedGroupCellIds(): CellId[] {
  return TABLE3_GROUPS.flatMap((group) => TABLE3_COLUMNS.map((column) => table3GroupCellId(group, column)));
}

const TABLE_ORDER: Record<string, number> = { table2: 1, table3: 2, table4: 3 };

/** Position of a table-3 row id or collapsed group id (a group sorts with its first sub-row). */
function table3RowIndex(row: string): number {
  const index = (TABLE3_ROWS as readonly string[]).indexOf(row);
  if (index >= 0) return index;
  const first = TABLE3_ROWS.findIndex((id) => id.startsWith(`${row}.`));
  return first >= 0 ? first : TABLE3_ROWS.length;
}

function rowIndex(table: string | undefined, row: string | undefined, group: string | undefined): number {
  if (table === 'table2') return row ? (TABLE2_ITEMS as readonly string[]).indexOf(row) : -1;
  if (table === 'table3') return row ? table3RowIndex(row) : -1;
  if (table === 'table4') return group ? (TABLE4_GROUPS as readonly string[]).indexOf(group) : -1;
  return -1;
}

function columnIndex(table: string | undefined, column: string | undefined): number {
  if (!column) return -1;
  const columns: readonly string[] =
    table === 'table2' ? TABLE2_DOCUMENT_COLUMNS : table === 'table3' ? TABLE3_COLUMNS : TABLE4_COLUMNS;
  return columns.indexOf(column);
}

export interface Placed {
  table?: string;
  row?: string;
  column?: string;
  group?: string;
  section?: string;
}

/**
 * Sort key of a finding's place: document-level findings first, then by section, then table 2, 3, 4 by
 * row (or group) and column.
 */
export function placeKey(place: Placed): number[] {
  const section = place.section ? (SECTIONS as readonly string[]).indexOf(place.section) + 1 : 0;
  const table = place.table ? TABLE_ORDER[place.table] ?? 9 : 0;
  return [table, section, rowIndex(place.table, place.row, place.group), columnIndex(place.table, place.column)];
}

export function compareKeys(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
