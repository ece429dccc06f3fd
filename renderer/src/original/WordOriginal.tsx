import { useEffect, useMemo, useRef } from 'react';
import type { CellReading } from '../review/types';
import { docxCellIndex } from '../review/source-index';
import type { OriginalViewProps } from './highlight';
import { sanitizeDocumentHtml } from './sanitize-html';
import { tagWordCells, type CellMap } from './word-cells';

interface WordOriginalProps extends OriginalViewProps {
  html: string;
  cellMap: CellMap;
  cells: Record<string, CellReading>;
}

function applyHighlight(byCell: Map<string, HTMLTableCellElement>, focus: string[], involved: string[]): HTMLElement | null {
  for (const td of byCell.values()) td.classList.remove('is-focus', 'is-involved');
  for (const id of involved) byCell.get(id)?.classList.add('is-involved');
  for (const id of focus) byCell.get(id)?.classList.add('is-focus');
  return focus.map((id) => byCell.get(id)).find(Boolean) ?? involved.map((id) => byCell.get(id)).find(Boolean) ?? null;
}

export function WordOriginal({ html, cellMap, cells, highlight, zoom, onSelectCell, onReady }: WordOriginalProps) {
  const pageRef = useRef<HTMLDivElement>(null);
  const byCellRef = useRef(new Map<string, HTMLTableCellElement>());
  const sourceIndex = useMemo(() => docxCellIndex(cells), [cells]);

  useEffect(() => {
    const page = pageRef.current;
    if (!page) return;
    page.replaceChildren(sanitizeDocumentHtml(html));
    onReady();
    // onReady is a notification only: the content depends on the HTML alone.
  }, [html]);

  useEffect(() => {
    if (pageRef.current) byCellRef.current = tagWordCells(pageRef.current, cellMap, sourceIndex);
  }, [html, cellMap, sourceIndex]);

  useEffect(() => {
    const target = applyHighlight(byCellRef.current, highlight.focus, highlight.involved);
    target?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
  }, [highlight, sourceIndex]);

  const onClick = (event: React.MouseEvent) => {
    const td = (event.target as HTMLElement).closest<HTMLElement>('td[data-cell-id], th[data-cell-id]');
    if (td?.dataset.cellId) onSelectCell(td.dataset.cellId);
  };

  return (
    <div className="word-scroll" data-testid="original-word">
      <div className="word-page" ref={pageRef} onClick={onClick} style={{ zoom }} />
    </div>
  );
}
