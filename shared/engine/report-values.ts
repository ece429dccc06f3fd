/** Reading a canonical cell's value out of the report JSON by its cell id. */
import { TABLE3_COLUMNS, TABLE4_COLUMNS, placeOfCell, type CellId, type Table3Column, type Table4Column } from '../model/ids';
import type { Report } from '../model/report';

export function valueOfCell(report: Report, id: CellId): number | null {
  const place = placeOfCell(id);
  if (place.table === 'table2') {
    const item = report.table2[place.row as keyof Report['table2']];
    if (typeof item === 'number' || item === null) return item;
    return item[place.column as keyof typeof item] ?? null;
  }
  if (place.table === 'table4') {
    return report.table4[place.group as keyof Report['table4']][TABLE4_COLUMNS.indexOf(place.column as Table4Column)];
  }
  const column = TABLE3_COLUMNS.indexOf(place.column as Table3Column);
  if (id.startsWith('table3Groups.')) return report.table3Groups?.[place.row as keyof NonNullable<Report['table3Groups']>]?.[column] ?? null;
  return report.table3[place.row as keyof Report['table3']][column];
}
