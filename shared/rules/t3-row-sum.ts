import type { Rule } from './rule';
import { relationCells, violatedTable3Relations, withRootCause } from './arithmetic-findings';
import { table3RowName } from '../model/labels';

export const t3RowSum: Rule = {
  id: 'T3-ROW-SUM',
  severity: 'error',
  title: '表三行合计不符',
  description:
    '表三每一行的“总计”应等于自然人与五类法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）六栏之和。空白格按 0 计；含错误值或无法识别的行不作判断。',
  source: '《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）表三“总计”栏',
  check({ doc }) {
    return violatedTable3Relations(doc, 'T3-ROW-SUM').map(({ result, rootCause }) =>
      withRootCause(
        {
          table: 'table3',
          row: result.key,
          column: 'total',
          expected: result.rightSum,
          actual: result.leftSum,
          cells: relationCells(result),
          message: `“${table3RowName(result.key)}”行：各类申请人之和为 ${result.rightSum}，总计栏为 ${result.leftSum}`,
        },
        rootCause,
      ),
    );
  },
};
