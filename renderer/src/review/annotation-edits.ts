/** Pure updates of the annotations sidecar; every change stamps `updatedAt`. */
import type { Annotations, FindingDecision, Verdict } from '../../../shared/model/annotations';
import type { CellReading } from './types';

type Decision = FindingDecision['decision'];

function stamp(annotations: Annotations, now: string): Annotations {
  return { ...annotations, updatedAt: now };
}

function withFinding(annotations: Annotations, key: string, change: Partial<FindingDecision>, now: string): Annotations {
  const current = annotations.findings[key] ?? { decision: null, note: '', updatedAt: now };
  const next = { ...current, ...change, updatedAt: now };
  return stamp({ ...annotations, findings: { ...annotations.findings, [key]: next } }, now);
}

export function setDecision(annotations: Annotations, key: string, decision: Decision, now = new Date().toISOString()): Annotations {
  return withFinding(annotations, key, { decision }, now);
}

export function setFindingNote(annotations: Annotations, key: string, note: string, now = new Date().toISOString()): Annotations {
  return withFinding(annotations, key, { note }, now);
}

export function setCellNote(annotations: Annotations, id: string, note: string, now = new Date().toISOString()): Annotations {
  const cellNotes = { ...annotations.cellNotes };
  if (note.trim()) cellNotes[id] = note;
  else delete cellNotes[id];
  return stamp({ ...annotations, cellNotes }, now);
}

/** Records a corrected value, keeping what the extractor read (from before any earlier correction). */
export function setCorrection(
  annotations: Annotations,
  cell: CellReading,
  value: number | null,
  note: string,
  now = new Date().toISOString(),
): Annotations {
  const original = cell.correctedFrom ?? { value: cell.value, raw: cell.raw };
  const correction = { value, originalValue: original.value, originalRaw: original.raw, note, updatedAt: now };
  return stamp({ ...annotations, corrections: { ...annotations.corrections, [cell.id]: correction } }, now);
}

export function removeCorrection(annotations: Annotations, id: string, now = new Date().toISOString()): Annotations {
  const corrections = { ...annotations.corrections };
  delete corrections[id];
  return stamp({ ...annotations, corrections }, now);
}

export function setVerdict(annotations: Annotations, change: Partial<Annotations['verdict']>, now = new Date().toISOString()): Annotations {
  const verdict = { ...annotations.verdict, ...change };
  if (change.value !== undefined && !verdict.date) verdict.date = now.slice(0, 10);
  return stamp({ ...annotations, verdict }, now);
}

export function verdictLabel(value: Verdict | null): string {
  return value ?? '未定';
}

/** Parses what the reviewer typed as a corrected value: '' means empty, otherwise a non-negative number. */
export function parseCorrectedValue(text: string): { ok: true; value: number | null } | { ok: false } {
  const trimmed = text.trim().replace(/，/g, ',').replace(/,/g, '');
  if (trimmed === '') return { ok: true, value: null };
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 ? { ok: true, value } : { ok: false };
}
