/**
 * Debounced saving of the annotations: a change is saved within `delay` ms; changes made while a save is under
 * way are saved right after it. Framework-free, so it is unit-tested without React.
 */
import type { Annotations } from '../../../shared/model/annotations';

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'error';

export interface AutosaverOptions<Result> {
  delay: number;
  save(annotations: Annotations): Promise<Result>;
  onSaved(result: Result, annotations: Annotations): void;
  onStatus(status: SaveStatus, error: unknown): void;
}

export class Autosaver<Result> {
  private latest: Annotations | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private dirty = false;

  constructor(private readonly options: AutosaverOptions<Result>) {}

  change(annotations: Annotations): void {
    this.latest = annotations;
    this.dirty = true;
    this.options.onStatus('pending', null);
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.options.delay);
  }

  /** Saves now whatever is unsaved (e.g. when leaving the document). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.inFlight) {
      await this.inFlight;
      if (this.dirty) return this.flush();
      return;
    }
    if (!this.dirty || !this.latest) return;
    const sending = this.latest;
    this.dirty = false;
    this.options.onStatus('saving', null);
    let saved = false;
    this.inFlight = this.send(sending).then((ok) => void (saved = ok));
    await this.inFlight;
    this.inFlight = null;
    // Changes made during the save go out now; after a failure, only the next change or a retry saves again.
    if (saved && this.dirty && !this.timer) await this.flush();
  }

  private async send(annotations: Annotations): Promise<boolean> {
    try {
      const result = await this.options.save(annotations);
      this.options.onSaved(result, annotations);
      if (!this.dirty) this.options.onStatus('saved', null);
      return true;
    } catch (error) {
      this.dirty = true;
      this.options.onStatus('error', error);
      return false;
    }
  }

  get hasUnsaved(): boolean {
    return this.dirty || this.inFlight !== null;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
