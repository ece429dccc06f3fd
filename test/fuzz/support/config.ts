/**
 * The fuzz run's knobs, all from the environment so that CI and a developer reproducing a failure run the same
 * cases:
 *
 * - FUZZ_SEED: the master seed (default fixed). Each family derives its own seed from it and prints it.
 * - FUZZ_SECONDS: the time budget of the time-boxed families together (default 60). The fixed hostile sets
 *   are not time-boxed: they always run whole.
 * - FUZZ_FILE_TIMEOUT_MS: the time limit per file (default 20 s; the app's is 120 s). A file over it fails the run.
 * - FUZZ_MAX_RSS_MB: the most resident memory the whole test process (with its reading workers) may reach.
 * - FUZZ_VERBOSE=1: the fixed sets print each batch's time and peak memory.
 *
 * Counts of cases tried are written per family to test/.output/fuzz/counts/ and summed up by global-setup.ts.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const OUTPUT_DIR = fileURLToPath(new URL('../../.output/fuzz/', import.meta.url));
export const COUNTS_DIR = join(OUTPUT_DIR, 'counts');
export const FAILURES_DIR = join(OUTPUT_DIR, 'failures');

const DEFAULT_SEED = 20_240_611;

function numberFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got ${raw}`);
  return value;
}

export const FUZZ_SEED = Math.trunc(numberFromEnv('FUZZ_SEED', DEFAULT_SEED));
export const FUZZ_SECONDS = numberFromEnv('FUZZ_SECONDS', 60);
export const FILE_TIME_LIMIT_MS = numberFromEnv('FUZZ_FILE_TIMEOUT_MS', 20_000);
export const MAX_RSS_MB = numberFromEnv('FUZZ_MAX_RSS_MB', 1_536);

/** The time-boxed families and their shares of FUZZ_SECONDS. */
const SHARES = {
  'docx-bytes': 0.16,
  'docx-xml': 0.24,
  'pdf-bytes': 0.2,
  'pdf-generated': 0.1,
  'text': 0.06,
  'layout': 0.12,
  'review-json': 0.06,
  'sidecar': 0.06,
} as const;

export type TimedFamily = keyof typeof SHARES;

export function familyMillis(family: TimedFamily): number {
  return Math.max(1_000, Math.round(FUZZ_SECONDS * 1000 * SHARES[family]));
}

/** A family's own seed: the master seed mixed with the family's name (FNV-1a), so families are independent. */
export function familySeed(family: string): number {
  let hash = 0x811c9dc5 ^ FUZZ_SEED;
  for (const char of family) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

export interface FamilyCount {
  family: string;
  seed: number;
  cases: number;
  millis: number;
  /** How the cases ended, e.g. { checked: 120, CORRUPT_DOCX: 40 }. */
  outcomes?: Record<string, number>;
}

/** Records a family's count for the summary, and prints it at once (a failure later still leaves it in the log). */
export function recordCount(count: FamilyCount): void {
  mkdirSync(COUNTS_DIR, { recursive: true });
  writeFileSync(join(COUNTS_DIR, `${count.family}.json`), JSON.stringify(count));
  const outcomes = count.outcomes ? ` ${JSON.stringify(count.outcomes)}` : '';
  console.info(`[fuzz] ${count.family}: ${count.cases} cases in ${(count.millis / 1000).toFixed(1)} s (seed ${count.seed})${outcomes}`);
}

export function tally(outcomes: Record<string, number>, key: string): void {
  outcomes[key] = (outcomes[key] ?? 0) + 1;
}
