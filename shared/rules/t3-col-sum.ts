import type { Rule } from './rule';
import { relationCells, violatedTable3Relations, withRootCause } from './arithmetic-findings';
import { table3ColumnName } from '../model/labels';

export const t3ColSum: Rule = {
  id: 'T3-COL-SUM',
  severity: 'error',
  title: '表三办理结果合计不符',
  description:
    '表三每一列的“（七）总计”应等于（一）予以公开至（六）其他处理共 21 个办理结果行之和（“区分处理的，只计这一情形”，每件申请只计入一个结果）。空白格按 0 计；含错误值或无法识别的列不作判断。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表三“（七）总计”行及“只计这一情形，不计其他情形”的说明',
  check({ doc }) {
    return violatedTable3Relations(doc, 'T3-COL-SUM').map(({ result, rootCause }) =>
      withRootCause(
        {
          table: 'table3',
          row: 'resultTotal',
          column: result.key,
          expected: result.rightSum,
          actual: result.leftSum,
          cells: relationCells(result),
          message: `“${table3ColumnName(result.key)}”列：（一）至（六）各项办理结果之和为 ${result.rightSum}，（七）总计为 ${result.leftSum}`,
        },
        rootCause,
      ),
    );
  },
};
