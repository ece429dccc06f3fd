import type { Rule } from './rule';

export const noDate: Rule = {
  id: 'NO-DATE',
  severity: 'warning',
  title: '报告没有落款日期',
  description:
    '报告末尾没有落款（成文或发布）日期，无法判断是否按期公布。正文中的统计期限、文号日期不算落款日期。',
  source: '审核实践；《政府信息公开条例》第四十九条（按期公布需可核查）',
  check({ doc }) {
    if (doc.report.signedDate !== null) return [];
    return [{ message: '报告没有落款日期，无法判断是否按期公布，请核实公布日期' }];
  },
};
