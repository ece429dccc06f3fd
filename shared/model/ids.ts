/**
 * The canonical ids of spec/report-model.md. These names are used in code, JSON, tests and sidecars alike.
 */

export const TABLE2_DOCUMENT_ITEMS = ['regulations', 'normativeDocuments'] as const;
export type Table2DocumentItem = (typeof TABLE2_DOCUMENT_ITEMS)[number];
export const TABLE2_DOCUMENT_COLUMNS = ['issued', 'repealed', 'inForce'] as const;
export type Table2DocumentColumn = (typeof TABLE2_DOCUMENT_COLUMNS)[number];
export const TABLE2_SINGLE_ITEMS = ['licensing', 'punishment', 'coercion', 'fees'] as const;
export type Table2SingleItem = (typeof TABLE2_SINGLE_ITEMS)[number];
export type Table2Item = Table2DocumentItem | Table2SingleItem;
export const TABLE2_ITEMS: readonly Table2Item[] = [...TABLE2_DOCUMENT_ITEMS, ...TABLE2_SINGLE_ITEMS];

export const TABLE3_COLUMNS = [
  'naturalPerson',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];
/** The six applicant columns whose sum is `total`. */
export const TABLE3_APPLICANT_COLUMNS = TABLE3_COLUMNS.slice(0, 6) as readonly Table3Column[];

export const TABLE3_ROWS = [
  'newReceived',
  'carriedOver',
  'granted',
  'partiallyGranted',
  'denied.stateSecret',
  'denied.lawProhibited',
  'denied.security',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.processInfo',
  'denied.enforcementFile',
  'denied.queryMatter',
  'unable.notHeld',
  'unable.needsCreation',
  'unable.unclear',
  'notProcessed.petition',
  'notProcessed.duplicate',
  'notProcessed.publication',
  'notProcessed.excessive',
  'notProcessed.confirmation',
  'other.overdueCorrection',
  'other.overdueFee',
  'other.other',
  'resultTotal',
  'carriedForward',
] as const;
export type Table3Row = (typeof TABLE3_ROWS)[number];

export const TABLE3_GROUPS = ['denied', 'unable', 'notProcessed', 'other'] as const;
export type Table3Group = (typeof TABLE3_GROUPS)[number];

/** The 21 result rows from `granted` to `other.other`, whose sum is `resultTotal`. */
export const TABLE3_RESULT_ROWS = TABLE3_ROWS.slice(2, 23) as readonly Table3Row[];

export function table3GroupOf(row: Table3Row): Table3Group | null {
  const dot = row.indexOf('.');
  return dot < 0 ? null : (row.slice(0, dot) as Table3Group);
}

export function table3GroupRows(group: Table3Group): Table3Row[] {
  return TABLE3_ROWS.filter((row) => table3GroupOf(row) === group);
}

export const TABLE4_GROUPS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];
export const TABLE4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type Table4Column = (typeof TABLE4_COLUMNS)[number];

export const SECTIONS = ['一', '二', '三', '四', '五', '六'] as const;
export type SectionId = (typeof SECTIONS)[number];

export const TABLE_IDS = ['table2', 'table3', 'table4'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const RULE_IDS = [
  'T3-ROW-SUM',
  'T3-COL-SUM',
  'T3-BALANCE',
  'T4-SUM',
  'BLANK-CELL',
  'BAD-VALUE',
  'MISSING-ROW',
  'MISSING-SECTION',
  'OLD-FORMAT',
  'NO-TEXT-LAYER',
  'TEXT-TABLE-MISMATCH',
  'CARRY-MISMATCH',
  'LATE',
  'MISSING-TABLE',
  'TABLE-LAYOUT',
  'LABEL-ALTERED',
  'YEAR-MISMATCH',
  'ORGAN-NAME-MISMATCH',
  'SECTION5-EMPTY',
  'SECTION6-FEE',
  'NO-DATE',
  'T2-STOCK-FLOW',
  'TEXT-DUPLICATE',
  'HIERARCHY-SUM',
  'YOY-OUTLIER',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * A canonical cell id, e.g. `table3.granted.total`, `table2.regulations.issued`, `table2.fees`,
 * `table4.review.total`, `table3Groups.other.total`.
 */
export type CellId = string;

export function table2CellId(item: Table2Item, column?: Table2DocumentColumn): CellId {
  return column ? `table2.${item}.${column}` : `table2.${item}`;
}
export function table3CellId(row: Table3Row, column: Table3Column): CellId {
  return `table3.${row}.${column}`;
}
export function table3GroupCellId(group: Table3Group, column: Table3Column): CellId {
  return `table3Groups.${group}.${column}`;
}
export function table4CellId(group: Table4Group, column: Table4Column): CellId {
  return `table4.${group}.${column}`;
}

/** Every cell of the three tables that the format has (200 cells), in reading order. */
export function allCanonicalCellIds(): CellId[] {
  const ids: CellId[] = [];
  for (const item of TABLE2_DOCUMENT_ITEMS) for (const column of TABLE2_DOCUMENT_COLUMNS) ids.push(table2CellId(item, column));
  for (const item of TABLE2_SINGLE_ITEMS) ids.push(table2CellId(item));
  for (const row of TABLE3_ROWS) for (const column of TABLE3_COLUMNS) ids.push(table3CellId(row, column));
  for (const group of TABLE4_GROUPS) for (const column of TABLE4_COLUMNS) ids.push(table4CellId(group, column));
  return ids;
}

/** The place a cell id points at, in the vocabulary of findings (`table`, `row`, `column`, `group`). */
export interface CellPlace {
  table: TableId;
  row?: string;
  column?: string;
  group?: string;
}

export function placeOfCell(id: CellId): CellPlace {
  const parts = id.split('.');
  const head = parts[0];
  if (head === 'table2') {
    return parts.length === 3 ? { table: 'table2', row: parts[1], column: parts[2] } : { table: 'table2', row: parts[1] };
  }
  if (head === 'table3') {
    return { table: 'table3', row: parts.slice(1, -1).join('.'), column: parts[parts.length - 1] };
  }
  if (head === 'table3Groups') {
    return { table: 'table3', row: parts[1], column: parts[2] };
  }
  return { table: 'table4', group: parts[1], column: parts[2] };
}
