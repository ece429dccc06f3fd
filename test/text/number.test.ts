import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellValue } from '../../shared/text/number';

const toFullWidth = (text: string) => text.replace(/[0-9.,]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
const withThousands = (n: number) => n.toLocaleString('en-US');
const spaces = fc.constantFrom('', ' ', '  ', '\u3000', '\u00a0', '\t', '\n');

describe('parseCellValue: what is a number', () => {
  it('reads any non-negative integer however it is printed: full-width, spaced, grouped, with a counter', () => {
    fc.assert(
      fc.property(fc.nat({ max: 9_999_999 }), fc.boolean(), fc.boolean(), spaces, spaces, fc.constantFrom('', '件', '条'), (n, full, grouped, before, after, counter) => {
        let text = grouped ? withThousands(n) : String(n);
        if (full) text = toFullWidth(text);
        expect(parseCellValue(`${before}${text}${counter}${after}`)).toEqual({ kind: 'number', value: n });
      }),
    );
  });

  it('reads decimal fees in 万元', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000_000 }), fc.nat({ max: 999_999 }), (whole, fraction) => {
        const text = `${whole}.${String(fraction).padStart(6, '0')}`;
        expect(parseCellValue(text, { decimal: true })).toEqual({ kind: 'number', value: Number(text) });
      }),
    );
    expect(parseCellValue('96171.6万元', { decimal: true })).toEqual({ kind: 'number', value: 96171.6 });
    expect(parseCellValue('0元', { decimal: true })).toEqual({ kind: 'number', value: 0 });
  });
});

describe('parseCellValue: what is not', () => {
  it('calls placeholders and empty cells blank, keeping the printed text', () => {
    for (const text of ['', ' ', '\u3000', '/', '／', '-', '—', '——', '–', '空', 'N/A', '…']) {
      expect(parseCellValue(text)).toEqual({ kind: 'blank', raw: text });
    }
  });

  it('calls negatives, signs, decimals in counts, text and broken grouping bad values', () => {
    for (const text of ['-1', '－3', '+2', '1.5', '无', '约10', '10余', '12,34', '1,2345', 'abc', '３件多']) {
      expect(parseCellValue(text).kind, text).toBe('bad');
    }
  });

  it('never throws, and a number is always finite and non-negative', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), (text, decimal) => {
        const parsed = parseCellValue(text, { decimal });
        if (parsed.kind === 'number') {
          expect(Number.isFinite(parsed.value)).toBe(true);
          expect(parsed.value).toBeGreaterThanOrEqual(0);
          if (!decimal) expect(Number.isInteger(parsed.value)).toBe(true);
        } else {
          expect(parsed.raw).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('never splits one cell into several numbers: digits glued together stay one value', () => {
    expect(parseCellValue('77132470')).toEqual({ kind: 'number', value: 77132470 });
    expect(parseCellValue('77 132 470').kind).toBe('bad');
  });
});
