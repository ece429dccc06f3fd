/** Text normalisation used before any matching: Unicode NFKC, then whitespace folded or dropped. */

const WHITESPACE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]+/g;

/**
 * CJK Radicals Supplement forms that some PDF producers (Chromium among them) put in the text layer for
 * ordinary characters (⺠ for 民, ⻓ for 长). NFKC maps the Kangxi radicals but not this block.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺄': '乙', '⺅': '亻', '⺆': '冂', '⺈': '刀', '⺊': '卜', '⺌': '小', '⺍': '小', '⺎': '兀', '⺒': '巳',
  '⺓': '幺', '⺔': '彑', '⺕': '彐', '⺖': '忄', '⺗': '心', '⺘': '扌', '⺙': '攵', '⺛': '旡', '⺜': '日', '⺝': '月',
  '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬', '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛',
  '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示', '⺭': '礻', '⺮': '竹', '⺯': '糹', '⺰': '纟', '⺳': '罓',
  '⺴': '网', '⺶': '羊', '⺷': '羊', '⺹': '耂', '⺺': '肀', '⺻': '聿', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹',
  '⻀': '艹', '⻁': '虎', '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻇': '角', '⻈': '讠', '⻉': '贝',
  '⻊': '足', '⻋': '车', '⻌': '辶', '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长',
  '⻔': '门', '⻕': '阜', '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食',
  '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦', '⻩': '黄',
  '⻪': '黾', '⻬': '齐', '⻮': '齿', '⻰': '龙', '⻳': '龟',
};
const RADICAL_SUPPLEMENT_PATTERN = /[\u2e80-\u2eff]/g;

function nfkc(text: string): string {
  return text.normalize('NFKC').replace(RADICAL_SUPPLEMENT_PATTERN, (ch) => RADICAL_SUPPLEMENT[ch] ?? ch);
}

/** NFKC (full-width brackets, digits, colons; radicals to their ideographs) and folded whitespace. */
export function normalizeText(text: string): string {
  return nfkc(text).replace(WHITESPACE, ' ').trim();
}

/** NFKC with all whitespace removed: the form labels are compared in. */
export function compactText(text: string): string {
  return nfkc(text).replace(WHITESPACE, '');
}

const QUOTES = /["'“”‘’「」『』〝〞〃]/g;

/**
 * The form a table label is matched in: compact, quotes dropped, dashes unified, and the common
 * enumerators dropped from the start (“（一）”, “一、”, “1.”, “1、”, “(1)”).
 */
export function labelKey(text: string): string {
  return stripEnumerator(compactText(text).replace(QUOTES, '').replace(/[‐‑‒–—―]/g, '-'));
}

const ENUMERATOR = /^(?:\(?[一二三四五六七八九十]+\)|[一二三四五六七八九十]+[、.．]|\(?\d{1,2}\)|\d{1,2}[、.．](?!\d))/;

export function stripEnumerator(text: string): string {
  return text.replace(ENUMERATOR, '');
}

/** The enumerator at the start of a label (“（三）” → “三”, “2.” → “2”), or null. */
export function leadingEnumerator(text: string): string | null {
  const match = ENUMERATOR.exec(compactText(text));
  if (!match) return null;
  return match[0].replace(/[()、.．]/g, '');
}

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0, 零: 0, O: 0, o: 0, '○': 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/**
 * A number written in Chinese numerals as in dates: digit by digit (“二〇二四”) or with 十 (“十六”, “二十一”).
 * Returns null when the text is not such a number, or one too long to be exact.
 */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  if (text.includes('十')) {
    const [tens, units] = text.split('十');
    if (text.split('十').length !== 2) return null;
    const t = tens === '' ? 1 : CHINESE_DIGITS[tens];
    const u = units === '' ? 0 : CHINESE_DIGITS[units];
    if (t === undefined || u === undefined || tens.length > 1 || units.length > 1) return null;
    return t * 10 + u;
  }
  let value = 0;
  for (const ch of text) {
    const digit = CHINESE_DIGITS[ch];
    if (digit === undefined) return null;
    value = value * 10 + digit;
  }
  // Seventeen digits and more are past exact integers (and hundreds of them, Infinity): not a number read.
  return Number.isSafeInteger(value) ? value : null;
}
