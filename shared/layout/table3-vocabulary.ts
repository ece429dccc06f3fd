/** How the rows, groups and columns of table 3 are recognised in printed labels. */
import type { Table3Column, Table3Group, Table3Row } from '../model/ids';
import { labelKey } from '../text/normalize';

interface RowPattern {
  id: Table3Row;
  pattern: RegExp;
  /** The row is recognised only inside this group (“3.其他” is other.other only under （六）). */
  group?: Table3Group;
  /** Harmless variants of the official label. */
  variants?: string[];
}

export const TABLE3_ROW_PATTERNS: RowPattern[] = [
  { id: 'newReceived', pattern: /新收/ },
  { id: 'carriedOver', pattern: /上一?年度?结转/ },
  { id: 'granted', pattern: /予以公开/ },
  { id: 'partiallyGranted', pattern: /部分公开/, variants: ['部分公开'] },
  { id: 'denied.stateSecret', pattern: /国家秘密/ },
  { id: 'denied.lawProhibited', pattern: /法律行政法规禁止|禁止公开/ },
  { id: 'denied.security', pattern: /三安全一稳定|危及/ },
  { id: 'denied.thirdParty', pattern: /第三方/ },
  { id: 'denied.internalAffairs', pattern: /内部事务/ },
  { id: 'denied.processInfo', pattern: /过程性/ },
  { id: 'denied.enforcementFile', pattern: /执法案卷/ },
  { id: 'denied.queryMatter', pattern: /查询事项/ },
  { id: 'unable.notHeld', pattern: /不掌握/ },
  { id: 'unable.needsCreation', pattern: /另行制作|没有现成/ },
  { id: 'unable.unclear', pattern: /不明确/ },
  { id: 'notProcessed.petition', pattern: /信访|举报投诉/ },
  { id: 'notProcessed.duplicate', pattern: /重复申请/ },
  { id: 'notProcessed.publication', pattern: /出版/ },
  { id: 'notProcessed.excessive', pattern: /大量反复/ },
  { id: 'notProcessed.confirmation', pattern: /确认|重新出具/ },
  { id: 'other.overdueCorrection', pattern: /不补正/ },
  { id: 'other.overdueFee', pattern: /收费通知|缴纳费用|逾期未缴/ },
  { id: 'other.other', pattern: /^其他(?:情形|情况)?$/, group: 'other' },
  { id: 'resultTotal', pattern: /^(?:总计|合计)(?:\(?7\)?)?$/, variants: ['总计', '合计'] },
  { id: 'carriedForward', pattern: /结转下一?年度?|转入下一?年/, variants: ['结转下一年度继续办理'] },
];

export const TABLE3_GROUP_PATTERNS: { id: Table3Group; pattern: RegExp }[] = [
  { id: 'denied', pattern: /不予公开/ },
  { id: 'unable', pattern: /无法提供/ },
  { id: 'notProcessed', pattern: /不予处理/ },
  { id: 'other', pattern: /其他处理/ },
];

export const RESULTS_LABEL = /办理结果/;

export function matchTable3Group(text: string): Table3Group | null {
  const key = labelKey(text);
  return TABLE3_GROUP_PATTERNS.find(({ pattern }) => pattern.test(key))?.id ?? null;
}

/** The row a single label names, given the group it stands under (if known). */
export function matchTable3Row(text: string, group: Table3Group | null): Table3Row | null {
  const key = labelKey(text);
  if (!key) return null;
  for (const { id, pattern, group: required } of TABLE3_ROW_PATTERNS) {
    if (required && required !== group) continue;
    if (pattern.test(key)) return id;
  }
  return null;
}

export function table3RowVariants(row: Table3Row): string[] {
  return TABLE3_ROW_PATTERNS.find(({ id }) => id === row)?.variants ?? [];
}

/** Column header texts of table 3. `subtotal` is a 法人或其他组织 小计 column the format does not have. */
export type Table3HeaderKind = Table3Column | 'subtotal' | 'legalPersons' | 'applicants' | 'note';

export function matchTable3Header(text: string): Table3HeaderKind | null {
  const key = labelKey(text);
  if (!key) return null;
  if (/勾稽关系|第一项加第二项/.test(key)) return 'note';
  if (/^申请人情况$/.test(key)) return 'applicants';
  if (/法人或其他组织/.test(key)) return /小计|合计/.test(key) ? 'subtotal' : 'legalPersons';
  if (/^自然人/.test(key)) return 'naturalPerson';
  if (/^商业企业$|^商业$|^企业$/.test(key)) return 'commercial';
  if (/^科研机构$|^科研$/.test(key)) return 'research';
  if (/^社会公益组织$|^公益组织$|^社会公益$/.test(key)) return 'publicInterest';
  if (/^法律服务机构$|^法律服务$/.test(key)) return 'legalService';
  if (/^其他(?:组织)?$/.test(key)) return 'otherOrg';
  if (/^(?:总计|合计)$/.test(key)) return 'total';
  if (/^小计$/.test(key)) return 'subtotal';
  return null;
}
