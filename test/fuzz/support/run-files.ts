/**
 * Runs file cases through the engine as the app and the CLI do: `checkFiles` (electron/services/check-files.ts),
 * which reads them on the read pool's worker threads (each file under a time limit, each worker under a heap
 * cap), pairs the reports of the run and runs the rules. Every case must end in a result or a clear error, in
 * time, and the process's resident memory is watched while they run.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkFiles, type FileResult } from '../../../electron/services/check-files';
import fc from 'fast-check';
import { FAILURES_DIR, FILE_TIME_LIMIT_MS, MAX_RSS_MB, familyMillis, familySeed, recordCount, tally, type TimedFamily } from './config';
import { FuzzFailure, clearErrorProblem, clearMessageProblem, describeInput, resultProblem } from './outcome';
import { checkAsyncTimeBoxed } from './property';

export interface FileCase {
  /** Short name of the case (used in the file name). */
  name: string;
  ext: '.docx' | '.pdf';
  bytes: Uint8Array;
  /** What was done to make it, for the failure message. */
  input?: unknown;
  /** When set, the case must end in one of these (`checked` for a result, or an error code). */
  expect?: readonly string[];
}

/** Samples the process's resident set size while work runs. */
export class RssWatch {
  peak = 0;
  private timer: NodeJS.Timeout | null = null;

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), 25);
    this.timer.unref();
    return this;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peak;
  }

  private sample(): void {
    this.peak = Math.max(this.peak, process.memoryUsage.rss());
  }
}

export interface BatchOutcome {
  results: FileResult[];
  peakRssMb: number;
  millis: number;
}

let batchNumber = 0;

/** Keeps the input of a failed case for reproduction; returns where. */
export function keepFailedInput(family: string, name: string, bytes: Uint8Array): string {
  mkdirSync(FAILURES_DIR, { recursive: true });
  const path = join(FAILURES_DIR, `${family}-${name}`);
  writeFileSync(path, bytes);
  return path;
}

/**
 * Checks the cases as one run of the engine and throws a FuzzFailure naming the first case that did not end
 * well (its input kept under test/.output/fuzz/failures/). Tallies how the cases ended into `outcomes`.
 */
export async function checkFileCases(family: string, cases: FileCase[], outcomes: Record<string, number>, context = ''): Promise<BatchOutcome> {
  // Fewer files are read in-process, without the workers' time limit and heap cap.
  if (cases.length < 3) throw new Error('checkFileCases needs at least 3 cases, to read them on the worker threads');
  const folder = mkdtempSync(join(tmpdir(), `nianbao-fuzz-${family}-`));
  const number = batchNumber++;
  const paths = cases.map((fileCase, i) => {
    const path = join(folder, `${number}-${i}-${fileCase.name.replace(/[^\w.-]+/g, '_')}${fileCase.ext}`);
    writeFileSync(path, fileCase.bytes);
    return path;
  });
  const watch = new RssWatch().start();
  const started = performance.now();
  let results: FileResult[];
  try {
    results = await checkFiles(paths, { concurrency: 2, timeoutMs: FILE_TIME_LIMIT_MS });
  } catch (error) {
    watch.stop();
    rmSync(folder, { recursive: true, force: true });
    const kept = cases.map((fileCase) => keepFailedInput(family, `${number}-${fileCase.name}${fileCase.ext}`, fileCase.bytes));
    throw new FuzzFailure(`${family}${context}: checkFiles threw for a batch of ${cases.length} (kept in ${kept[0]} …): ${(error as Error)?.stack ?? String(error)}`);
  }
  const millis = performance.now() - started;
  const peakRssMb = watch.stop() / 1024 / 1024;
  rmSync(folder, { recursive: true, force: true });
  const problems: string[] = [];
  results.forEach((result, i) => {
    const fileCase = cases[i];
    tally(outcomes, result.status === 'checked' ? 'checked' : result.error.code);
    const problem = problemOf(result, fileCase);
    if (problem) {
      const kept = keepFailedInput(family, `${number}-${i}-${fileCase.name}${fileCase.ext}`, fileCase.bytes);
      const input = fileCase.input === undefined ? '' : ` (${describeInput(fileCase.input)})`;
      problems.push(`case ${fileCase.name}${input}: ${problem}. Input kept in ${kept}`);
    }
  });
  if (problems.length > 0) {
    const more = problems.length > 5 ? `\n… and ${problems.length - 5} more` : '';
    throw new FuzzFailure(`${family}${context}: ${problems.length} of ${cases.length} cases did not end well:\n${problems.slice(0, 5).join('\n')}${more}`);
  }
  if (peakRssMb > MAX_RSS_MB) {
    throw new FuzzFailure(`${family}${context}: resident memory reached ${peakRssMb.toFixed(0)} MB (limit ${MAX_RSS_MB} MB) on a batch of ${cases.length}: ${cases.map((c) => c.name).join(', ')}`);
  }
  return { results, peakRssMb, millis };
}

