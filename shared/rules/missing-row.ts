import type { Rule } from './rule';
import type { FindingDraft } from '../model/finding';
import {
  TABLE2_DOCUMENT_COLUMNS,
  TABLE2_DOCUMENT_ITEMS,
  TABLE2_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  table2CellId,
  table3CellId,
  table3GroupOf,
  table3GroupRows,
  type Table2Item,
  type Table3Group,
  type Table3Row,
} from '../model/ids';
import { TABLE2_ITEM_LABELS, TABLE3_GROUP_LABELS } from '../model/labels';
import type { ReviewDocument } from '../model/review-document';
import { collapsedGroups } from './arithmetic';
import { table3RowName } from '../model/labels';

function allMissing(doc: ReviewDocument, ids: string[]): boolean {
  return ids.length > 0 && ids.every((id) => doc.cells[id]?.status === 'missing');
}

function table2Cells(item: Table2Item): string[] {
  return (TABLE2_DOCUMENT_ITEMS as readonly string[]).includes(item)
    ? TABLE2_DOCUMENT_COLUMNS.map((column) => table2CellId(item, column))
    : [table2CellId(item)];
}

function table3Cells(row: Table3Row): string[] {
  return TABLE3_COLUMNS.map((column) => table3CellId(row, column));
}

/** The 2019 format had （六）其他处理 as one row; for 2019 and 2020 reports that was the format in force. */
function collapsedOtherIsTheFormat(doc: ReviewDocument, group: Table3Group): boolean {
  const year = doc.report.year;
  return group === 'other' && doc.report.format === '2019' && year !== null && year <= 2020;
}

function table2Findings(doc: ReviewDocument): FindingDraft[] {
  if (doc.tables.table2.status !== 'found') return [];
  return TABLE2_ITEMS.filter((item) => allMissing(doc, table2Cells(item))).map((item) => ({
    table: 'table2' as const,
    row: item,
    cells: table2Cells(item),
    message: `表二缺少“${TABLE2_ITEM_LABELS[item]}”一行`,
  }));
}

function collapsedGroupFinding(doc: ReviewDocument, group: Table3Group): FindingDraft | null {
  const rows = table3GroupRows(group).filter((row) => allMissing(doc, table3Cells(row)));
  if (rows.length === 0 || collapsedOtherIsTheFormat(doc, group)) return null;
  return {
    table: 'table3',
    row: rows[0],
    rows,
    cells: rows.flatMap(table3Cells),
    message: `表三“${TABLE3_GROUP_LABELS[group]}”只填了一行合计，缺少其下 ${rows.length} 个细分行`,
  };
}

function table3Findings(doc: ReviewDocument): FindingDraft[] {
  if (doc.tables.table3.status !== 'found') return [];
  const collapsed = new Set<Table3Group>(collapsedGroups(doc));
  const findings: FindingDraft[] = [];
  for (const row of TABLE3_ROWS) {
    const group = table3GroupOf(row);
    if (group && collapsed.has(group)) {
      if (row === table3GroupRows(group)[0]) {
        const finding = collapsedGroupFinding(doc, group);
        if (finding) findings.push(finding);
      }
      continue;
    }
    if (!allMissing(doc, table3Cells(row))) continue;
    findings.push({ table: 'table3', row, cells: table3Cells(row), message: `表三缺少“${table3RowName(row)}”一行` });
  }
  return findings;
}

export const missingRow: Rule = {
  id: 'MISSING-ROW',
  severity: 'error',
  title: '表格缺行',
  description:
    '表二的 6 个项目或表三的 25 行中有一行在文件里找不到（例如漏掉“8.属于行政查询事项”，或把“（六）其他处理”合并成一行）。2019、2020 年度报告沿用 2019 年格式、（六）只有一行的，不作此提示。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表二、表三的行设置',
  check({ doc }) {
    return [...table2Findings(doc), ...table3Findings(doc)];
  },
};
