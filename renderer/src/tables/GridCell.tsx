import { describeCell } from '../../../shared/engine/describe';
import { isConfirmedOcr, isUncheckedOcr } from '../../../shared/engine/ocr-values';
import { cellDisplayText, cellStatusText } from './cell-text';
import { useGridMarks } from './grid-context';

interface GridCellProps {
  id: string;
  colSpan?: number;
}

function cellClasses(id: string, marks: ReturnType<typeof useGridMarks>): string {
  const reading = marks.cells[id];
  const severity = marks.severities.get(id);
  return [
    'grid-value',
    reading ? `status-${reading.status}` : 'status-none',
    severity ? `sev-${severity}` : '',
    reading?.correctedFrom ? 'is-corrected' : '',
    reading?.ocr ? 'is-ocr' : '',
    marks.notes[id] ? 'has-note' : '',
    marks.focus.has(id) ? 'is-focus' : marks.involved.has(id) ? 'is-involved' : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function GridCell({ id, colSpan }: GridCellProps) {
  const marks = useGridMarks();
  const reading = marks.cells[id];
  const status = cellStatusText(reading);
  return (
    <td
      className={cellClasses(id, marks)}
      colSpan={colSpan}
      data-cell-id={id}
      title={`${describeCell(id)}${status ? `\n${status}` : ''}${marks.notes[id] ? `\n批注：${marks.notes[id]}` : ''}`}
      onClick={() => marks.onSelectCell(id)}
    >
      {isUncheckedOcr(reading) && <span className="ocr-mark" data-ocr-mark="true" aria-label="OCR 识别值，待核对" />}
      {cellDisplayText(reading)}
      {isConfirmedOcr(reading) ? <span className="checked-mark" title="OCR 识别值已核对">核</span> : reading?.correctedFrom && <span className="corrected-mark">改</span>}
    </td>
  );
}
