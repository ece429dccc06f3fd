import type { Rule } from './rule';
import type { ReviewDocument } from '../model/review-document';
import { PLAN_WORDS, firstYear, leadingYear, paragraphsIn, sentences } from './prose';

interface YearEvidence {
  where: string;
  year: number;
  text: string;
}

/** A sentence that reports statistics: it states a count (N件/条/份/篇/次) or a zero phrase. */
const STATES_COUNTS = /\d+(?:件|条|份|篇|次|个)|未收到|未发生|未收取/;

function titleEvidence(doc: ReviewDocument): YearEvidence[] {
  const year = doc.title ? firstYear(doc.title.text) : null;
  return year === null || !doc.title ? [] : [{ where: '标题', year, text: doc.title.text }];
}

function periodEvidence(doc: ReviewDocument): YearEvidence[] {
  const period = doc.statisticsPeriod;
  if (!period) return [];
  const years = [...new Set([period.fromYear, period.toYear])];
  return years.map((year) => ({ where: '统计期限', year, text: period.text }));
}

/** Statistics sentences of section 一 that open with a year; plans (将/计划/拟/下一步 …) are not statistics. */
function sentenceEvidence(doc: ReviewDocument): YearEvidence[] {
  return paragraphsIn(doc, ['一'])
    .flatMap(sentences)
    .flatMap((sentence) => {
      const year = leadingYear(sentence);
      if (year === null || PLAN_WORDS.test(sentence) || !STATES_COUNTS.test(sentence)) return [];
      return [{ where: '正文', year, text: sentence }];
    });
}

function referenceYear(doc: ReviewDocument): number | null {
  if (doc.report.year !== null) return doc.report.year;
  return doc.title ? firstYear(doc.title.text) : null;
}

export const yearMismatch: Rule = {
  id: 'YEAR-MISMATCH',
  severity: 'warning',
  title: '年份前后不一致',
  description:
    '标题年份、统计期限或“一、总体情况”中以年份开头的统计语句与报告年度不一致（可能沿用了往年模板）。“2024年，将……”之类的工作计划不在此列。',
  source: '审核实践（年度报告统计时段为上一年度 1 月 1 日至 12 月 31 日；地方标准 DB51/T 2660—2019 §2.1）',
  check({ doc }) {
    const year = referenceYear(doc);
    if (year === null) return [];
    const evidence = [...titleEvidence(doc), ...periodEvidence(doc), ...sentenceEvidence(doc)];
    const wrong = evidence.filter((item) => item.year !== year);
    if (wrong.length === 0) return [];
    const first = wrong[0];
    const places = [...new Set(wrong.map((item) => `${item.where}写作 ${item.year} 年`))].join('，');
    return [
      {
        expected: year,
        actual: first.year,
        text: first.text,
        message: `报告年度为 ${year} 年，但${places}（如“${first.text.slice(0, 40)}”）`,
      },
    ];
  },
};
