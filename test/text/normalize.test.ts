/** Edge cases of the text layer found by the fuzz suite (test/fuzz/text.fuzz.ts). */
import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../../shared/text/normalize';
import { claimsOf } from '../../shared/rules/text-claims';

describe('parseChineseNumber', () => {
  it('reads years and dates digit by digit or with 十', () => {
    expect(parseChineseNumber('二〇二四')).toBe(2024);
    expect(parseChineseNumber('二十一')).toBe(21);
  });

  it('gives null for a number too long to be exact, not an approximation or Infinity', () => {
    expect(parseChineseNumber('一'.repeat(16))).toBe(1111111111111111);
    expect(parseChineseNumber('一'.repeat(17))).toBeNull();
    expect(parseChineseNumber('九'.repeat(400))).toBeNull();
  });
});

describe('figures in prose', () => {
  it('a long run of digits without a counter is read in linear time (it was quadratic: 12 000 digits took 0.4 s)', () => {
    const started = performance.now();
    expect([...claimsOf(`收到申请${'1'.repeat(200_000)}x`)]).toEqual([]);
    expect(performance.now() - started).toBeLessThan(500);
    expect([...claimsOf('收到申请12件，其中予以公开3件')].map((claim) => claim.stated)).toEqual([12, 3]);
  });
});
