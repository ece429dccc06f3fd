import type { Rule } from './rule';
import { SECTIONS } from '../model/ids';
import { SECTION_TITLES } from '../model/labels';

export const missingSection: Rule = {
  id: 'MISSING-SECTION',
  severity: 'error',
  title: '缺少报告部分',
  description:
    '年度报告应包括一、总体情况至六、其他需要报告的事项共六个部分。找不到某一部分的标题时提示（标题的常见写法变体视为存在）。',
  source: '《政府信息公开条例》第五十条；国办公开办函〔2021〕30号“不能遗漏”',
  check({ doc }) {
    return SECTIONS.filter((id) => doc.sections[id]?.heading == null).map((id) => ({
      section: id,
      message: `报告中找不到第${id}部分“${SECTION_TITLES[id]}”`,
    }));
  },
};
