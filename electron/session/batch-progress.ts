/** One background batch of the session: how far it is, the file being read, the time left, and its cancel switch. */
import { randomBytes } from 'node:crypto';
import type { BatchProgress } from '../../shared/api/contract';

export class BatchTracker {
  readonly id = randomBytes(9).toString('base64url');
  readonly controller = new AbortController();
  private done = 0;
  private current = '';
  private finished = false;
  private readonly startedAt: number;

  constructor(
    readonly total: number,
    private readonly now: () => number = Date.now,
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
    };
  }

  private etaSeconds(): number | null {
    if (this.finished) return 0;
    if (this.done === 0) return null;
    const perFile = (this.now() - this.startedAt) / 1000 / this.done;
    return Math.round(perFile * (this.total - this.done));
  }
}

/**
 * Files in groups checked one after the other, so documents fill in as groups finish. A group of fewer than
 * three files would be read on the main thread (read-pool), so a short tail joins the group before it.
 */
export function batchGroups<T>(items: T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  const last = groups.at(-1);
  if (groups.length > 1 && last && last.length < 3) groups[groups.length - 2].push(...groups.pop()!);
  return groups;
}
