/** One background batch of the session: how far it is, the file being read, the time left, and its cancel switch. */
import { randomBytes } from 'node:crypto';
import type { BatchProgress } from '../../shared/api/contract';

export class BatchTracker {
  readonly id = randomBytes(9).toString('base64url');
  readonly controller = new AbortController();
  private done = 0;
  private current = '';
  private finished = false;
  private cached = 0;
  private readonly startedAt: number;

  constructor(
    readonly total: number,
    private readonly now: () => number = Date.now,
    /** The batch resumes one a previous run left unfinished. */
    readonly resumed = false,
  ) {
    this.startedAt = now();
  }

  get cancelled(): boolean {
    return this.controller.signal.aborted;
  }

  advance(done: number, current: string): void {
    this.done = Math.min(this.total, Math.max(this.done, done));
    this.current = current;
  }

  /** A file of the batch came from the result cache (not read again). */
  countCached(): void {
    this.cached++;
  }

  cancel(): void {
    if (!this.finished) this.controller.abort();
  }

  finish(): void {
    this.finished = true;
    this.current = '';
    if (!this.cancelled) this.done = this.total;
  }

  progress(): BatchProgress {
    return {
      batchId: this.id,
      done: this.done,
      total: this.total,
      current: this.current,
      etaSeconds: this.etaSeconds(),
      finished: this.finished,
      cancelled: this.cancelled,
      resumed: this.resumed,
      cached: this.cached,
    };
  }

  /** From the files read so far (those from the cache take no time and say nothing of the rest). */
  private etaSeconds(): number | null {
    if (this.finished) return 0;
    const read = this.done - Math.min(this.cached, this.done);
    if (read <= 0) return null;
    const perFile = (this.now() - this.startedAt) / 1000 / read;
    return Math.round(perFile * (this.total - this.done));
  }
}
