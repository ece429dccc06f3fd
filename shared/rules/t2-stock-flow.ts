import type { Rule } from './rule';
import { TABLE2_DOCUMENT_ITEMS, table2CellId } from '../model/ids';
import { TABLE2_ITEM_LABELS } from '../model/labels';
import { statedValue } from './arithmetic';
import { comparedWith, comparedWithText, isPreviousYear } from './related';

export const t2StockFlow: Rule = {
  id: 'T2-STOCK-FLOW',
  severity: 'warning',
  title: '现行有效件数与上年不衔接',
  description:
    '规章、行政规范性文件的本年“现行有效件数”一般应等于上年现行有效件数 + 本年制发件数 − 本年废止件数。文件到期失效等情况可能造成合理差异，请人工确认。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表二第二十条第（一）项各栏含义（推断）',
  needs: 'previous',
  check({ doc, previous }) {
    if (!previous || !isPreviousYear(doc.report.year, previous.doc.report.year)) return [];
    const other = comparedWithText(previous, '上年报告');
    return TABLE2_DOCUMENT_ITEMS.flatMap((item) => {
      const inForce = statedValue(doc, table2CellId(item, 'inForce'));
      const issued = statedValue(doc, table2CellId(item, 'issued'));
      const repealed = statedValue(doc, table2CellId(item, 'repealed'));
      const lastInForce = statedValue(previous.doc, table2CellId(item, 'inForce'));
      if (inForce === null || issued === null || repealed === null || lastInForce === null) return [];
      const expected = lastInForce + issued - repealed;
      if (expected === inForce) return [];
      return [
        {
          table: 'table2' as const,
          row: item,
          column: 'inForce',
          expected,
          actual: inForce,
          thisYear: inForce,
          lastYear: lastInForce,
          cells: [table2CellId(item, 'inForce'), table2CellId(item, 'issued'), table2CellId(item, 'repealed')],
          ...comparedWith(previous),
          message: `“${TABLE2_ITEM_LABELS[item]}”：${other}现行有效 ${lastInForce} 件，加本年制发 ${issued} 件、减废止 ${repealed} 件应为 ${expected} 件，本年填报现行有效 ${inForce} 件`,
        },
      ];
    });
  },
};
