import type { Rule } from './rule';
import { TABLE3_COLUMNS, table3CellId } from '../model/ids';
import { statedValue } from './arithmetic';
import { table3ColumnName } from '../model/labels';
import { comparedWith, comparedWithText, isPreviousYear } from './related';

export const carryMismatch: Rule = {
  id: 'CARRY-MISMATCH',
  severity: 'error',
  title: '上年结转与上年报告不符',
  description:
    '本年报告表三“二、上年结转政府信息公开申请数量”应等于同一机关上一年度报告的“四、结转下年度继续办理”。机构改革、合并等情况可由审核人员确认后忽略。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表三第二项与第四项；跨年度核对实践',
  needs: 'previous',
  check({ doc, previous }) {
    if (!previous || !isPreviousYear(doc.report.year, previous.doc.report.year)) return [];
    const other = comparedWithText(previous, '上年报告');
    return TABLE3_COLUMNS.flatMap((column) => {
      const thisYear = statedValue(doc, table3CellId('carriedOver', column));
      const lastYear = statedValue(previous.doc, table3CellId('carriedForward', column));
      if (thisYear === null || lastYear === null || thisYear === lastYear) return [];
      return [
        {
          table: 'table3' as const,
          row: 'carriedOver',
          column,
          expected: lastYear,
          actual: thisYear,
          thisYear,
          lastYear,
          cells: [table3CellId('carriedOver', column)],
          ...comparedWith(previous),
          message: `“${table3ColumnName(column)}”列：本年上年结转为 ${thisYear}，${other}结转下年度为 ${lastYear}`,
        },
      ];
    });
  },
};
