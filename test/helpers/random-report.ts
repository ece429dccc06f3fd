/** fast-check arbitraries of consistent reports: every table-3 and table-4 relation holds. */
import fc from 'fast-check';
import { TABLE3_RESULT_ROWS, TABLE3_ROWS, type Table3Row } from '../../shared/model/ids';
import type { Report } from '../../shared/model/report';
import { zeroReport } from './review-document';

const small = fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.integer({ min: 0, max: 30 }) });
const applicants = fc.array(small, { minLength: 6, maxLength: 6 });

function withTotal(values: number[]): number[] {
  return [...values, values.reduce((a, b) => a + b, 0)];
}

function columnSum(rows: number[][], column: number): number {
  return rows.reduce((sum, row) => sum + row[column], 0);
}

export const consistentReport: fc.Arbitrary<Report> = fc
  .record({
    results: fc.array(applicants, { minLength: 21, maxLength: 21 }),
    carriedOver: applicants,
    carriedForward: applicants,
    table4: fc.array(fc.array(small, { minLength: 4, maxLength: 4 }), { minLength: 3, maxLength: 3 }),
  })
  .map(({ results, carriedOver, carriedForward, table4 }) => {
    const report = zeroReport();
    TABLE3_RESULT_ROWS.forEach((row, i) => (report.table3[row] = withTotal(results[i])));
    const resultTotal = [0, 1, 2, 3, 4, 5].map((c) => columnSum(results, c));
    // new = resultTotal + carriedForward − carriedOver; raise carriedForward where that would be negative.
    const forward = carriedForward.map((f, c) => Math.max(f, carriedOver[c] - resultTotal[c]));
    const fresh = resultTotal.map((t, c) => t + forward[c] - carriedOver[c]);
    report.table3.resultTotal = withTotal(resultTotal);
    report.table3.carriedOver = withTotal(carriedOver);
    report.table3.carriedForward = withTotal(forward);
    report.table3.newReceived = withTotal(fresh);
    const [review, litigationDirect, litigationAfterReview] = table4.map(withTotal);
    report.table4 = { review, litigationDirect, litigationAfterReview };
    return report;
  });

export const table3Row = fc.constantFrom(...TABLE3_ROWS) as fc.Arbitrary<Table3Row>;
