/**
 * Reading a table cell's printed text as a value. Never guesses: what is not plainly a non-negative number
 * is a blank (placeholder) or a bad value, with the raw text kept.
 */
import { normalizeText } from './normalize';

export type ParsedValue =
  | { kind: 'number'; value: number }
  | { kind: 'blank'; raw: string }
  | { kind: 'bad'; raw: string; reason: string };

export interface ParseOptions {
  /** The cell may hold a decimal (行政事业性收费, 万元). */
  decimal?: boolean;
}

/** Placeholders that mean “nothing written here”: counted 0, reported as BLANK-CELL. */
const PLACEHOLDER = /^(?:|[/／\\]+|[-‐‑‒–—―－~～_]+|空|空白|N\/?A|n\/?a|NULL|null|\.{1,3}|…+)$/;

/** Units and counters that may trail a number without changing it. */
const COUNT_SUFFIX = /(?:件|条|个|项|次|宗|份|人次)$/;
const FEE_SUFFIX = /万元$/;

export function parseCellValue(text: string, options: ParseOptions = {}): ParsedValue {
  const raw = text;
  const normalized = normalizeText(text);
  if (/\d\s+\d/.test(normalized)) return { kind: 'bad', raw, reason: '数字中间有空格（可能是几个数挤在一格）' };
  const compact = normalized.replace(/\s+/g, '');
  if (PLACEHOLDER.test(compact)) return { kind: 'blank', raw };

  let body = compact.replace(options.decimal ? FEE_SUFFIX : COUNT_SUFFIX, '');
  if (options.decimal && /^0(?:\.0+)?元$/.test(body)) body = '0';
  if (!/^[+-]?[\d,，.]+$/.test(body)) return { kind: 'bad', raw, reason: '不是数字' };
  if (body.startsWith('-')) return { kind: 'bad', raw, reason: '负数' };
  if (body.startsWith('+')) return { kind: 'bad', raw, reason: '带正负号' };

  const digits = body.replace(/[,，]/g, '');
  if (!groupingIsValid(body)) return { kind: 'bad', raw, reason: '千分位写法有误' };
  if (!/^\d+(?:\.\d+)?$/.test(digits)) return { kind: 'bad', raw, reason: '不是数字' };
  if (!options.decimal && digits.includes('.')) return { kind: 'bad', raw, reason: '件数不应有小数' };
  const value = Number(digits);
  if (!Number.isFinite(value) || (!options.decimal && !Number.isSafeInteger(value))) {
    return { kind: 'bad', raw, reason: '数值超出范围' };
  }
  return { kind: 'number', value };
}

/** “1,234,567” is a number; “12,34” is not (a lost cell boundary or a typo, never guessed). */
function groupingIsValid(body: string): boolean {
  if (!/[,，]/.test(body)) return true;
  const [integer] = body.split('.');
  return /^\d{1,3}(?:[,，]\d{3})+$/.test(integer);
}
