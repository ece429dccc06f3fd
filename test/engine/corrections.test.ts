/**
 * Corrections come from the sidecar, outside input: found by fuzzing, a correction keyed “constructor” added a
 * cell without an id, “__proto__” replaced the cells' prototype, and 0.5 or 1e308 in a count cell made the
 * report invalid (and sums Infinity), so the review of the document failed its contract and could not be shown.
 */
import { describe, expect, it } from 'vitest';
import { API } from '../../shared/api/contract';
import { applyCorrections, isValidCorrection } from '../../shared/engine/corrections';
import { checkReviewDocument } from '../../shared/engine/check';
import { findingSchema } from '../../shared/model/finding';
import { reportSchema } from '../../shared/model/report';
import { reviewDocumentFromReport, zeroReport } from '../helpers/review-document';

const doc = () => reviewDocumentFromReport(zeroReport());

describe('corrections from the sidecar', () => {
  it('apply a valid value to a cell of the document', () => {
    const corrected = applyCorrections(doc(), { 'table3.granted.naturalPerson': 3, 'table2.fees': 1.5 });
    expect(corrected.cells['table3.granted.naturalPerson']).toMatchObject({ status: 'ok', value: 3, correctedFrom: { value: 0 } });
    expect(corrected.report.table3.granted[0]).toBe(3);
    expect(corrected.report.table2.fees).toBe(1.5);
  });

  it('leave out keys that are not cells of the document, inherited ones included', () => {
    const original = doc();
    const corrections = JSON.parse('{"__proto__": 4, "constructor": 5, "toString": 6, "hasOwnProperty": 7, "table9.x": 1}');
    const corrected = applyCorrections(original, corrections);
    expect(corrected).toBe(original);
    expect(Object.getPrototypeOf(corrected.cells)).toBe(Object.prototype);
  });

  it('leave out values a cell cannot hold: fractions and huge numbers in counts, negatives, non-numbers', () => {
    for (const value of [0.5, 1e308, Number.MAX_SAFE_INTEGER + 2, -1, Infinity, NaN, '3']) {
      expect(isValidCorrection('table3.granted.naturalPerson', value), String(value)).toBe(false);
    }
    expect(isValidCorrection('table2.fees', 0.5)).toBe(true);
    expect(isValidCorrection('table2.fees', 1e308)).toBe(false);
    expect(isValidCorrection('table3.granted.naturalPerson', null)).toBe(true);
    const corrected = applyCorrections(doc(), { 'table3.granted.naturalPerson': 1e308, 'table3.granted.commercial': 0.5 });
    expect(corrected.report.table3.granted.slice(0, 2)).toEqual([0, 0]);
  });

  it('never make the report, the findings or the review cells invalid', () => {
    const corrections = JSON.parse('{"table3.granted.naturalPerson": 1e308, "table3.granted.commercial": 1e308, "constructor": 1, "table3.granted.research": 9007199254740991}');
    const { doc: corrected, findings } = checkReviewDocument(doc(), { corrections });
    expect(reportSchema.safeParse(corrected.report).success).toBe(true);
    for (const finding of findings) expect(findingSchema.safeParse(finding).success).toBe(true);
    expect(API.getReview.response.shape.cells.safeParse(corrected.cells).success).toBe(true);
  });
});
