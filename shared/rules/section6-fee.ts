import type { Rule } from './rule';
import { sectionText } from './prose';

/** Any of these says something about the 信息处理费 position (收取/未收取/没有产生/均为0 …). */
const FEE_STATEMENT = /处理费|收费|收取费用|费用|缴费|计费/;

export function statesFee(text: string): boolean {
  return FEE_STATEMENT.test(text);
}

export const section6Fee: Rule = {
  id: 'SECTION6-FEE',
  severity: 'warning',
  title: '未说明信息处理费收取情况',
  description:
    '第六部分“其他需要报告的事项”应报告本年度收取信息处理费的情况（发出收费通知的件数和金额、实际收取的金额；未收取的应写明）。',
  source: '年度报告格式（国办公开办函〔2021〕30号）第六部分“收取信息处理费情况在此处报告”；国办函〔2020〕109号',
  check({ doc }) {
    const section = doc.sections['六'];
    if (!section || section.heading == null) return [];
    if (statesFee(sectionText(doc, '六'))) return [];
    return [{ section: '六' as const, message: '“六、其他需要报告的事项”没有说明本年度信息处理费的收取情况' }];
  },
};
