import { describe, expect, it } from 'vitest';
import { emptyAnnotations } from '../../shared/model/annotations';
import * as edits from '../../renderer/src/review/annotation-edits';
import { cellSeverities, involvedCellIds, markedCellIds } from '../../renderer/src/review/cell-marks';
import { displayOrder, groupByRootCause } from '../../renderer/src/review/finding-groups';
import { pdfCellAt } from '../../renderer/src/review/source-index';
import { boxToViewportRect } from '../../renderer/src/original/pdf-geometry';
import { shortcutFor } from '../../renderer/src/review/use-shortcuts';
import { createFakeApi } from './helpers/fake-api';

describe('cells marked by findings (d19)', async () => {
  const review = await createFakeApi().call('getReview', { id: 'd19' });

  it('colours the row-sum and column-sum errors and their shared root cause red', () => {
    const severities = cellSeverities(review.findings, review.cells);
    expect(severities.get('table3.granted.naturalPerson')).toBe('error');
    expect(severities.get('table3.granted.total')).toBe('error');
    expect(severities.get('table3.resultTotal.naturalPerson')).toBe('error');
    expect(severities.get('table3.newReceived.total')).toBeUndefined();
  });

  it('groups the two findings under their root cause', () => {
    const groups = groupByRootCause(review.findings);
    const group = groups.find((g) => g.rootCause === 'table3.granted.naturalPerson');
    expect(group?.findings.map((f) => f.rule).sort()).toEqual(['T3-COL-SUM', 'T3-ROW-SUM']);
    expect(displayOrder(review.findings)).toHaveLength(review.findings.length);
  });

  it('a finding marks its place and root cause, and involves all its cells', () => {
    const rowSum = review.findings.find((f) => f.rule === 'T3-ROW-SUM')!;
    expect(markedCellIds(rowSum, review.cells)).toEqual(['table3.granted.total', 'table3.granted.naturalPerson']);
    expect(involvedCellIds(rowSum, review.cells)).toHaveLength(7);
  });
});

describe('annotation edits', () => {
  const base = emptyAnnotations('a.docx', 'b'.repeat(64), '2026-01-01T00:00:00.000Z');
  const now = '2026-02-02T00:00:00.000Z';

  it('records decisions and notes per finding key', () => {
    const next = edits.setFindingNote(edits.setDecision(base, 'k', 'confirmed', now), 'k', '已核实', now);
    expect(next.findings.k).toEqual({ decision: 'confirmed', note: '已核实', updatedAt: now });
    expect(next.updatedAt).toBe(now);
  });

  it('keeps the original reading in a correction, even when corrected twice', () => {
    const cell = { id: 'table3.granted.naturalPerson', status: 'ok' as const, value: 94, raw: '94' };
    const first = edits.setCorrection(base, cell, 95, '原文为 95', now);
    expect(first.corrections[cell.id]).toMatchObject({ value: 95, originalValue: 94, originalRaw: '94', note: '原文为 95' });
    const corrected = { ...cell, value: 95, correctedFrom: { status: 'ok', value: 94, raw: '94' } };
    expect(edits.setCorrection(first, corrected, 96, '', now).corrections[cell.id]).toMatchObject({ value: 96, originalRaw: '94' });
    expect(edits.removeCorrection(first, cell.id, now).corrections).toEqual({});
  });

  it('drops an emptied cell note and dates a verdict', () => {
    expect(edits.setCellNote(edits.setCellNote(base, 'x', '注', now), 'x', '  ', now).cellNotes).toEqual({});
    expect(edits.setVerdict(base, { value: '需整改' }, now).verdict).toMatchObject({ value: '需整改', date: '2026-02-02' });
  });

  it('parses corrected values', () => {
    expect(edits.parseCorrectedValue(' 1,285.4 ')).toEqual({ ok: true, value: 1285.4 });
    expect(edits.parseCorrectedValue('')).toEqual({ ok: true, value: null });
    expect(edits.parseCorrectedValue('-1').ok).toBe(false);
    expect(edits.parseCorrectedValue('无').ok).toBe(false);
  });
});

describe('PDF geometry', () => {
  // A page 600 pt high at scale 2: viewport y = (600 - y) * 2.
  const viewport = {
    convertToViewportRectangle: ([x0, y0, x1, y1]: number[]) => [x0 * 2, (600 - y0) * 2, x1 * 2, (600 - y1) * 2],
    convertToPdfPoint: (x: number, y: number) => [x / 2, 600 - y / 2],
  };

  it('turns a user-space box (y up) into a viewport rectangle (y down)', () => {
    expect(boxToViewportRect(viewport, [100, 500, 150, 520], 0)).toEqual({ left: 200, top: 160, width: 100, height: 40 });
  });

  it('finds the cell under a click, or the nearest within the slack', () => {
    const boxes = [{ id: 'a', page: 1, box: [100, 500, 150, 520] as [number, number, number, number], text: '93' }];
    expect(pdfCellAt(boxes, 1, 120, 510)).toBe('a');
    expect(pdfCellAt(boxes, 1, 153, 510)).toBe('a');
    expect(pdfCellAt(boxes, 1, 200, 510)).toBeNull();
    expect(pdfCellAt(boxes, 2, 120, 510)).toBeNull();
  });

  it('prefers a nearby cell printing the clicked word over the cell the point fell in', () => {
    const boxes: { id: string; page: number; box: [number, number, number, number]; text: string }[] = [
      { id: 'granted.total', page: 3, box: [486, 400, 521, 416], text: '120' },
      { id: 'partiallyGranted.total', page: 3, box: [486, 376, 521, 400], text: '32' },
    ];
    expect(pdfCellAt(boxes, 3, 500, 398, 6, '120')).toBe('granted.total');
    expect(pdfCellAt(boxes, 3, 500, 398, 6)).toBe('partiallyGranted.total');
    expect(pdfCellAt(boxes, 3, 500, 398, 6, '7')).toBe('partiallyGranted.total');
  });
});

describe('shortcuts', () => {
  const key = (k: string, target: unknown = null) => shortcutFor({ key: k, ctrlKey: false, metaKey: false, altKey: false, target: target as EventTarget });
  it('maps J/K, arrows, N/P and zoom keys, and ignores typing', () => {
    expect(key('j')).toBe('nextFinding');
    expect(key('K')).toBe('previousFinding');
    expect(key('ArrowDown')).toBe('nextFinding');
    expect(key('n')).toBe('nextDocument');
    expect(key('+')).toBe('zoomIn');
    expect(key('0')).toBe('zoomReset');
    expect(key('j', { tagName: 'TEXTAREA' })).toBeNull();
  });
});

describe('decisions on findings no longer raised', async () => {
  const { placeOfFindingKey, resolvedDecisions } = await import('../../renderer/src/review/resolved-decisions');
  it('reads the place back from a finding key and lists only decisions without a current finding', () => {
    expect(placeOfFindingKey('T3-ROW-SUM|table3|granted|total||')).toEqual({ rule: 'T3-ROW-SUM', table: 'table3', row: 'granted', column: 'total' });
    expect(placeOfFindingKey('NOPE|x')).toBeNull();
    const decisions = {
      'T3-ROW-SUM|table3|granted|total||': { decision: 'confirmed' as const, note: '已核实', updatedAt: '2026-01-01T00:00:00Z' },
      'LATE|||||': { decision: null, note: '', updatedAt: '2026-01-01T00:00:00Z' },
    };
    expect(resolvedDecisions(decisions, []).map((d) => d.key)).toEqual(['T3-ROW-SUM|table3|granted|total||']);
  });
});
