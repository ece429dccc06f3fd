/** The rule registry and the engine that runs the rules on one document. */
import type { RuleId, Severity } from '../model/ids';
import type { Finding, FindingDraft } from '../model/finding';
import type { Rule, RuleContext } from './rule';
import { compareKeys, placeKey } from './cell-order';
import { t3RowSum } from './t3-row-sum';
import { t3ColSum } from './t3-col-sum';
import { t3Balance } from './t3-balance';
import { t4Sum } from './t4-sum';
import { blankCell } from './blank-cell';
import { badValue } from './bad-value';
import { missingRow } from './missing-row';
import { missingSection } from './missing-section';
import { oldFormat } from './old-format';
import { noTextLayer } from './no-text-layer';
import { textTableMismatch } from './text-table-mismatch';
import { carryMismatch } from './carry-mismatch';
import { late } from './late';
import { missingTable } from './missing-table';
import { tableLayout } from './table-layout';
import { labelAltered } from './label-altered';
import { yearMismatch } from './year-mismatch';
import { organNameMismatch } from './organ-name-mismatch';
import { section5Empty } from './section5-empty';
import { section6Fee } from './section6-fee';
import { noDate } from './no-date';
import { t2StockFlow } from './t2-stock-flow';
import { textDuplicate } from './text-duplicate';
import { hierarchySum } from './hierarchy-sum';
import { yoyOutlier } from './yoy-outlier';

export type { Rule, RuleContext, RelatedDocument } from './rule';

/** Every rule, in the order of RULE_IDS. */
export const RULES: readonly Rule[] = [
  t3RowSum,
  t3ColSum,
  t3Balance,
  t4Sum,
  blankCell,
  badValue,
  missingRow,
  missingSection,
  oldFormat,
  noTextLayer,
  textTableMismatch,
  carryMismatch,
  late,
  missingTable,
  tableLayout,
  labelAltered,
  yearMismatch,
  organNameMismatch,
  section5Empty,
  section6Fee,
  noDate,
  t2StockFlow,
  textDuplicate,
  hierarchySum,
  yoyOutlier,
];

const BY_ID = new Map<RuleId, Rule>(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: RuleId): Rule | undefined {
  return BY_ID.get(id);
}

/** The rule's short Chinese title, as the reviewer reads it in the findings list, the CLI and the sheet. */
export function ruleTitle(id: RuleId): string {
  return BY_ID.get(id)?.title ?? id;
}

/**
 * Rules that read the prose, headings, labels or layout. A PDF without any text layer has none of these,
 * so they are not run on it (NO-TEXT-LAYER says why); the cell rules still run on OCR'd cells.
 */
const NEEDS_TEXT: ReadonlySet<RuleId> = new Set<RuleId>([
  'MISSING-SECTION',
  'MISSING-ROW',
  'MISSING-TABLE',
  'OLD-FORMAT',
  'TABLE-LAYOUT',
  'LABEL-ALTERED',
  'TEXT-TABLE-MISMATCH',
  'YEAR-MISMATCH',
  'ORGAN-NAME-MISMATCH',
  'SECTION5-EMPTY',
  'SECTION6-FEE',
  'NO-DATE',
  'LATE',
  'TEXT-DUPLICATE',
]);

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function isScanOnly(context: RuleContext): boolean {
  return context.doc.noTextLayer?.pages === 'all';
}

function hasInputs(rule: Rule, context: RuleContext): boolean {
  if (rule.needs === 'previous') return context.previous !== undefined;
  if (rule.needs === 'subordinates') return (context.subordinates?.length ?? 0) > 0;
  return true;
}

export function isRuleEnabled(rule: Rule, context: RuleContext): boolean {
  return context.settings.rules[rule.id]?.enabled !== false;
}

export function effectiveSeverity(rule: Rule, context: RuleContext): Severity {
  return context.settings.rules[rule.id]?.severity ?? rule.severity;
}

function shouldRun(rule: Rule, context: RuleContext): boolean {
  if (!isRuleEnabled(rule, context) || !hasInputs(rule, context)) return false;
  return !(isScanOnly(context) && NEEDS_TEXT.has(rule.id));
}

function complete(rule: Rule, severity: Severity, draft: FindingDraft): Finding {
  return { rule: rule.id, severity, ...draft };
}

/** Errors first, then warnings, then info; within a severity by place (document, sections, tables 2–4 in row order). */
export function compareFindings(a: Finding, b: Finding): number {
  const bySeverity = SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
  return bySeverity !== 0 ? bySeverity : compareKeys(placeKey(a), placeKey(b));
}

/** Runs every enabled rule whose inputs are there and returns the findings, ordered. */
export function runRules(context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (!shouldRun(rule, context)) continue;
    const severity = effectiveSeverity(rule, context);
    for (const draft of rule.check(context)) findings.push(complete(rule, severity, draft));
  }
  return findings.sort(compareFindings);
}
