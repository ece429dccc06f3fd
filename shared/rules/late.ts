import type { Rule } from './rule';
import type { OrganKind } from '../model/review-document';
import type { CheckSettings } from '../model/settings';

const KIND_TEXT: Record<OrganKind, string> = {
  department: '县级以上人民政府部门',
  government: '县级以上地方人民政府',
  township: '乡镇人民政府、街道办事处',
  other: '本机关',
};

export function deadlineFor(kind: OrganKind, year: number, settings: CheckSettings): string {
  const monthDay =
    kind === 'department' ? settings.departmentDeadline : kind === 'government' ? settings.governmentDeadline : settings.otherDeadline;
  return `${year + 1}-${monthDay}`;
}

function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const late: Rule = {
  id: 'LATE',
  severity: 'warning',
  title: '报告晚于法定期限',
  description:
    '落款日期晚于公布期限：县级以上人民政府部门为次年 1 月 31 日，县级以上地方人民政府本级报告为次年 3 月 31 日；乡镇、街道等由审核单位设定（默认 1 月 31 日）。落款日期不一定是公布日期，请人工确认。',
  source: '《政府信息公开条例》第四十九条；国办公开办函〔2021〕30号“不按时发布”问责要求',
  check({ doc, settings }) {
    const { year, signedDate } = doc.report;
    if (year === null || signedDate === null) return [];
    const deadline = deadlineFor(doc.organKind, year, settings);
    if (signedDate <= deadline) return [];
    return [
      {
        signedDate,
        deadline,
        message: `落款日期为 ${chineseDate(signedDate)}，晚于${KIND_TEXT[doc.organKind]}的公布期限 ${chineseDate(deadline)}`,
      },
    ];
  },
};
