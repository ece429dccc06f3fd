import type { Rule } from './rule';
import { placeOfCell } from '../model/ids';
import { cellName } from '../model/labels';
import { cellsInOrder } from './cells';
import { quoted } from './quote';

export const blankCell: Rule = {
  id: 'BLANK-CELL',
  severity: 'warning',
  title: '表格单元格空白',
  description:
    '表格中应填数字的单元格为空，或只写了“/”“—”等占位符。没有发生的事项应填写 0。计算合计时空白按 0 计。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表二至表四；审核实践（数据应报尽报，无数据填 0）',
  check({ doc }) {
    return cellsInOrder(doc)
      .filter((reading) => reading.status === 'blank')
      .map((reading) => {
        const raw = reading.raw?.trim() ?? '';
        return {
          ...placeOfCell(reading.id),
          cells: [reading.id],
          ...(raw ? { raw } : {}),
          message: raw
            ? `“${cellName(reading.id)}”一格填写为“${quoted(raw)}”，应填写数字（没有则填 0）`
            : `“${cellName(reading.id)}”一格为空，应填写数字（没有则填 0）`,
        };
      });
  },
};
