/** Comparing a printed label with the official one: exact, a known harmless variant, or altered. */
import type { LabelStatus } from '../model/review-document';
import { compactText, labelKey } from '../text/normalize';

const PUNCTUATION = /[、，,。.．：:；;()（）《》〈〉【】\[\]“”"'‘’·・/\\\-—_]/g;

/** A label reduced to its characters: enumerators, quotes, punctuation and whitespace dropped. */
export function labelCore(text: string): string {
  return labelKey(text).replace(PUNCTUATION, '');
}

/**
 * `exact` when the characters are those of the official label; `variant` when they are one of the known
 * harmless variants (or differ only in brackets, enumerators, quotes, punctuation, spacing); `altered` otherwise.
 */
export function compareLabel(actual: string, official: string, variants: readonly string[] = []): LabelStatus {
  const core = labelCore(actual);
  const officialCore = labelCore(official);
  if (core === officialCore) return compactText(actual) === compactText(official) ? 'exact' : 'variant';
  if (variants.some((variant) => labelCore(variant) === core)) return 'variant';
  return 'altered';
}

/** Edits (insert, delete, replace one character) that turn one text into the other. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/**
 * A label one character off an official one (a typo, or a glyph whose text the PDF does not give right):
 * only for labels of four characters or more, where one character cannot turn one label into another.
 */
export function isOneOff(actual: string, official: string): boolean {
  const core = labelCore(actual);
  const officialCore = labelCore(official);
  return Math.min(core.length, officialCore.length) >= 4 && editDistance(core, officialCore) <= 1;
}

/**
 * Labels read in a row of headers (null where a label names nothing known: a typo, a glyph the PDF gives
 * wrong), as the columns of their places in `order`: when there are as many as `order` has, at least one is
 * known, and every known one stands in its place. Otherwise null.
 */
export function columnsByPlace<T>(found: (T | null)[], order: readonly T[]): T[] | null {
  if (found.length !== order.length || found.every((kind) => kind === null)) return null;
  return found.every((kind, i) => kind === null || kind === order[i]) ? [...order] : null;
}
