import type { Rule } from './rule';
import type { ReviewDocument } from '../model/review-document';
import { compactText } from '../text/normalize';
import { isMisspeltOrgan, misspeltMentions } from './organ-name';
import { quoted } from './quote';

function referenceName(doc: ReviewDocument): string | null {
  return doc.organNames.signature ?? doc.report.organ ?? doc.organNames.title;
}

/** Body paragraphs, without the title and the signature lines (compared on their own). */
function bodyParagraphs(doc: ReviewDocument): string[] {
  const skip = new Set([doc.title?.text, doc.signature?.organ, doc.signature?.dateText].filter(Boolean).map((t) => compactText(t as string)));
  return doc.paragraphs.map((paragraph) => paragraph.text).filter((text) => !skip.has(compactText(text)));
}

export const organNameMismatch: Rule = {
  id: 'ORGAN-NAME-MISMATCH',
  severity: 'warning',
  title: '机关名称前后不一致',
  description:
    '标题、正文和落款中的机关名称写法不一致（如“政务服务大数据管理局”与“政务服务和大数据管理局”）。省略开头的地名（“地区机关事务管理局”）和规范简称（人社局、工信局、卫健委等）不在此列。',
  source: '审核实践（文字严谨、要素齐备）',
  check({ doc }) {
    const organ = referenceName(doc);
    if (!organ) return [];
    const { title, signature } = doc.organNames;
    const differences: string[] = [];
    if (title && signature && isMisspeltOrgan(title, signature)) differences.push(title);
    const budget = { places: 5_000 };
    for (const paragraph of bodyParagraphs(doc)) differences.push(...misspeltMentions(paragraph, organ, budget));
    const distinct = [...new Set(differences)];
    if (distinct.length === 0) return [];
    return [
      {
        expected: organ,
        actual: distinct[0],
        text: distinct.join('、'),
        message: `机关名称写法不一致：落款（或报告）为“${quoted(organ)}”，文中又写作“${distinct.slice(0, 5).map((name) => quoted(name)).join('”“')}”${distinct.length > 5 ? `等 ${distinct.length} 种写法` : ''}`,
      },
    ];
  },
};
