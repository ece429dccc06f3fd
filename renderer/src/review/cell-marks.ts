/** Which cells a finding is about, and the severest finding on each cell (for colouring the grids). */
import { SEVERITIES, type Severity } from '../../../shared/model/ids';
import type { CellReading, ReviewFinding } from './types';

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

/** The cell a finding's place names (row + column, or group + column), if the document has it. */
export function placeCellId(finding: ReviewFinding, cells: Record<string, CellReading>): string | null {
  const { table, row, column, group } = finding;
  const candidates: string[] = [];
  if (table === 'table2' && row) candidates.push(column ? `table2.${row}.${column}` : `table2.${row}`);
  if (table === 'table3' && row && column) candidates.push(`table3.${row}.${column}`, `table3Groups.${row}.${column}`);
  if (table === 'table4' && group && column) candidates.push(`table4.${group}.${column}`);
  return candidates.find((id) => cells[id]) ?? null;
}

/** The cells a finding marks in colour: its own place and its suspected root cause, else all its cells. */
export function markedCellIds(finding: ReviewFinding, cells: Record<string, CellReading>): string[] {
  const marked = [placeCellId(finding, cells), finding.rootCause].filter((id): id is string => !!id && !!cells[id]);
  if (marked.length > 0) return [...new Set(marked)];
  return (finding.cells ?? []).filter((id) => cells[id]);
}

/** Every cell involved in a finding (highlighted when it is selected). */
export function involvedCellIds(finding: ReviewFinding, cells: Record<string, CellReading>): string[] {
  return [...new Set([...(finding.cells ?? []), ...markedCellIds(finding, cells)])].filter((id) => cells[id]);
}

export function cellSeverities(findings: ReviewFinding[], cells: Record<string, CellReading>): Map<string, Severity> {
  const severest = new Map<string, Severity>();
  for (const finding of findings) {
    for (const id of markedCellIds(finding, cells)) {
      const current = severest.get(id);
      if (!current || severityRank(finding.severity) > severityRank(current)) severest.set(id, finding.severity);
    }
  }
  return severest;
}

export function findingsOnCell(findings: ReviewFinding[], cells: Record<string, CellReading>, id: string): ReviewFinding[] {
  return findings.filter((finding) => involvedCellIds(finding, cells).includes(id));
}
