import type { Rule } from './rule';
import type { FindingDraft } from '../model/finding';
import type { ReviewDocument } from '../model/review-document';
import { statedSum } from './arithmetic';
import { paragraphsIn } from './prose';
import { claimsOf, type TextClaim } from './text-claims';
import { quoted } from './quote';

/** The table figures a claim can be compared with (assessable alternatives only). */
function tableFigures(doc: ReviewDocument, claim: TextClaim): number[] {
  return claim.target.alternatives.map((cells) => statedSum(doc, cells)).filter((sum): sum is number => sum !== null);
}

function findingOf(claim: TextClaim, inTable: number): FindingDraft {
  const { place, alternatives, label } = claim.target;
  return {
    ...place,
    stated: claim.stated,
    inTable,
    expected: inTable,
    actual: claim.stated,
    text: claim.text,
    cells: alternatives[0],
    message: `正文“${quoted(claim.text)}”与表格不符：表中${label}为 ${inTable}`,
  };
}

/**
 * A report states a few dozen figures in its prose. Past this many, the rest are not compared: a hostile or
 * broken document can state a million (“收到申请12件” over and over), each a finding.
 */
export const MAX_CLAIMS = 1_000;

export const textTableMismatch: Rule = {
  id: 'TEXT-TABLE-MISMATCH',
  severity: 'warning',
  title: '正文数字与表格不一致',
  description:
    '“一、总体情况”、“六、其他需要报告的事项”及导语中写明的数字（如“全年共收到政府信息公开申请N件”“予以公开N件”“被申请行政复议N件”“未收到政府信息公开申请”）与表格不一致。“收到N件”既可指本年新收，也可指新收加上年结转，两者之一相符即可。',
  source: '国办公开办函〔2021〕30号“发布内容不准确”问责要求；审核实践（数据精确，文表一致）',
  check({ doc }) {
    const findings: FindingDraft[] = [];
    let examined = 0;
    for (const paragraph of paragraphsIn(doc, [null, '一', '六'])) {
      for (const claim of claimsOf(paragraph)) {
        if (++examined > MAX_CLAIMS) return findings;
        const figures = tableFigures(doc, claim);
        if (figures.length === 0 || figures.includes(claim.stated)) continue;
        findings.push(findingOf(claim, figures[0]));
      }
    }
    return findings;
  },
};
