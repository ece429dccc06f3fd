/**
 * Random strings into the text layer (shared/text) and the prose patterns built on it: never a throw, always
 * a well-formed answer, and quick even on long inputs of repeated pieces (no runaway regular expression).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchHeading, organInTitle, parseDateAtEnd, yearIn } from '../../shared/layout/prose';
import { claimsOf } from '../../shared/rules/text-claims';
import { compactText, labelKey, leadingEnumerator, normalizeText, parseChineseNumber, stripEnumerator } from '../../shared/text/normalize';
import { parseCellValue } from '../../shared/text/number';
import { isPageNumber } from '../../shared/text/page-number';
import { familyMillis, familySeed, recordCount } from './support/config';
import { checkTimeBoxed } from './support/property';
import { hostileString, proseParagraph } from './support/strings';

const FAMILY = 'text';
/** Per call, on inputs of up to some 100 000 characters. */
const MAX_MILLIS = 250;

function timed<T>(what: string, input: string, run: () => T): T {
  const started = performance.now();
  const result = run();
  const millis = performance.now() - started;
  if (millis > MAX_MILLIS) throw new Error(`${what} took ${millis.toFixed(0)} ms on ${input.length} characters`);
  return result;
}

const WHITESPACE = /[\s\u00a0\u2000-\u200b\u2028\u2029\u3000\ufeff]/;

function checkText(text: string): void {
  for (const decimal of [false, true]) {
    const parsed = timed('parseCellValue', text, () => parseCellValue(text, { decimal }));
    if (parsed.kind === 'number') {
      expect(Number.isFinite(parsed.value) && parsed.value >= 0, `${JSON.stringify(text)} → ${parsed.value}`).toBe(true);
      if (!decimal) expect(Number.isSafeInteger(parsed.value), `${JSON.stringify(text)} → ${parsed.value}`).toBe(true);
    } else {
      expect(['blank', 'bad']).toContain(parsed.kind);
      expect(parsed.raw).toBe(text);
    }
  }
  const normalized = timed('normalizeText', text, () => normalizeText(text));
  expect(normalizeText(normalized)).toBe(normalized);
  const compact = timed('compactText', text, () => compactText(text));
  expect(WHITESPACE.test(compact), JSON.stringify(compact)).toBe(false);
  timed('labelKey', text, () => labelKey(text));
  timed('stripEnumerator', text, () => stripEnumerator(text));
  timed('leadingEnumerator', text, () => leadingEnumerator(text));
  const chinese = timed('parseChineseNumber', text, () => parseChineseNumber(text));
  if (chinese !== null) expect(Number.isSafeInteger(chinese) && chinese >= 0).toBe(true);
  expect(typeof timed('isPageNumber', text, () => isPageNumber(text))).toBe('boolean');
}

function checkProse(text: string): void {
  const year = timed('yearIn', text, () => yearIn(text));
  if (year !== null) expect(Number.isSafeInteger(year)).toBe(true);
  const date = timed('parseDateAtEnd', text, () => parseDateAtEnd(text));
  if (date !== null) expect(date.iso).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  timed('organInTitle', text, () => organInTitle(text));
  for (const numbered of [false, true]) timed('matchHeading', text, () => matchHeading(text, numbered, numbered));
  const compact = compactText(text);
  const claims = timed('claimsOf', text, () => [...claimsOf(compact)].slice(0, 10_000));
  for (const claim of claims) expect(Number.isSafeInteger(claim.stated) && claim.stated >= 0, JSON.stringify(claim)).toBe(true);
}

describe('fuzz: the text layer and prose patterns', () => {
  it('never throw, answer well-formed, and stay quick', () => {
    const seed = familySeed(FAMILY);
    let cases = 0;
    const started = performance.now();
    try {
      const input = fc.oneof(hostileString.map((text) => ({ kind: 'cell' as const, text })), proseParagraph.map((text) => ({ kind: 'prose' as const, text })));
      checkTimeBoxed({ family: FAMILY, seed, millis: familyMillis(FAMILY), shrink: true }, input, ({ kind, text }) => {
        cases++;
        checkText(text);
        if (kind === 'prose') checkProse(text);
      });
    } finally {
      recordCount({ family: FAMILY, seed, cases, millis: performance.now() - started });
    }
    expect(cases).toBeGreaterThan(0);
  });
});
