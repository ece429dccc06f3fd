/**
 * Comparing organ names: standard abbreviations and a dropped leading region are the same organ; a
 * near-identical name that differs in a character or two (政务服务大数据管理局 vs 政务服务和大数据管理局) is not.
 */
import { compactText } from '../text/normalize';

/** Long forms and their standard short forms; both names are reduced to the short form before comparing. */
const ABBREVIATIONS: [RegExp, string][] = [
  [/人力资源和社会保障/g, '人社'],
  [/工业和信息化/g, '工信'],
  [/住房和城乡建设/g, '住建'],
  [/住房城乡建设/g, '住建'],
  [/自然资源和规划/g, '自然资源'],
  [/卫生和?健康委员会|卫生健康委/g, '卫健委'],
  [/发展和改革委员会|发展改革委员会|发展改革委/g, '发改委'],
  [/市场监督管理/g, '市场监管'],
  [/交通运输/g, '交通'],
  [/农业农村/g, '农业'],
  [/文化广电体育和旅游|文化广电和旅游|文化体育和旅游|文化和旅游/g, '文旅'],
  [/退役军人事务/g, '退役军人'],
  [/医疗保障/g, '医保'],
  [/科学技术/g, '科技'],
  [/教育和体育/g, '教体'],
  [/应急管理/g, '应急'],
  [/民族宗教事务/g, '民宗'],
  [/生态环境/g, '环境'],
  [/人民政府/g, '政府'],
  [/委员会/g, '委'],
  [/街道办事处|街道办/g, '街道'],
];

export function canonicalOrganName(name: string): string {
  let text = compactText(name).replace(/[“”"'‘’《》〈〉()（）]/g, '');
  for (const [pattern, short] of ABBREVIATIONS) text = text.replace(pattern, short);
  return text;
}

/** Same organ: equal after abbreviation, or one is the other with its leading region dropped. */
export function sameOrgan(a: string, b: string): boolean {
  const x = canonicalOrganName(a);
  const y = canonicalOrganName(b);
  if (x === y) return true;
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  return short.length >= 4 && long.endsWith(short);
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function commonSuffix(a: string, b: string, limit: number): number {
  let n = 0;
  while (n < limit && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Characters that start a different administrative level: a difference in them is another organ. */
const REGION_CHARS = /[省市县区州盟旗镇乡村街]/;

/**
 * Near-identical but different: same start (≥ 2 characters) and same end (≥ 2), and what differs in the
 * middle is at most 2 characters on each side and names no administrative level.
 */
export function nearIdentical(a: string, b: string): boolean {
  if (a === b) return false;
  const prefix = commonPrefix(a, b);
  const suffix = commonSuffix(a, b, Math.min(a.length, b.length) - prefix);
  const middleA = a.slice(prefix, a.length - suffix);
  const middleB = b.slice(prefix, b.length - suffix);
  if (prefix < 2 || suffix < 2) return false;
  if (middleA.length > 2 || middleB.length > 2) return false;
  return !REGION_CHARS.test(middleA + middleB);
}

/** A written name that is near-identical to the organ's but not the same organ. */
export function isMisspeltOrgan(written: string, organ: string): boolean {
  return nearIdentical(compactText(written), compactText(organ)) && !sameOrgan(written, organ);
}

const CJK_RUN = /[\u3400-\u9fff]+/g;

/** Longer “names” are no organ's (a signature or title line is at most 40 characters). */
const MAX_ORGAN_LENGTH = 60;

/** How many places a text's mentions are looked for in, all paragraphs together (`misspeltMentions`'s budget). */
export interface MentionBudget {
  places: number;
}

/**
 * Mentions in a text that look like the organ's name written differently: for every place where the
 * organ's last two characters occur, the windows of about the organ's length ending there are compared;
 * the place is fine when any window is the organ (or an abbreviation / a region-less form of it). At most
 * `budget.places` places are looked at: a hostile text repeats the two characters millions of times.
 */
export function misspeltMentions(text: string, organ: string, budget: MentionBudget = { places: 5_000 }): string[] {
  const name = compactText(organ);
  if (name.length < 4 || name.length > MAX_ORGAN_LENGTH) return [];
  const tail = name.slice(-2);
  const found: string[] = [];
  for (const run of compactText(text).match(CJK_RUN) ?? []) {
    for (let end = run.indexOf(tail); end >= 0; end = run.indexOf(tail, end + 1)) {
      if (--budget.places < 0) return [...new Set(found)];
      const windows = windowsEndingAt(run, end + tail.length, name.length);
      if (windows.some((window) => sameOrgan(window, name))) continue;
      const wrong = windows.find((window) => isMisspeltOrgan(window, name));
      if (wrong) found.push(wrong);
    }
  }
  return [...new Set(found)];
}

function windowsEndingAt(run: string, end: number, length: number): string[] {
  const windows: string[] = [];
  for (let size = length - 2; size <= length + 2; size++) {
    const start = Math.max(0, end - size);
    windows.push(run.slice(start, end));
  }
  return [...new Set(windows)];
}
