import type { Rule } from './rule';
import { placeOfCell } from '../model/ids';
import { cellName } from './cell-labels';
import { cellsInOrder } from './cells';

export const badValue: Rule = {
  id: 'BAD-VALUE',
  severity: 'error',
  title: '单元格数值不合规',
  description:
    '单元格中不是非负数：如负数、文字（“无”）、件数中出现小数。行政事业性收费金额（万元）可以是小数。涉及该格的合计关系无法核对。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表二至表四（件数为非负整数，收费金额单位万元）',
  check({ doc }) {
    return cellsInOrder(doc)
      .filter((reading) => reading.status === 'bad')
      .map((reading) => {
        const raw = reading.raw ?? '';
        return {
          ...placeOfCell(reading.id),
          cells: [reading.id],
          raw,
          message: `“${cellName(reading.id)}”一格填写为“${raw}”，不是有效的非负数`,
        };
      });
  },
};
