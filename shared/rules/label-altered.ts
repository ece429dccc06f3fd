import type { Rule } from './rule';
import { TABLE_TITLES } from '../model/labels';
import type { LabelReading } from '../model/review-document';
import { quoted } from './quote';

function placeOfLabel(label: LabelReading): { row?: string; column?: string; group?: string } {
  if (label.kind === 'row') return { row: label.id };
  if (label.kind === 'column') return { column: label.id };
  if (label.kind === 'group') return label.table === 'table4' ? { group: label.id } : { row: label.id };
  return {};
}

export const labelAltered: Rule = {
  id: 'LABEL-ALTERED',
  severity: 'warning',
  title: '表格项目名称被改动',
  description:
    '表格的行名或列名与格式不一致，且不属于常见的无害写法差异（如全角半角、“规范性文件”与“行政规范性文件”）：如错别字“本年度止件数”、截断“要求提供公开出版”、多出的字符。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表格项目名称',
  check({ doc }) {
    return doc.labels
      .filter((label) => label.status === 'altered')
      .map((label) => {
        const place = placeOfLabel(label);
        return {
          table: label.table,
          ...place,
          raw: label.actual,
          expected: label.expected,
          actual: label.actual,
          message: `${TABLE_TITLES[label.table]}中“${quoted(label.actual)}”与格式的“${quoted(label.expected)}”不一致`,
        };
      });
  },
};
