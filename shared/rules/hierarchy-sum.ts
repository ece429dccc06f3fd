import type { Rule } from './rule';
import { allCanonicalCellIds, placeOfCell, table2CellId, type CellId } from '../model/ids';
import type { ReviewDocument } from '../model/review-document';
import { statedValue } from './arithmetic';
import { cellName } from '../model/labels';

/** Every count cell: all of tables 3 and 4, and table 2 except the fee amount (万元, not additive by rule). */
function countCells(): CellId[] {
  const fees = table2CellId('fees');
  return allCanonicalCellIds().filter((id) => id !== fees);
}

function sumOver(docs: ReviewDocument[], id: CellId): number | null {
  let sum = 0;
  for (const doc of docs) {
    const value = statedValue(doc, id);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

export const hierarchySum: Rule = {
  id: 'HIERARCHY-SUM',
  severity: 'warning',
  title: '汇总数与下级报告之和不符',
  description:
    '人民政府的汇总报告中，表二件数、表三、表四每一格应等于同一年度所属各公开主体报告相应数字之和（需一并载入全部下级报告）。',
  source: '地方通知（如怀化 2023：“县市区人民政府的年度报告要汇总本地所有公开主体的数据”）；审核实践',
  needs: 'subordinates',
  check({ doc, subordinates }) {
    if (!subordinates || subordinates.length === 0) return [];
    const docs = subordinates.map((related) => related.doc);
    return countCells().flatMap((id) => {
      const actual = statedValue(doc, id);
      const expected = sumOver(docs, id);
      if (actual === null || expected === null || actual === expected) return [];
      return [
        {
          ...placeOfCell(id),
          expected,
          actual,
          cells: [id],
          message: `“${cellName(id)}”：${subordinates.length} 份下级报告合计为 ${expected}，汇总报告填报为 ${actual}`,
        },
      ];
    });
  },
};
