import type { Rule } from './rule';
import type { FindingDraft } from '../model/finding';
import { TABLE_TITLES } from '../model/labels';
import { quoted } from './quote';

type OldFormatTable = 'table2' | 'table3';

function tablesWithMarkers(markers: { table: OldFormatTable; marker: string }[]): Map<OldFormatTable, string[]> {
  const byTable = new Map<OldFormatTable, string[]>();
  for (const { table, marker } of markers) byTable.set(table, [...(byTable.get(table) ?? []), marker]);
  return byTable;
}

export const oldFormat: Rule = {
  id: 'OLD-FORMAT',
  severity: 'error',
  title: '使用了旧版表格格式',
  description:
    '2021 年度及以后的报告仍使用 2019 年旧格式（国办公开办函〔2019〕60号）的表格，如“本年新制作数量”“对外公开总数量”“上一年项目数量”“政府集中采购”或只有一行的“（六）其他处理”。2019、2020 年度报告使用旧格式是正常的。',
  source: '国办公开办函〔2021〕30号（新格式）取代国办公开办函〔2019〕60号',
  check({ doc }) {
    const year = doc.report.year;
    if (year !== null && year < 2021) return [];
    const byTable = tablesWithMarkers(doc.oldFormatMarkers);
    if (byTable.size === 0 && doc.report.format === '2019') byTable.set('table3', []);
    const findings: FindingDraft[] = [];
    for (const table of ['table2', 'table3'] as const) {
      const markers = byTable.get(table);
      if (!markers) continue;
      const shown = markers.length > 0 ? `（如“${[...new Set(markers)].slice(0, 3).map((marker) => quoted(marker)).join('”“')}”）` : '';
      findings.push({
        table,
        message: `${TABLE_TITLES[table]}使用的是 2019 年旧格式${shown}，${year ?? '本'}年度报告应使用 2021 年新格式`,
      });
    }
    return findings;
  },
};
