import type { Rule } from './rule';
import { allCanonicalCellIds, placeOfCell } from '../model/ids';
import { statedValue } from './arithmetic';
import { cellName } from '../model/labels';
import { comparedWith, isPreviousYear } from './related';

/** Changes are only shown when at least one of the two values reaches this floor (small counts jump easily). */
export const YOY_FLOOR = 20;
export const YOY_HIGH = 5;
export const YOY_LOW = 0.2;

function isOutlier(thisYear: number, lastYear: number): boolean {
  if (lastYear === 0) return false;
  if (Math.max(thisYear, lastYear) < YOY_FLOOR) return false;
  const ratio = thisYear / lastYear;
  return ratio > YOY_HIGH || ratio < YOY_LOW;
}

export const yoyOutlier: Rule = {
  id: 'YOY-OUTLIER',
  severity: 'info',
  title: '数据与上年相比变化异常',
  description: `某一数字超过上年的 5 倍或不足上年的 0.2 倍，提请核实是否填错。上年为 0 或两年数字都小于 ${YOY_FLOOR} 的不提示。`,
  source: '审核实践（同比突变核查，如 >5 倍或 <0.2 倍）',
  needs: 'previous',
  check({ doc, previous }) {
    if (!previous || !isPreviousYear(doc.report.year, previous.doc.report.year)) return [];
    return allCanonicalCellIds().flatMap((id) => {
      const thisYear = statedValue(doc, id);
      const lastYear = statedValue(previous.doc, id);
      if (thisYear === null || lastYear === null || !isOutlier(thisYear, lastYear)) return [];
      return [
        {
          ...placeOfCell(id),
          thisYear,
          lastYear,
          cells: [id],
          ...comparedWith(previous),
          message: `“${cellName(id)}”本年为 ${thisYear}，上年为 ${lastYear}，变化幅度较大，请核实`,
        },
      ];
    });
  },
};
