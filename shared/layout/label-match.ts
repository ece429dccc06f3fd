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
