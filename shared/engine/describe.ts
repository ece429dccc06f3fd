/** Chinese descriptions of places (tables, rows, columns, cells), shared by the CLI, the UI and the print sheet. */
import {
  TABLE3_ROWS,
  placeOfCell,
  type CellId,
  type Table2DocumentColumn,
  type Table2Item,
  type Table3Column,
  type Table3Group,
  type Table3Row,
  type Table4Column,
  type Table4Group,
} from '../model/ids';
import type { Finding } from '../model/finding';
import {
  TABLE2_COLUMN_LABELS,
  TABLE2_ITEM_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_GROUP_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
  table3RowShortLabel,
} from '../model/labels';

const TABLE_NAMES = { table2: '表二', table3: '表三', table4: '表四' } as const;

function rowName(table: string, row: string): string {
  if (table === 'table2') return TABLE2_ITEM_LABELS[row as Table2Item] ?? row;
  if ((TABLE3_ROWS as readonly string[]).includes(row)) return table3RowShortLabel(row as Table3Row);
  return TABLE3_GROUP_LABELS[row as Table3Group] ?? row;
}

function columnName(table: string, column: string): string {
  if (table === 'table2') return TABLE2_COLUMN_LABELS[column as Table2DocumentColumn] ?? column;
  if (table === 'table3') return TABLE3_COLUMN_LABELS[column as Table3Column] ?? column;
  return TABLE4_COLUMN_LABELS[column as Table4Column] ?? column;
}

/** E.g. “表三 “（一）予以公开”行 · 自然人列”, “表四 行政复议 · 总计”, “第五部分”. */
export function describePlace(place: Pick<Finding, 'table' | 'row' | 'column' | 'group' | 'section'>): string {
  if (place.section && !place.table) return `第${place.section}部分`;
  if (!place.table) return '全文';
  const parts: string[] = [TABLE_NAMES[place.table]];
  if (place.group) parts.push(TABLE4_GROUP_LABELS[place.group as Table4Group] ?? place.group);
  if (place.row) parts.push(`“${rowName(place.table, place.row)}”${place.table === 'table2' ? '' : '行'}`);
  if (place.column) parts.push(`${columnName(place.table, place.column)}${place.table === 'table4' ? '' : '列'}`);
  return parts.join(' · ');
}

export function describeCell(id: CellId): string {
  return describePlace(placeOfCell(id));
}

export const SEVERITY_NAMES = { error: '错误', warning: '警告', info: '提示' } as const;