function problemOf(result: FileResult, fileCase: FileCase): string | null {
  if (result.millis > FILE_TIME_LIMIT_MS) return `took ${result.millis.toFixed(0)} ms (limit ${FILE_TIME_LIMIT_MS} ms)`;
  const expectedTimeout = result.status === 'unreadable' && result.error.code === 'TIMEOUT' && fileCase.expect?.includes('TIMEOUT');
  const problem = result.status === 'checked' ? resultProblem(result.report, result.findings) : expectedTimeout ? clearMessageProblem(result.error.message) : clearErrorProblem(result.error);
  if (problem) return problem;
  const outcome = result.status === 'checked' ? 'checked' : result.error.code;
  if (fileCase.expect && !fileCase.expect.includes(outcome)) {
    const detail = result.status === 'unreadable' ? ` (${result.error.message})` : '';
    return `ended as ${outcome}${detail}, expected ${fileCase.expect.join(' or ')}`;
  }
  return null;
}

/** Builds a case when its batch comes (some are tens of megabytes); knows its name beforehand. */
export type CaseBuilder = (() => FileCase) & { caseName: string };

export function lazyCase(name: string, ext: FileCase['ext'], build: () => Uint8Array, expect?: string[]): CaseBuilder {
  return Object.assign(() => ({ name, ext, bytes: build(), ...(expect ? { expect } : {}) }), { caseName: name });
}

/**
 * Runs a fixed set of cases in batches of at least 3 (so they go to the worker threads), a batch closed once it
 * holds `maxCases` cases or `maxBytes` of input (some cases are tens of megabytes), and returns every failure
 * rather than the first. FUZZ_VERBOSE=1 prints each batch's time and peak memory.
 */
export async function checkCaseSet(family: string, builders: CaseBuilder[], outcomes: Record<string, number>, limits = { maxCases: 16, maxBytes: 48 * 1024 * 1024 }): Promise<{ cases: number; failures: string[] }> {
  const failures: string[] = [];
  let cases = 0;
  let next = 0;
  while (next < builders.length) {
    const before = performance.now();
    const batch: FileCase[] = [];
    let bytes = 0;
    while (next < builders.length && batch.length < limits.maxCases && (bytes < limits.maxBytes || batch.length < 3)) {
      const fileCase = builders[next++]();
      batch.push(fileCase);
      bytes += fileCase.bytes.length;
    }
    while (batch.length < 3) batch.push({ ...batch[0], name: `${batch[0].name}-again` });
    cases += batch.length;
    const built = performance.now();
    const outcome = await checkFileCases(family, batch, outcomes).catch((error: Error) => void failures.push(error.message));
    if (process.env.FUZZ_VERBOSE) {
      const names = batch.map((fileCase) => fileCase.name).join(', ');
      console.info(`[fuzz] ${names}: built in ${(built - before).toFixed(0)} ms, checked in ${outcome?.millis.toFixed(0)} ms, peak RSS ${outcome?.peakRssMb.toFixed(0)} MB`);
    }
  }
  return { cases, failures };
}

/**
 * A family of generated files: batches of `batchSize` inputs from `spec`, each made a file by `toCase`, read and
 * judged for the family's time budget with its seed; the count is recorded even when a batch fails. Returns the
 * number of cases tried.
 */
export async function fuzzFileFamily<T>(family: TimedFamily, batchSize: number, spec: fc.Arbitrary<T>, toCase: (input: T, index: number) => FileCase): Promise<number> {
  const seed = familySeed(family);
  const outcomes: Record<string, number> = {};
  let cases = 0;
  const started = performance.now();
  try {
    await checkAsyncTimeBoxed({ family, seed, millis: familyMillis(family) }, fc.array(spec, { minLength: batchSize, maxLength: batchSize }), async (inputs) => {
      const batch = inputs.map(toCase);
      cases += batch.length;
      await checkFileCases(family, batch, outcomes);
    });
  } finally {
    recordCount({ family, seed, cases, millis: performance.now() - started, outcomes });
  }
  return cases;
}

/** A hand-made set, all of it run (checkCaseSet), its count recorded; returns the failures. */
export async function checkRecordedCaseSet(family: string, builders: CaseBuilder[]): Promise<string[]> {
  const outcomes: Record<string, number> = {};
  const started = performance.now();
  let cases = 0;
  try {
    const run = await checkCaseSet(family, builders, outcomes);
    cases = run.cases;
    return run.failures;
  } finally {
    recordCount({ family, seed: familySeed(family), cases, millis: performance.now() - started, outcomes });
  }
}
