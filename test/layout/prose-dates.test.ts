/**
 * Dates at the end of a line (signatures): found by fuzzing, “0000年1月1日” as the signature date made the
 * report's signedDate “0-01-01” and its year NaN, an invalid report, so the review failed its contract.
 */
import { describe, expect, it } from 'vitest';
import { buildReviewDocument } from '../../shared/layout/build-review-document';
import { parseDateAtEnd } from '../../shared/layout/prose';
import { reportSchema } from '../../shared/model/report';

const paragraph = (text: string, i: number) => ({ type: 'paragraph' as const, text, source: { kind: 'docx-paragraph' as const, paragraph: i } });

describe('parseDateAtEnd', () => {
  it('reads dates in Arabic and Chinese numerals', () => {
    expect(parseDateAtEnd('2024年1月26日')?.iso).toBe('2024-01-26');
    expect(parseDateAtEnd('二〇二四年一月二十六日')?.iso).toBe('2024-01-26');
  });

  it('takes a year before 1000 for no date', () => {
    expect(parseDateAtEnd('0000年1月1日')).toBeNull();
    expect(parseDateAtEnd('〇〇〇〇年一月一日')).toBeNull();
    expect(parseDateAtEnd('0999年12月31日')).toBeNull();
  });

  it('never makes the report invalid, whatever the signature date says', () => {
    for (const date of ['0000年1月1日', '〇〇〇〇年一月一日', '9999年12月31日', '2024年13月45日']) {
      const doc = buildReviewDocument({ format: 'docx', blocks: ['某某局2023年政府信息公开工作年度报告', '一、总体情况', '二、主动公开政府信息情况', '某某局', date].map(paragraph) });
      expect(reportSchema.safeParse(doc.report).success, date).toBe(true);
    }
  });
});
