import type { ReviewFinding } from '../review/types';

function show(value: ReviewFinding['expected']): string {
  if (value === null || value === undefined || value === '') return '空';
  return String(value);
}

/** “应为 121，实为 120” when the finding carries both, else ''. */
export function expectedVersusActual(finding: ReviewFinding): string {
  if (finding.expected === undefined && finding.actual === undefined) return '';
  return `应为 ${show(finding.expected)}，实为 ${show(finding.actual)}`;
}
