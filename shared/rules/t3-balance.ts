import type { Rule } from './rule';
import { relationCells, violatedTable3Relations, withRootCause } from './arithmetic-findings';
import { table3ColumnName } from '../model/labels';

export const t3Balance: Rule = {
  id: 'T3-BALANCE',
  severity: 'error',
  title: '表三收支不平衡',
  description:
    '表三每一列应满足：一、本年新收 + 二、上年结转 = 三、（七）总计 + 四、结转下年度继续办理（格式表头注明“第一项加第二项之和，等于第三项加第四项之和”）。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表三左上角勾稽关系说明',
  check({ doc }) {
    return violatedTable3Relations(doc, 'T3-BALANCE').map(({ result, rootCause }) =>
      withRootCause(
        {
          table: 'table3',
          column: result.key,
          expected: result.leftSum,
          actual: result.rightSum,
          cells: relationCells(result),
          message: `“${table3ColumnName(result.key)}”列：新收加上年结转为 ${result.leftSum}，办理结果总计加结转下年度为 ${result.rightSum}`,
        },
        rootCause,
      ),
    );
  },
};
