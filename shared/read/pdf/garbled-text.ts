/**
 * Text that pdf.js extracts but no one wrote: a font without a usable encoding map (no ToUnicode, codes not in
 * any standard encoding) yields its raw codes, read as Latin-1 letters, punctuation or stray scripts. A page of
 * a Chinese report holds ideographs, digits, ASCII and CJK punctuation; such a page has almost none of them.
 */

/** Fewer characters than this say too little to judge. */
const ENOUGH = 20;

type Kind = 'ideograph' | 'symbol' | 'expected' | 'unexpected' | 'space';

/** Ranges of what a report's page is made of (code units; every page is looked at, so no regular expressions). */
const EXPECTED_RANGES: [number, number][] = [
  [0x00a0, 0x00bf], [0x00d7, 0x00d7], [0x00f7, 0x00f7], [0x2000, 0x206f], [0x2150, 0x218f], [0x2190, 0x27bf],
  [0x2460, 0x24ff], [0x2e80, 0x2fdf], [0x3000, 0x303f], [0xff00, 0xffef],
];

function kindOf(code: number): Kind {
  if (code <= 0x20 || code === 0x3000) return code === 0x20 || code === 0x3000 || (code >= 0x09 && code <= 0x0d) ? 'space' : 'unexpected';
  if (code < 0x7f) return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 'expected' : 'symbol';
  if ((code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)) return 'ideograph';
  return EXPECTED_RANGES.some(([from, to]) => code >= from && code <= to) ? 'expected' : 'unexpected';
}

/** Garbled pages are garbled throughout: their first characters are enough to tell (every page is looked at). */
const SAMPLE = 600;

export function isGarbledText(text: string): boolean {
  let ideographs = 0;
  let symbols = 0;
  let unexpected = 0;
  let spaces = 0;
  const length = Math.min(text.length, SAMPLE);
  for (let i = 0; i < length; i++) {
    const kind = kindOf(text.charCodeAt(i));
    if (kind === 'ideograph') ideographs++;
    else if (kind === 'symbol') symbols++;
    else if (kind === 'unexpected') unexpected++;
    else if (kind === 'space') spaces++;
  }
  const total = length - spaces;
  if (total < ENOUGH) return false;
  // Raw codes read as Latin-1 come out as runs of ASCII punctuation among accented letters, and no ideograph
  // (a page of rules drawn with dashes and underscores has no accented letters).
  const latinNoise = ideographs < total * 0.05 && unexpected >= total * 0.03 && symbols + unexpected > total * 0.3;
  return unexpected > total * 0.3 || latinNoise;
}
