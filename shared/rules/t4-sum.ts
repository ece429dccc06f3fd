import type { Rule } from './rule';
import type { Table4Group } from '../model/ids';
import { TABLE4_GROUP_LABELS } from '../model/labels';
import { evaluate, isViolated, table4Relations } from './arithmetic';
import { relationCells } from './arithmetic-findings';

export const t4Sum: Rule = {
  id: 'T4-SUM',
  severity: 'error',
  title: '表四合计不符',
  description:
    '表四行政复议、未经复议直接起诉、复议后起诉三组中，每组“总计”应等于结果维持、结果纠正、其他结果、尚未审结四栏之和。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表四“总计”栏',
  check({ doc }) {
    return table4Relations()
      .map((relation) => evaluate(doc, relation))
      .filter(isViolated)
      .map((result) => ({
        table: 'table4' as const,
        group: result.key,
        column: 'total',
        expected: result.rightSum,
        actual: result.leftSum,
        cells: relationCells(result),
        message: `“${TABLE4_GROUP_LABELS[result.key as Table4Group]}”：四项结果之和为 ${result.rightSum}，总计栏为 ${result.leftSum}`,
      }));
  },
};
