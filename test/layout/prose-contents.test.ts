/**
 * A table of contents (目录) before the report's text names every section heading, with leaders and page
 * numbers: those lines are not the headings, or every section would start there and hold nothing.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFiles } from '../../electron/services/check-files';
import { scoreCells, scoreFindings, type TruthFile } from '../bench/truth-score';
import { buildReviewDocument } from '../../shared/layout/build-review-document';
import { matchHeading } from '../../shared/layout/prose';

const paragraph = (text: string, i: number) => ({ type: 'paragraph' as const, text, source: { kind: 'docx-paragraph' as const, paragraph: i } });

const CONTENTS = [
  '目  录',
  '一、总体情况……………………………………1',
  '二、主动公开政府信息情况......................3',
  '三、收到和处理政府信息公开申请情况\t4',
  '四、政府信息公开行政复议、行政诉讼情况··········5',
  '五、政府信息公开工作存在的主要问题及改进情况 ____ 6',
  '六、其他需要报告的事项…… 6',
];

/** As a PDF gives them: the gap before the page number is no character at all. */
const CONTENTS_FROM_PDF = ['一、总体情况1', '二、主动公开政府信息情况 3', '六、其他需要报告的事项6'];

const BODY = [
  '一、总体情况',
  '本年度，本局坚持以公开为常态、不公开为例外。',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、政府信息公开工作存在的主要问题及改进情况',
  '一是公开内容不够全面；二是解读形式单一。下一步将加强培训。',
  '六、其他需要报告的事项',
  '本年度未收取信息处理费。',
  '某某县人民政府办公室',
  '2024年1月26日',
];

describe('a table of contents before the report', () => {
  it('does not take its lines for section headings', () => {
    for (const line of [...CONTENTS.slice(1), ...CONTENTS_FROM_PDF]) expect(matchHeading(line), line).toBeNull();
    expect(matchHeading('一、总体情况')?.section).toBe('一');
    expect(matchHeading('三、收到和处理政府信息公开申请情况')?.section).toBe('三');
  });

  it('judges a long run of leaders at once (found by fuzzing: 14 000 dots took 1.5 s)', () => {
    const started = performance.now();
    expect(matchHeading('.'.repeat(20_000))).toBeNull();
    expect(matchHeading(`一、总体情况${'…'.repeat(20_000)}1`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('finds the sections, their text and the signature in the body after it', () => {
    const doc = buildReviewDocument({ format: 'docx', blocks: ['某某县人民政府办公室2023年政府信息公开工作年度报告', ...CONTENTS, ...BODY].map(paragraph) });
    expect(doc.sections['五'].text).toContain('下一步将加强培训');
    expect(doc.sections['六'].text).toContain('未收取信息处理费');
    expect(doc.signature?.dateText).toBe('2024年1月26日');
    expect(doc.report.signedDate).toBe('2024-01-26');
  });
});

describe('a report with a table of contents, as Word and as PDF', () => {
  const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/transformed/${name}`, import.meta.url));

  it.each(['d10_contents.docx', 'd10_contents_pdf.pdf'])('%s reads as the report without it', async (name) => {
    const [result] = await checkFiles([fixture(name)]);
    const truth: TruthFile = JSON.parse(readFileSync(fixture(name.replace(/\.(docx|pdf)$/, '.truth.json')), 'utf8'));
    expect(result.status).toBe('checked');
    expect(scoreCells(result.status === 'checked' ? result.report : null, truth.report).wrong).toEqual([]);
    const score = scoreFindings(result.findings, truth.findings, truth.tolerated ?? []);
    expect([...score.falsePositives, ...score.falseNegatives]).toEqual([]);
  }, 60_000);
});
