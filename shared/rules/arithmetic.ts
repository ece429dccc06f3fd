/**
 * Value semantics of the arithmetic rules and the table relations they check.
 *
 * A cell's value for arithmetic: status ok → its value; blank or missing → 0; bad, unreadable or
 * notInFormat → not assessable (null), and every relation it takes part in is skipped.
 * A collapsed group of table 3 (cells `table3Groups.<group>.<col>`) stands in for its sub-rows in T3-COL-SUM.
 */
import {
  TABLE3_APPLICANT_COLUMNS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_RESULT_ROWS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table3CellId,
  table3GroupCellId,
  table3GroupOf,
  table4CellId,
  type CellId,
  type Table3Column,
  type Table3Group,
  type Table3Row,
  type Table4Group,
} from '../model/ids';
import type { ReviewDocument } from '../model/review-document';

/** The value of a cell for arithmetic, or null when it is not assessable. */
export function arithmeticValue(doc: ReviewDocument, id: CellId): number | null {
  const reading = doc.cells[id];
  if (!reading) return null;
  switch (reading.status) {
    case 'ok':
      return reading.value;
    case 'blank':
    case 'missing':
      return 0;
    default:
      return null;
  }
}

/** The sum of the cells' arithmetic values, or null when any of them is not assessable. */
export function sumOf(doc: ReviewDocument, ids: readonly CellId[]): number | null {
  let sum = 0;
  for (const id of ids) {
    const value = arithmeticValue(doc, id);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

/** The value as read for a cross-table comparison: ok or blank only (missing rows are not compared). */
export function statedValue(doc: ReviewDocument, id: CellId): number | null {
  const reading = doc.cells[id];
  if (!reading) return null;
  if (reading.status === 'ok') return reading.value;
  if (reading.status === 'blank') return 0;
  return null;
}

export function statedSum(doc: ReviewDocument, ids: readonly CellId[]): number | null {
  let sum = 0;
  for (const id of ids) {
    const value = statedValue(doc, id);
    if (value === null) return null;
    sum += value;
  }
  return sum;
}

export type RelationKind = 'T3-ROW-SUM' | 'T3-COL-SUM' | 'T3-BALANCE' | 'T4-SUM';

/** `Σ left = Σ right`. For the sum relations `left` is the one total cell. */
export interface Relation {
  kind: RelationKind;
  /** Row (T3-ROW-SUM, a row id or a collapsed group id), column (T3-COL-SUM, T3-BALANCE) or group (T4-SUM). */
  key: string;
  left: CellId[];
  right: CellId[];
}

export interface RelationResult extends Relation {
  /** Σ left and Σ right, null when not assessable. */
  leftSum: number | null;
  rightSum: number | null;
  /** leftSum − rightSum; 0 when it holds, null when not assessable. */
  residual: number | null;
}

/** Collapsed groups present in the document (their cells are in doc.cells). */
export function collapsedGroups(doc: ReviewDocument): Table3Group[] {
  return TABLE3_GROUPS.filter((group) => table3GroupCellId(group, 'total') in doc.cells);
}

function rowSumRelation(row: Table3Row | Table3Group, cellOf: (column: Table3Column) => CellId): Relation {
  return {
    kind: 'T3-ROW-SUM',
    key: row,
    left: [cellOf('total')],
    right: TABLE3_APPLICANT_COLUMNS.map(cellOf),
  };
}

function rowIsAbsent(doc: ReviewDocument, row: Table3Row): boolean {
  return TABLE3_COLUMNS.every((column) => doc.cells[table3CellId(row, column)]?.status === 'missing');
}

export function table3RowRelations(doc: ReviewDocument): Relation[] {
  const rows = TABLE3_ROWS.filter((row) => !rowIsAbsent(doc, row)).map((row) =>
    rowSumRelation(row, (column) => table3CellId(row, column)),
  );
  const groups = collapsedGroups(doc).map((group) => rowSumRelation(group, (column) => table3GroupCellId(group, column)));
  return [...rows, ...groups];
}

/** The cells that make up the 21 result rows in a column, a collapsed group standing in for its sub-rows. */
export function resultCells(doc: ReviewDocument, column: Table3Column): CellId[] {
  const collapsed = new Set<Table3Group>(collapsedGroups(doc));
  const cells: CellId[] = [];
  for (const row of TABLE3_RESULT_ROWS) {
    const group = table3GroupOf(row);
    if (group && collapsed.has(group)) continue;
    cells.push(table3CellId(row, column));
  }
  for (const group of collapsed) cells.push(table3GroupCellId(group, column));
  return cells;
}

export function table3ColumnRelations(doc: ReviewDocument): Relation[] {
  return TABLE3_COLUMNS.map((column) => ({
    kind: 'T3-COL-SUM' as const,
    key: column,
    left: [table3CellId('resultTotal', column)],
    right: resultCells(doc, column),
  }));
}

export function table3BalanceRelations(): Relation[] {
  return TABLE3_COLUMNS.map((column) => ({
    kind: 'T3-BALANCE' as const,
    key: column,
    left: [table3CellId('newReceived', column), table3CellId('carriedOver', column)],
    right: [table3CellId('resultTotal', column), table3CellId('carriedForward', column)],
  }));
}

export function table4Relations(): Relation[] {
  return TABLE4_GROUPS.map((group: Table4Group) => ({
    kind: 'T4-SUM' as const,
    key: group,
    left: [table4CellId(group, 'total')],
    right: TABLE4_COLUMNS.filter((column) => column !== 'total').map((column) => table4CellId(group, column)),
  }));
}

export function evaluate(doc: ReviewDocument, relation: Relation): RelationResult {
  const leftSum = sumOf(doc, relation.left);
  const rightSum = sumOf(doc, relation.right);
  const residual = leftSum === null || rightSum === null ? null : leftSum - rightSum;
  return { ...relation, leftSum, rightSum, residual };
}

export function isViolated(result: RelationResult): boolean {
  return result.residual !== null && result.residual !== 0;
}

/**
 * The error a cell would have to carry to explain a violated relation on its own: a cell on the left side
 * that is δ too high raises the residual by δ, one on the right side lowers it by δ.
 */
function impliedError(result: RelationResult, cell: CellId): number | null {
  if (result.residual === null) return null;
  if (result.left.includes(cell)) return result.residual;
  if (result.right.includes(cell)) return -result.residual;
  return null;
}

function relationKey(result: Relation): string {
  return `${result.kind}:${result.key}`;
}

/**
 * Root causes of the table-3 arithmetic findings: a cell explains a set of violated relations when every
 * assessable relation it takes part in is violated with the same implied error, and there are at least two.
 * Returns, per relation key (`T3-ROW-SUM:granted`), the suspected cell; a relation explained by more than
 * one cell gets none.
 */
export function table3RootCauses(results: RelationResult[]): Map<string, CellId> {
  const byCell = new Map<CellId, RelationResult[]>();
  for (const result of results) {
    for (const cell of [...result.left, ...result.right]) {
      const list = byCell.get(cell) ?? [];
      list.push(result);
      byCell.set(cell, list);
    }
  }
  const candidates = new Map<string, CellId[]>();
  for (const [cell, relations] of byCell) {
    const assessable = relations.filter((result) => result.residual !== null);
    if (assessable.length < 2 || !assessable.every(isViolated)) continue;
    const errors = new Set(assessable.map((result) => impliedError(result, cell)));
    if (errors.size !== 1) continue;
    for (const result of assessable) {
      const list = candidates.get(relationKey(result)) ?? [];
      list.push(cell);
      candidates.set(relationKey(result), list);
    }
  }
  const causes = new Map<string, CellId>();
  for (const [key, cells] of candidates) if (cells.length === 1) causes.set(key, cells[0]);
  return causes;
}

export interface Table3Diagnosis {
  results: RelationResult[];
  rootCauses: Map<string, CellId>;
}

const diagnoses = new WeakMap<ReviewDocument, Table3Diagnosis>();

/**
 * All table-3 relations evaluated, with their root causes. Three rules ask for it on the same document
 * (documents are not changed once built: corrections make a new one), so it is worked out once.
 */
export function diagnoseTable3(doc: ReviewDocument): Table3Diagnosis {
  let diagnosis = diagnoses.get(doc);
  if (!diagnosis) {
    const relations = [...table3RowRelations(doc), ...table3ColumnRelations(doc), ...table3BalanceRelations()];
    const results = relations.map((relation) => evaluate(doc, relation));
    diagnosis = { results, rootCauses: table3RootCauses(results) };
    diagnoses.set(doc, diagnosis);
  }
  return diagnosis;
}

export function rootCauseOf(diagnosis: Table3Diagnosis, result: Relation): CellId | undefined {
  return diagnosis.rootCauses.get(relationKey(result));
}
