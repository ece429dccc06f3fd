import type { Rule } from './rule';
import { sectionText } from './prose';
import { quoted } from './quote';

/** Words that mark a concrete problem or measure. */
const SUBSTANCE = /加强|完善|推进|提升|提高|建立|健全|规范|强化|落实|优化|改进|整改|培训|措施|下一步|不足|问题|有待|不够|将/;
const NOTHING = /^(无|暂无|没有|无问题|暂无问题|本年度无|略|无相关情况)$/;
/** Below this many characters a text that names no measure counts as empty. */
export const SECTION5_MIN_LENGTH = 30;

function plain(text: string): string {
  return text.replace(/[\p{P}\p{S}\s]/gu, '');
}

export function isEmptySection5(text: string): boolean {
  const body = plain(text);
  if (body === '' || NOTHING.test(body)) return true;
  return body.length < SECTION5_MIN_LENGTH && !SUBSTANCE.test(body);
}

export const section5Empty: Rule = {
  id: 'SECTION5-EMPTY',
  severity: 'warning',
  title: '“存在的主要问题及改进情况”空泛',
  description:
    '第五部分为空、只写“无”，或寥寥数语而没有具体问题和改进措施。报告应实事求是、明确具体地写出问题和改进举措。',
  source: '《政府信息公开条例》第五十条第（四）项；地方通知（如怀化 2023：明确具体，避免笼统模糊）',
  check({ doc }) {
    const section = doc.sections['五'];
    if (!section || section.heading == null) return [];
    const text = sectionText(doc, '五');
    if (!isEmptySection5(text)) return [];
    return [
      {
        section: '五' as const,
        ...(text ? { text } : {}),
        message: text
          ? `“五、存在的主要问题及改进情况”只写了“${quoted(text)}”，没有具体问题和改进措施`
          : '“五、存在的主要问题及改进情况”没有内容',
      },
    ];
  },
};
