/**
 * Running a fast-check property for a family's time budget, with the family's seed, and failing with a short
 * message: the seed and path to replay it, and what went wrong (never the whole generated batch, which can be
 * megabytes).
 */
import fc from 'fast-check';
import { FUZZ_SEED } from './config';
import { describeInput } from './outcome';

export interface TimeBox {
  family: string;
  seed: number;
  millis: number;
  /** Shrink a failing case (pure, fast properties); off for file batches. */
  shrink?: boolean;
}

function failure<T>(box: TimeBox, details: fc.RunDetails<T>): Error {
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  const replay = `FUZZ_SEED=${FUZZ_SEED} replays it (family seed ${details.seed}, path "${details.counterexamplePath}")`;
  const input = box.shrink ? `\ninput: ${describeInput(details.counterexample)}` : '';
  return new Error(`[fuzz] ${box.family} failed after ${details.numRuns} runs; ${replay}:\n${cause}${input}`);
}

/** Thrown by an async run started after the family's time is up: ends the run, not a failure. */
class TimeIsUp extends Error {}

/**
 * fast-check's own time limit races an async run against a timer and ignores the run if the timer wins, which
 * would leave a batch being read in the background and its failure unseen. Here every run is waited for; the
 * first run to start after the deadline ends the property instead.
 */
export async function checkAsyncTimeBoxed<T>(box: TimeBox, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => Promise<void>): Promise<void> {
  const deadline = performance.now() + box.millis;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (value) => {
      if (performance.now() >= deadline) throw new TimeIsUp();
      await predicate(value);
    }),
    { seed: box.seed, numRuns: Number.MAX_SAFE_INTEGER, endOnFailure: true },
  );
  if (details.failed && !(details.errorInstance instanceof TimeIsUp)) throw failure(box, details);
}

/** Synchronous runs cannot be raced: fast-check's time limit stops before the first run past it. */
export function checkTimeBoxed<T>(box: TimeBox, arbitrary: fc.Arbitrary<T>, predicate: (value: T) => void): void {
  const details = fc.check(fc.property(arbitrary, predicate), {
    seed: box.seed,
    numRuns: Number.MAX_SAFE_INTEGER,
    endOnFailure: !box.shrink,
    plugins: [fc.interruptAfterTimeLimit(box.millis)],
  });
  if (details.failed) throw failure(box, details);
}
