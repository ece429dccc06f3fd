/**
 * Decisions and notes on findings the rules no longer raise (e.g. after a correction): kept in the sidecar, and
 * still shown, so nothing the reviewer wrote silently disappears.
 */
import type { Annotations, FindingDecision } from '../../../shared/model/annotations';
import { RULE_IDS, SECTIONS, type RuleId } from '../../../shared/model/ids';
import type { Finding } from '../../../shared/model/finding';
import type { ReviewFinding } from './types';

export interface ResolvedDecision {
  key: string;
  place: Pick<Finding, 'rule' | 'table' | 'row' | 'column' | 'group' | 'section'>;
  decision: FindingDecision;
}

/** The inverse of findingKey(): rule|table|row|column|group|section. */
export function placeOfFindingKey(key: string): ResolvedDecision['place'] | null {
  const [rule, table, row, column, group, section] = key.split('|');
  if (!(RULE_IDS as readonly string[]).includes(rule)) return null;
  const place: ResolvedDecision['place'] = { rule: rule as RuleId };
  if (table === 'table2' || table === 'table3' || table === 'table4') place.table = table;
  if (row) place.row = row;
  if (column) place.column = column;
  if (group) place.group = group;
  if (section && (SECTIONS as readonly string[]).includes(section)) place.section = section as Finding['section'];
  return place;
}

export function resolvedDecisions(decisions: Annotations['findings'], findings: ReviewFinding[]): ResolvedDecision[] {
  const current = new Set(findings.map((finding) => finding.key));
  return Object.entries(decisions).flatMap(([key, decision]) => {
    const place = placeOfFindingKey(key);
    const worthShowing = decision.note.trim() !== '' || decision.decision !== null;
    return !current.has(key) && place && worthShowing ? [{ key, place, decision }] : [];
  });
}
