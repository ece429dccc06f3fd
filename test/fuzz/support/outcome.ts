/**
 * What every fuzz case must end in: a result (a report whose JSON and findings validate, findings in Chinese) or
 * a clear error (a read error code the app knows, with a plain Chinese message, not an exception's text).
 */
import { findingSchema, type Finding } from '../../../shared/model/finding';
import { reportSchema, type Report } from '../../../shared/model/report';
import { READ_ERROR_MESSAGES } from '../../../shared/read/errors';

const CJK = /[\u3400-\u9fff]/;
/** The marks of a raw exception leaking into a message: a stack frame, an error class name, an object dump. */
const RAW_EXCEPTION = /\n\s*at\s|\b(?:Type|Range|Reference|Syntax|Internal|Aggregate)Error\b|\[object \w+\]|\bCannot read propert/;

/** Codes a fuzz case may end with. TIMEOUT, INTERNAL (a crashed worker or an untyped throw) and CANCELLED may not. */
const CLEAR_CODES = new Set<string>(Object.keys(READ_ERROR_MESSAGES).filter((code) => code !== 'TIMEOUT' && code !== 'CANCELLED'));

export class FuzzFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FuzzFailure';
  }
}

export function clearMessageProblem(message: unknown): string | null {
  if (typeof message !== 'string' || message.length === 0) return 'no message';
  if (!CJK.test(message)) return `message not in Chinese: ${JSON.stringify(message.slice(0, 200))}`;
  if (RAW_EXCEPTION.test(message)) return `message carries a raw exception: ${JSON.stringify(message.slice(0, 300))}`;
  if (message.length > 2_000) return `message of ${message.length} characters`;
  return null;
}

/** Why an error is not a clear one, or null when it is. */
export function clearErrorProblem(error: { code?: unknown; message?: unknown } | undefined): string | null {
  if (!error) return 'neither a result nor an error';
  if (typeof error.code !== 'string' || !CLEAR_CODES.has(error.code)) {
    return `error code ${String(error.code)} (${typeof error.message === 'string' ? error.message.slice(0, 300) : ''})`;
  }
  return clearMessageProblem(error.message);
}

/** Why a checked report is not a proper result, or null. */
export function resultProblem(report: Report, findings: Finding[]): string | null {
  const parsed = reportSchema.safeParse(report);
  if (!parsed.success) return `report does not validate: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`;
  for (const finding of findings) {
    const valid = findingSchema.safeParse(finding);
    if (!valid.success) return `finding does not validate: ${JSON.stringify(valid.error.issues.slice(0, 3))} in ${JSON.stringify(finding).slice(0, 300)}`;
    const problem = clearMessageProblem(finding.message);
    if (problem) return `finding ${finding.rule}: ${problem}`;
  }
  return null;
}

/** A case's input in short, for failure messages: long strings and arrays cut. */
export function describeInput(value: unknown): string {
  const text = JSON.stringify(value, (_key, item: unknown) => {
    if (typeof item === 'string' && item.length > 120) return `${item.slice(0, 120)}…(${item.length})`;
    if (item instanceof Uint8Array) return `<${item.length} bytes>`;
    if (Array.isArray(item) && item.length > 40) return [...item.slice(0, 40), `…(${item.length})`];
    return item;
  });
  return text === undefined ? String(value) : text.slice(0, 4_000);
}
