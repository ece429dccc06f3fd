import type { Rule } from './rule';
import { placeOfCell } from '../model/ids';
import type { CellReading, ReviewDocument } from '../model/review-document';
import { cellName } from '../model/labels';
import { cellsInOrder } from './cells';
import { quoted } from './quote';

/**
 * A cell of a table that was found but could not be read (a row printed a cell short, a value under no
 * header): its value is not guessed, and the reviewer is told, like a bad value. Cells of an absent table
 * (MISSING-TABLE) or of a scan (NO-TEXT-LAYER) are not reported one by one.
 */
function isUnreadableInFoundTable(doc: ReviewDocument, reading: CellReading): boolean {
  if (reading.status !== 'unreadable') return false;
  const { table } = placeOfCell(reading.id);
  return doc.tables[table]?.status === 'found';
}

export const badValue: Rule = {
  id: 'BAD-VALUE',
  severity: 'error',
  title: '单元格数值不合规',
  description:
    '单元格中不是非负数：如负数、文字（“无”）、件数中出现小数；或表格中该格无法读取。行政事业性收费金额（万元）可以是小数。涉及该格的合计关系无法核对。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表二至表四（件数为非负整数，收费金额单位万元）',
  check({ doc }) {
    return cellsInOrder(doc)
      .filter((reading) => reading.status === 'bad' || isUnreadableInFoundTable(doc, reading))
      .map((reading) => {
        const place = { ...placeOfCell(reading.id), cells: [reading.id] };
        if (reading.status === 'unreadable') {
          return { ...place, message: `未能读出“${cellName(reading.id)}”一格的数值（表格中该位置没有对应的单元格），请对照原文核实` };
        }
        const raw = reading.raw ?? '';
        return { ...place, raw, message: `“${cellName(reading.id)}”一格填写为“${quoted(raw)}”，不是有效的非负数` };
      });
  },
};
