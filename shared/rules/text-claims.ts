/**
 * Numbers the prose states about the tables (format-spec §9): “全年共收到政府信息公开申请451件”,
 * “其中予以公开120件”, “被提起行政诉讼8件”, zero phrases such as “未收到政府信息公开申请”.
 * Each number is tied to the phrase of its own clause (the text since the previous punctuation or number),
 * so “其中予以公开120件，部分公开32件，不予公开32件” gives three claims.
 */
import {
  TABLE3_APPLICANT_COLUMNS,
  table2CellId,
  table3CellId,
  table3GroupRows,
  table4CellId,
  type CellId,
  type Table3Column,
  type Table3Group,
  type Table3Row,
} from '../model/ids';

export interface ClaimPlace {
  table: 'table2' | 'table3' | 'table4';
  row?: string;
  rows?: string[];
  column?: string;
  group?: string;
  groups?: string[];
}

export interface ClaimTarget {
  place: ClaimPlace;
  /** Alternatives, each a list of cells to add up; a match with any one is no mismatch. The first is shown. */
  alternatives: CellId[][];
  /** What the table figure is, in words, for messages. */
  label: string;
}

export interface TextClaim {
  target: ClaimTarget;
  stated: number;
  text: string;
}

const t3 = (row: Table3Row, column: Table3Column = 'total'): CellId => table3CellId(row, column);
const groupCells = (group: Table3Group): CellId[] => table3GroupRows(group).map((row) => t3(row));

function table3Target(row: Table3Row, label: string, extra: CellId[][] = []): ClaimTarget {
  return { place: { table: 'table3', row, column: 'total' }, alternatives: [[t3(row)], ...extra], label };
}

function groupTarget(group: Table3Group, label: string): ClaimTarget {
  return { place: { table: 'table3', rows: table3GroupRows(group), column: 'total' }, alternatives: [groupCells(group)], label };
}

const NEW_RECEIVED = table3Target('newReceived', '本年新收申请总计', [[t3('newReceived'), t3('carriedOver')]]);
const LITIGATION: ClaimTarget = {
  place: { table: 'table4', groups: ['litigationDirect', 'litigationAfterReview'], column: 'total' },
  alternatives: [[table4CellId('litigationDirect', 'total'), table4CellId('litigationAfterReview', 'total')]],
  label: '行政诉讼（直接起诉与复议后起诉）总计',
};
const REVIEW: ClaimTarget = {
  place: { table: 'table4', group: 'review', column: 'total' },
  alternatives: [[table4CellId('review', 'total')]],
  label: '行政复议总计',
};

function applicantTarget(columns: readonly Table3Column[], label: string): ClaimTarget {
  const column = columns.length === 1 ? columns[0] : undefined;
  const place: ClaimPlace = column ? { table: 'table3', row: 'newReceived', column } : { table: 'table3', row: 'newReceived' };
  return {
    place,
    alternatives: [columns.map((c) => t3('newReceived', c)), columns.flatMap((c) => [t3('newReceived', c), t3('carriedOver', c)])],
    label,
  };
}

function table2Target(row: string, label: string, cell: CellId, column?: string): ClaimTarget {
  return { place: { table: 'table2', row, ...(column ? { column } : {}) }, alternatives: [[cell]], label };
}

/** Phrase → target, most specific first. The phrase is looked for in the clause before the number. */
const CLAUSE_PATTERNS: [RegExp, ClaimTarget | ((clause: string, sentence: string) => ClaimTarget | null)][] = [
  [/结转(?:到|至)?下一?年度?|顺延(?:到|至)?下一?年度?/, table3Target('carriedForward', '结转下年度继续办理总计')],
  [/上一?年度?结转|上年度?遗留/, table3Target('carriedOver', '上年结转总计')],
  [/行政复议/, (clause, sentence) => (aboutDisclosureAppeals(clause, sentence) ? REVIEW : null)],
  [/行政诉讼/, (clause, sentence) => (aboutDisclosureAppeals(clause, sentence) ? LITIGATION : null)],
  [/予以公开(?:及|和|与)部分公开/, {
    place: { table: 'table3', rows: ['granted', 'partiallyGranted'], column: 'total' },
    alternatives: [[t3('granted'), t3('partiallyGranted')]],
    label: '予以公开与部分公开之和',
  }],
  [/部分公开/, table3Target('partiallyGranted', '（二）部分公开总计')],
  [/不予公开/, groupTarget('denied', '（三）不予公开合计')],
  [/予以公开/, table3Target('granted', '（一）予以公开总计')],
  [/无法提供/, groupTarget('unable', '（四）无法提供合计')],
  [/不予处理/, groupTarget('notProcessed', '（五）不予处理合计')],
  [/其他处理/, groupTarget('other', '（六）其他处理合计')],
  [/法人(?:或|和)其他组织/, applicantTarget(TABLE3_APPLICANT_COLUMNS.slice(1, 6), '法人或其他组织新收申请合计')],
  [/自然人/, applicantTarget(['naturalPerson'], '自然人新收申请')],
  [/商业企业/, applicantTarget(['commercial'], '商业企业新收申请')],
  [/科研机构/, applicantTarget(['research'], '科研机构新收申请')],
  [/社会公益组织/, applicantTarget(['publicInterest'], '社会公益组织新收申请')],
  [/法律服务机构/, applicantTarget(['legalService'], '法律服务机构新收申请')],
  [/办结|答复/, table3Target('resultTotal', '办理结果（七）总计')],
  [/(?:办理|处理)(?:了)?(?:政府信息公开|依申请公开|信息公开)?申请/, table3Target('resultTotal', '办理结果（七）总计', [[t3('newReceived'), t3('carriedOver')]])],
  [/(?:新收到?|受理|收到|接收|接到)(?:[^，。；]*)申请/, NEW_RECEIVED],
  [/行政许可/, table2Target('licensing', '行政许可本年处理决定数量', table2CellId('licensing'))],
  [/行政处罚/, table2Target('punishment', '行政处罚本年处理决定数量', table2CellId('punishment'))],
  [/行政强制/, table2Target('coercion', '行政强制本年处理决定数量', table2CellId('coercion'))],
  [/(?:制发|新制定|制定|印发|出台)(?:行政)?规范性文件/, table2Target('normativeDocuments', '行政规范性文件本年制发件数', table2CellId('normativeDocuments', 'issued'), 'issued')],
  [/(?:制发|新制定|制定|出台)规章/, table2Target('regulations', '规章本年制发件数', table2CellId('regulations', 'issued'), 'issued')],
  [/废止(?:行政)?规范性文件/, table2Target('normativeDocuments', '行政规范性文件本年废止件数', table2CellId('normativeDocuments', 'repealed'), 'repealed')],
  [/现行有效/, inForceTarget],
];

