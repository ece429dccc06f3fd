/** What every grid cell needs to draw itself: its reading, colour, selection state, note, and the click. */
import { createContext, useContext } from 'react';
import type { Severity } from '../../../shared/model/ids';
import type { CellReading } from '../review/types';

export interface GridMarks {
  cells: Record<string, CellReading>;
  severities: Map<string, Severity>;
  focus: Set<string>;
  involved: Set<string>;
  notes: Record<string, string>;
  onSelectCell(id: string): void;
}

const GridContext = createContext<GridMarks | null>(null);

export const GridMarksProvider = GridContext.Provider;

export function useGridMarks(): GridMarks {
  const marks = useContext(GridContext);
  if (!marks) throw new Error('GridMarksProvider missing');
  return marks;
}
