/** The reviewer's selection (a finding or a cell) and what it highlights in the grids and the original. */
import { useCallback, useMemo, useState } from 'react';
import { involvedCellIds, markedCellIds } from './cell-marks';
import type { CellReading, ReviewFinding, Selection } from './types';

export interface SelectionState {
  selection: Selection;
  serial: number;
  selectedFinding: ReviewFinding | null;
  focus: string[];
  involved: string[];
  selectFinding(key: string): void;
  selectCell(id: string): void;
  clear(): void;
}

export function useSelection(findings: ReviewFinding[], cells: Record<string, CellReading>): SelectionState {
  const [state, setState] = useState<{ selection: Selection; serial: number }>({ selection: null, serial: 0 });
  const select = useCallback((selection: Selection) => setState((current) => ({ selection, serial: current.serial + 1 })), []);
  const selectFinding = useCallback((key: string) => select({ kind: 'finding', key }), [select]);
  const selectCell = useCallback((id: string) => select({ kind: 'cell', id }), [select]);
  const clear = useCallback(() => select(null), [select]);

  const { selection, serial } = state;
  const selectedFinding = selection?.kind === 'finding' ? (findings.find((finding) => finding.key === selection.key) ?? null) : null;
  const { focus, involved } = useMemo(() => {
    if (selectedFinding) return { focus: markedCellIds(selectedFinding, cells), involved: involvedCellIds(selectedFinding, cells) };
    if (selection?.kind === 'cell') return { focus: [selection.id], involved: [] };
    return { focus: [], involved: [] };
  }, [selectedFinding, selection, cells]);

  return { selection, serial, selectedFinding, focus, involved, selectFinding, selectCell, clear };
}
