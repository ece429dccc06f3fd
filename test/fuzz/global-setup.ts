/**
 * Prints the seed and budget before the fuzz run, and the number of cases tried per family after it (also
 * written to test/.output/fuzz/summary.json).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COUNTS_DIR, FAILURES_DIR, FILE_TIME_LIMIT_MS, FUZZ_SECONDS, FUZZ_SEED, MAX_RSS_MB, OUTPUT_DIR, type FamilyCount } from './support/config';

export default function setup(): () => void {
  rmSync(COUNTS_DIR, { recursive: true, force: true });
  rmSync(FAILURES_DIR, { recursive: true, force: true });
  mkdirSync(COUNTS_DIR, { recursive: true });
  const started = Date.now();
  console.info(
    `[fuzz] FUZZ_SEED=${FUZZ_SEED} FUZZ_SECONDS=${FUZZ_SECONDS} FUZZ_FILE_TIMEOUT_MS=${FILE_TIME_LIMIT_MS} FUZZ_MAX_RSS_MB=${MAX_RSS_MB}` +
      ' (set them to change the run; the same seed runs the same cases)',
  );
  return () => {
    const counts: FamilyCount[] = existsSync(COUNTS_DIR)
      ? readdirSync(COUNTS_DIR)
          .filter((name) => name.endsWith('.json'))
          .map((name) => JSON.parse(readFileSync(join(COUNTS_DIR, name), 'utf8')) as FamilyCount)
      : [];
    counts.sort((a, b) => a.family.localeCompare(b.family));
    const total = counts.reduce((sum, count) => sum + count.cases, 0);
    const seconds = (Date.now() - started) / 1000;
    const lines = counts.map((count) => `  ${count.family.padEnd(18)} ${String(count.cases).padStart(7)}   seed ${count.seed}`);
    console.info(['[fuzz] cases tried per family:', ...lines, `  ${'total'.padEnd(18)} ${String(total).padStart(7)}   in ${seconds.toFixed(0)} s, FUZZ_SEED=${FUZZ_SEED}`].join('\n'));
    const failures = existsSync(FAILURES_DIR) ? readdirSync(FAILURES_DIR) : [];
    if (failures.length > 0) console.info(`[fuzz] inputs of failed cases kept in ${FAILURES_DIR}: ${failures.join(', ')}`);
    writeFileSync(join(OUTPUT_DIR, 'summary.json'), JSON.stringify({ seed: FUZZ_SEED, budgetSeconds: FUZZ_SECONDS, seconds, total, families: counts }, null, 2));
  };
}
