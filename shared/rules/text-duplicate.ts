import type { Rule } from './rule';
import type { SectionId } from '../model/ids';
import { SECTION_TITLES } from '../model/labels';
import type { ReviewDocument } from '../model/review-document';
import { sectionText } from './prose';
import { comparedWith, comparedWithText } from './related';

/** Share of this year's text (as 6-character shingles) that also occurs in last year's; above it: finding. */
export const DUPLICATE_THRESHOLD = 0.5;
const SHINGLE = 6;
/** Shorter texts are not compared (a sentence or two are alike in every report). */
const MIN_LENGTH = 40;

/**
 * A section is some thousands of characters; only this many are compared (a hostile one of twenty million would
 * take gigabytes of shingles).
 */
const MAX_COMPARED = 200_000;

function comparable(text: string): string {
  return text.slice(0, MAX_COMPARED * 2).replace(/[\p{P}\p{S}\d]/gu, '').slice(0, MAX_COMPARED);
}

function shingles(text: string): Set<string> {
  const set = new Set<string>();
  for (let i = 0; i + SHINGLE <= text.length; i++) set.add(text.slice(i, i + SHINGLE));
  return set;
}

export function duplicateShare(thisYear: string, lastYear: string): number {
  const mine = shingles(comparable(thisYear));
  const theirs = shingles(comparable(lastYear));
  if (mine.size === 0) return 0;
  let shared = 0;
  for (const shingle of mine) if (theirs.has(shingle)) shared++;
  return shared / mine.size;
}

function sectionShare(doc: ReviewDocument, previous: ReviewDocument, id: SectionId): number | null {
  const mine = sectionText(doc, id);
  const theirs = sectionText(previous, id);
  if (comparable(mine).length < MIN_LENGTH || comparable(theirs).length < MIN_LENGTH) return null;
  return duplicateShare(mine, theirs);
}

export const textDuplicate: Rule = {
  id: 'TEXT-DUPLICATE',
  severity: 'warning',
  title: '文字与上年报告雷同',
  description:
    '“一、总体情况”或“五、存在的主要问题及改进情况”与同一机关上年报告的相应部分重复超过一半，可能照搬上年内容。',
  source: '国办公开办函〔2021〕30号“内容雷同、敷衍塞责”问责要求；地方考核细则（如宿迁：与上年度重复率大于50%扣分）',
  needs: 'previous',
  check({ doc, previous }) {
    if (!previous) return [];
    const other = comparedWithText(previous, '上年报告');
    return (['一', '五'] as const).flatMap((id) => {
      const share = sectionShare(doc, previous.doc, id);
      if (share === null || share <= DUPLICATE_THRESHOLD) return [];
      const percent = Math.round(share * 100);
      return [
        {
          section: id,
          actual: percent,
          expected: Math.round(DUPLICATE_THRESHOLD * 100),
          ...comparedWith(previous),
          message: `“${SECTION_TITLES[id]}”约 ${percent}% 的文字与${other}相同`,
        },
      ];
    });
  },
};
