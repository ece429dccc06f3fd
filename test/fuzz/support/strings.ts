/** Strings that stress number parsing, normalisation, label matching and the prose patterns. */
import fc from 'fast-check';
import { LABELS, cellText } from './mutate-xml';

const numberish = fc
  .array(fc.constantFrom('0', '1', '9', '１', '９', ',', '，', '.', '．', '-', '+', ' ', '\u3000', '\u00a0', '件', '万元', '元', '/', '—', 'e', '〇', '十', '年', '月', '日', '第', '页'), { maxLength: 40 })
  .map((parts) => parts.join(''));

/** Long inputs of repeated pieces: where a regular expression could backtrack for ever. */
const repeated = fc
  .tuple(fc.constantFrom('1,', '1', ',', '-', '.', ' ', '1 ', '一', '十', '（', '(1)', '第1页', '年', '1件', '\u200b', 'a'), fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('', 'x', '!', '件', '1', '年'))
  .map(([piece, times, end]) => piece.repeat(times) + end);

const chineseDigits = fc.array(fc.constantFrom('〇', '零', '一', '二', '九', '十', '○', 'O'), { minLength: 1, maxLength: 5 }).map((digits) => digits.join(''));

/** Dates as signatures and periods write them, with years, months and days of any size. */
export const dateLike: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.oneof(fc.integer({ min: 0, max: 99_999 }), fc.constantFrom(0, 2023, 2024)), fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([y, m, d]) => `${String(y).padStart(4, '0')}年${m}月${d}日`),
  fc.tuple(chineseDigits, chineseDigits, chineseDigits).map(([y, m, d]) => `${y}年${m}月${d}日`),
  fc.integer({ min: 0, max: 99_999 }).map((y) => `统计期限为${y}年1月1日至${y}年12月31日`),
);

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 1, arbitrary: dateLike },
  { weight: 3, arbitrary: numberish },
  { weight: 2, arbitrary: cellText },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: repeated },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...LABELS), { maxLength: 4 }).map((parts) => parts.join('')) },
);

/** A paragraph of report prose: sentences of labels, figures and dates, or anything. */
export const proseParagraph: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(
      fc.oneof(
        fc.constantFrom('本年度共收到政府信息公开申请', '上年结转', '予以公开', '不予公开', '被申请行政复议', '被提起行政诉讼', '办结', '未收到政府信息公开申请', '无上年结转申请', '制发规范性文件', '现行有效', '行政许可', '统计期限为2023年1月1日至2023年12月31日', '二〇二四年一月二十日', '2024年13月45日'),
        fc.integer({ min: 0, max: 100_000 }).map((n) => `${n}件`),
        fc.constantFrom('，', '。', '；', '、', '：'),
        hostileString,
      ),
      { maxLength: 30 },
    )
    .map((parts) => parts.join('')),
  hostileString,
);
