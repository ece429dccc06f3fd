/**
 * OCR post-correction of table labels against the official template's wording: a label read with a character
 * or two wrong (规守 for 规章, 日然人 for 自然人) is put back to the template's label it is nearest to, so the
 * mapping finds its row or column. Only labels: values are never corrected, and a reading far from every
 * template label is left as read.
 */
import {
  SECTION_TITLES,
  TABLE2_COLUMN_LABELS,
  TABLE2_ITEM_LABELS,
  TABLE3_COLUMN_LABELS,
  TABLE3_GROUP_LABELS,
  TABLE3_ROW_LABELS,
  TABLE4_COLUMN_LABELS,
} from '../../model/labels';

/** The template's other header words (table headings, the item captions of table 2, table 4's groups). */
const HEADERS = [
  '信息内容',
  '本年处理决定数量',
  '本年收费金额（单位：万元）',
  '第二十条第（一）项',
  '第二十条第（五）项',
  '第二十条第（六）项',
  '第二十条第（八）项',
  '申请人情况',
  '法人或其他组织',
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  '三、本年度办理结果',
  '行政复议',
  '行政诉讼',
  '未经复议直接起诉',
  '复议后起诉',
];

const LABELS = [
  ...Object.values(TABLE2_ITEM_LABELS),
  ...Object.values(TABLE2_COLUMN_LABELS),
  ...Object.values(TABLE3_COLUMN_LABELS),
  ...Object.values(TABLE3_ROW_LABELS),
  ...Object.values(TABLE3_GROUP_LABELS),
  ...Object.values(TABLE4_COLUMN_LABELS),
  ...Object.values(SECTION_TITLES),
  ...HEADERS,
];

/** Enumerators, punctuation and spaces dropped: the characters that carry the label. */
function core(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/^\s*(?:[（(]?[一二三四五六七八九十]+[）)、.]|\d+\s*[.．、])\s*/, '')
    .replace(/[\s、，,。.．：:；;()（）《》〈〉【】\[\]“”"'‘’·・/\\\-—_|]/g, '');
}

const LEXICON = [...new Set(LABELS)].map((label) => ({ label, core: core(label) })).filter((entry) => entry.core.length > 0);

function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length];
}

/**
 * The template label an OCR'd label stands for, or the reading as it is: a label whose characters differ from
 * one template label's in at most a third of them (one in a label of two or three), and from every other more.
 */
export function snapLabel(text: string): string {
  const read = core(text);
  if (read.length < 2) return text;
  let best: { label: string; core: string; distance: number } | null = null;
  let tie = false;
  for (const entry of LEXICON) {
    const limit = Math.max(1, Math.floor(entry.core.length / 3));
    const d = distance(read, entry.core, limit);
    if (d > limit) continue;
    if (!best || d < best.distance) {
      best = { ...entry, distance: d };
      tie = false;
    } else if (d === best.distance && entry.core !== best.core) tie = true;
  }
  if (!best || tie || best.distance === 0) return text;
  return best.label;
}
