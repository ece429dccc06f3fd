/** Chinese descriptions of places (tables, rows, columns, cells), shared by the CLI, the UI and the print sheet. */
import { placeOfCell, type CellId, type Table4Group } from '../model/ids';
import type { Finding } from '../model/finding';
import { TABLE4_GROUP_LABELS, columnName, rowName } from '../model/labels';

const TABLE_NAMES = { table2: '表二', table3: '表三', table4: '表四' } as const;

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
