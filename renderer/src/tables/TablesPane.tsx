import { useEffect, useMemo, useRef } from 'react';
import type { Severity } from '../../../shared/model/ids';
import type { CellReading } from '../review/types';
import { GridMarksProvider, type GridMarks } from './grid-context';
import { Table2Grid } from './Table2Grid';
import { Table3Grid } from './Table3Grid';
import { Table4Grid } from './Table4Grid';

interface TablesPaneProps {
  cells: Record<string, CellReading>;
  severities: Map<string, Severity>;
  focus: string[];
  involved: string[];
  notes: Record<string, string>;
  serial: number;
  onSelectCell(id: string): void;
}

export function TablesPane({ cells, severities, focus, involved, notes, serial, onSelectCell }: TablesPaneProps) {
  const paneRef = useRef<HTMLDivElement>(null);
  const marks: GridMarks = useMemo(
    () => ({ cells, severities, focus: new Set(focus), involved: new Set(involved), notes, onSelectCell }),
    [cells, severities, focus, involved, notes, onSelectCell],
  );

  useEffect(() => {
    const first = focus[0] ?? involved[0];
    if (!first) return;
    const td = paneRef.current?.querySelector(`[data-cell-id="${CSS.escape(first)}"]`);
    td?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
    // Scroll only when the selection changes (serial), not on every re-check of the cells.
  }, [serial]);

  return (
    <GridMarksProvider value={marks}>
      <div className="tables-pane" ref={paneRef} data-testid="tables">
        <Table2Grid />
        <Table3Grid />
        <Table4Grid />
      </div>
    </GridMarksProvider>
  );
}
