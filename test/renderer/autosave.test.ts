import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyAnnotations, type Annotations } from '../../shared/model/annotations';
import { Autosaver, type SaveStatus } from '../../renderer/src/review/autosave';

const base = emptyAnnotations('a.docx', 'c'.repeat(64));
const withNote = (note: string): Annotations => ({ ...base, cellNotes: { x: note } });

describe('autosave', () => {
  beforeEach(() => void vi.useFakeTimers());
  afterEach(() => void vi.useRealTimers());

  function setup(save = vi.fn(async (a: Annotations) => a)) {
    const statuses: SaveStatus[] = [];
    const saver = new Autosaver({ delay: 500, save, onSaved: () => {}, onStatus: (status) => statuses.push(status) });
    return { saver, save, statuses };
  }

  it('saves once, within the delay, after a burst of changes', async () => {
    const { saver, save, statuses } = setup();
    saver.change(withNote('a'));
    saver.change(withNote('ab'));
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save.mock.calls[0][0].cellNotes.x).toBe('ab');
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saves a change made during a save right after it', async () => {
    let release: () => void = () => {};
    const save = vi.fn((a: Annotations) => new Promise<Annotations>((resolve) => { release = () => resolve(a); }));
    const { saver } = setup(save);
    saver.change(withNote('1'));
    await vi.advanceTimersByTimeAsync(500);
    saver.change(withNote('2'));
    await vi.advanceTimersByTimeAsync(500);
    release();
    await vi.advanceTimersByTimeAsync(0);
    release();
    await vi.advanceTimersByTimeAsync(0);
    expect(save.mock.calls.map((call) => call[0].cellNotes.x)).toEqual(['1', '2']);
  });

  it('reports a failed save and keeps the change for the retry', async () => {
    const save = vi.fn().mockRejectedValueOnce(new Error('磁盘已满')).mockImplementation(async (a: Annotations) => a);
    const { saver, statuses } = setup(save);
    saver.change(withNote('x'));
    await vi.advanceTimersByTimeAsync(500);
    expect(statuses.at(-1)).toBe('error');
    expect(saver.hasUnsaved).toBe(true);
    await saver.flush();
    expect(statuses.at(-1)).toBe('saved');
  });
});
