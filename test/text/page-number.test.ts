import { describe, expect, it } from 'vitest';
import { isPageNumber } from '../../shared/text/page-number';

describe('isPageNumber', () => {
  it('knows the page-number lines of reports', () => {
    for (const text of ['— 3 —', '- 3 -', '3', '第3页', '第 3 页', '3/5', '第3页/共5页', '－１２－']) expect(isPageNumber(text), text).toBe(true);
  });

  it('leaves dates, organ names and prose alone', () => {
    for (const text of ['2024年1月16日', '和田地区机关事务管理局', '共3件', '一、总体情况']) expect(isPageNumber(text), text).toBe(false);
  });
});
