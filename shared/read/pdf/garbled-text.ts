/**
 * Text that pdf.js extracts but no one wrote: a font without a usable encoding map (no ToUnicode, codes not in
 * any standard encoding) yields its raw codes, read as Latin-1 letters, punctuation or stray scripts. A page of
 * a Chinese report holds ideographs, digits, ASCII and CJK punctuation; such a page has almost none of them.
 */

/** Characters a report's page is made of. */
const EXPECTED = /[\u0020-\u007e\u00a0-\u00bf\u00d7\u00f7\u2000-\u206f\u2150-\u218f\u2190-\u27bf\u2460-\u24ff\u2e80-\u2fdf\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;
const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/u;
const ASCII_SYMBOL = /[!-/:-@[-`{-~]/;

/** Fewer characters than this say too little to judge. */
const ENOUGH = 20;

export function isGarbledText(text: string): boolean {
  const characters = Array.from(text.replace(/\s+/g, ''));
  if (characters.length < ENOUGH) return false;
  let unexpected = 0;
  let ideographs = 0;
  let symbols = 0;
  for (const ch of characters) {
    if (!EXPECTED.test(ch)) unexpected++;
    else if (IDEOGRAPH.test(ch)) ideographs++;
    else if (ASCII_SYMBOL.test(ch)) symbols++;
  }
  const share = (n: number) => n / characters.length;
  // Raw codes read as Latin-1 come out as runs of ASCII punctuation among accented letters, and no ideograph.
  return share(unexpected) > 0.3 || (share(ideographs) < 0.05 && share(symbols) + share(unexpected) > 0.3);
}
