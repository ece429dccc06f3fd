/** Chinese names of cells and rows, for finding messages. */
import {
  TABLE3_GROUPS,
  TABLE3_ROWS,
  type CellId,
  type Table2DocumentColumn,
  type Table2Item,
  type Table3Column,
  type Table3Group,
  type Table3Row,
  type Table4Column,
  type Table4Group,
} from '../model/ids';
import {
  TABLE2_COLUMN_LABELS,
  TABLE2_ITEM_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_GROUP_LABELS,
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
  table3RowShortLabel,
} from '../model/labels';

/** A table-3 row (or collapsed group) as a reviewer reads it, e.g. “（一）予以公开”. */
export function table3RowName(row: string): string {
  if ((TABLE3_GROUPS as readonly string[]).includes(row)) return TABLE3_GROUP_LABELS[row as Table3Group];
  if ((TABLE3_ROWS as readonly string[]).includes(row)) return table3RowShortLabel(row as Table3Row);
  return row;
}

export function table3ColumnName(column: string): string {
  return TABLE3_COLUMN_LABELS[column as Table3Column] ?? column;
}

/** “（一）予以公开/自然人”, “行政复议/总计”, “行政规范性文件/本年制发件数”, “行政处罚”. */
export function cellName(id: CellId): string {
  const parts = id.split('.');
  const head = parts[0];
  if (head === 'table2') {
    const item = TABLE2_ITEM_LABELS[parts[1] as Table2Item] ?? parts[1];
    return parts.length === 3 ? `${item}/${TABLE2_COLUMN_LABELS[parts[2] as Table2DocumentColumn] ?? parts[2]}` : item;
  }
  if (head === 'table3' || head === 'table3Groups') {
    const row = parts.slice(1, -1).join('.');
    return `${table3RowName(row)}/${table3ColumnName(parts[parts.length - 1])}`;
  }
  const group = TABLE4_GROUP_LABELS[parts[1] as Table4Group] ?? parts[1];
  return `${group}/${TABLE4_COLUMN_LABELS[parts[2] as Table4Column] ?? parts[2]}`;
}

export const TABLE_NAMES = { table2: '表二（主动公开）', table3: '表三（依申请公开）', table4: '表四（复议诉讼）' } as const;
