/** Findings sharing a suspected root cause are shown under it, so one wrong cell reads as one problem. */
import type { ReviewFinding } from './types';

export interface FindingGroup {
  rootCause: string | null;
  findings: ReviewFinding[];
}

export function groupByRootCause(findings: ReviewFinding[]): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const byCause = new Map<string, FindingGroup>();
  for (const finding of findings) {
    const cause = finding.rootCause;
    if (!cause) {
      groups.push({ rootCause: null, findings: [finding] });
      continue;
    }
    const existing = byCause.get(cause);
    if (existing) existing.findings.push(finding);
    else {
      const group = { rootCause: cause, findings: [finding] };
      byCause.set(cause, group);
      groups.push(group);
    }
  }
  return groups;
}

/** The findings in the order the list shows them (J/K walk this order). */
export function displayOrder(findings: ReviewFinding[]): ReviewFinding[] {
  return groupByRootCause(findings).flatMap((group) => group.findings);
}