/**
 * Table 4 counts only appeals about information disclosure. An organ's own review work (a 司法局's
 * “办理行政复议案件120件”, “公开行政复议决定书15件”) is something else: the sentence must say the organ was the
 * respondent (被申请/被提起) or name 政府信息公开.
 */
function aboutDisclosureAppeals(clause: string, sentence: string): boolean {
  if (/决定书|案件办理|办理(?:行政复议|行政诉讼)|受理(?:行政复议|行政诉讼)|应诉/.test(clause)) return false;
  return /被申请|被提起|被诉|被起诉/.test(clause) || /政府信息公开|信息公开|依申请公开/.test(sentence + clause);
}

/** “现行有效N件” belongs to 规章 or 规范性文件, whichever its sentence is about (else no claim). */
function inForceTarget(clause: string, sentence: string): ClaimTarget | null {
  if (/政策性文件|其他文件/.test(clause)) return null;
  if (/规章/.test(clause) && !/规范性文件/.test(clause)) {
    return table2Target('regulations', '规章现行有效件数', table2CellId('regulations', 'inForce'), 'inForce');
  }
  if (/规范性文件/.test(clause) || (/规范性文件/.test(sentence) && !/规章/.test(sentence))) {
    return table2Target('normativeDocuments', '行政规范性文件现行有效件数', table2CellId('normativeDocuments', 'inForce'), 'inForce');
  }
  return null;
}

/** Clauses that are about something else and must never be read as a table figure. */
const NOT_A_TABLE_FIGURE = /政策性文件|其他文件|主动公开|机构职能|解读|建议|提案/;

function targetOfClause(clause: string, sentence: string): ClaimTarget | null {
  if (NOT_A_TABLE_FIGURE.test(clause)) return null;
  for (const [pattern, target] of CLAUSE_PATTERNS) {
    if (!pattern.test(clause)) continue;
    return typeof target === 'function' ? target(clause, sentence) : target;
  }
  return null;
}

/** A figure and its counter; the look-behind starts a match only at the start of a digit run (else O(n²) on long ones). */
const NUMBER = /(?<!\d)(\d+)(件|条|份)/g;
const CLAUSE_BREAK = /[，,。；;：:、！!？?]/;

/** The text between the last clause break (or the previous number) and `index`. */
function clauseBefore(sentence: string, index: number, floor: number): string {
  let start = index;
  while (start > floor && !CLAUSE_BREAK.test(sentence[start - 1])) start--;
  return sentence.slice(start, index);
}

/** Figures with a counter (件, 条, 份) in a sentence; one too long to be a count (past 2^53) is no claim. */
function* numberClaims(sentence: string): Generator<TextClaim> {
  let floor = 0;
  for (const match of sentence.matchAll(NUMBER)) {
    const index = match.index ?? 0;
    const clause = clauseBefore(sentence, index, floor);
    floor = index + match[0].length;
    const stated = Number(match[1]);
    if (!Number.isSafeInteger(stated)) continue;
    const target = targetOfClause(clause, sentence.slice(0, index));
    if (target) yield { target, stated, text: `${clause}${match[0]}` };
  }
}

/** Zero phrases: “未收到…申请”, “无上年结转申请”, “未发生…行政复议和行政诉讼”. */
function zeroClaims(sentence: string): TextClaim[] {
  const claims: TextClaim[] = [];
  for (const clause of sentence.split(CLAUSE_BREAK)) {
    if (/\d/.test(clause)) continue;
    const aboutAppeals = /复议|诉讼/.test(clause);
    if (aboutAppeals && /未(?:发生|收到|有|出现)|没有|无(?:行政)?(?:复议|诉讼)/.test(clause)) {
      if (/复议/.test(clause)) claims.push({ target: REVIEW, stated: 0, text: clause });
      if (/诉讼/.test(clause)) claims.push({ target: LITIGATION, stated: 0, text: clause });
      continue;
    }
    if (/(?:^|[^否])无上一?年度?结转|上一?年度?无结转|没有上一?年度?结转/.test(clause)) {
      claims.push({ target: table3Target('carriedOver', '上年结转总计'), stated: 0, text: clause });
    } else if (/未(?:收到|受理|接到)[^，。；]*申请/.test(clause) && !NOT_A_TABLE_FIGURE.test(clause)) {
      claims.push({ target: NEW_RECEIVED, stated: 0, text: clause });
    }
  }
  return claims;
}

/** Every claim of one paragraph (compact NFKC text), in order of appearance; found as they are asked for. */
export function* claimsOf(paragraph: string): Generator<TextClaim> {
  for (const sentence of paragraph.split(/(?<=[。；;！!？?])/)) {
    yield* numberClaims(sentence);
    yield* zeroClaims(sentence);
  }
}
