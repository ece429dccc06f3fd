/** Writing cell readings into the canonical report JSON. */
import {
  TABLE2_DOCUMENT_COLUMNS,
  TABLE2_DOCUMENT_ITEMS,
  TABLE2_SINGLE_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2CellId,
  table3CellId,
  table3GroupCellId,
  table4CellId,
  type CellId,
} from '../model/ids';
import type { Report } from '../model/report';
import type { CellReading } from '../model/review-document';

interface ReportHeader {
  format: Report['format'];
  organ: string | null;
  year: number | null;
  signedDate: string | null;
}

export function assembleReport(base: Report, cells: Record<CellId, CellReading>, header: ReportHeader): Report {
  const value = (id: CellId) => cells[id]?.value ?? null;
  const report: Report = { ...base, ...header };
  for (const item of TABLE2_DOCUMENT_ITEMS) {
    for (const column of TABLE2_DOCUMENT_COLUMNS) report.table2[item][column] = value(table2CellId(item, column));
  }
  for (const item of TABLE2_SINGLE_ITEMS) report.table2[item] = value(table2CellId(item));
  for (const row of TABLE3_ROWS) report.table3[row] = TABLE3_COLUMNS.map((column) => value(table3CellId(row, column)));
  const groups: NonNullable<Report['table3Groups']> = {};
  for (const group of TABLE3_GROUPS) {
    if (cells[table3GroupCellId(group, 'total')]) groups[group] = TABLE3_COLUMNS.map((column) => value(table3GroupCellId(group, column)));
  }
  if (Object.keys(groups).length > 0) report.table3Groups = groups;
  else delete report.table3Groups;
  for (const group of TABLE4_GROUPS) report.table4[group] = TABLE4_COLUMNS.map((column) => value(table4CellId(group, column)));
  return report;
}
