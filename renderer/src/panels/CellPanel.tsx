import { useEffect, useState } from 'react';
import { SEVERITY_NAMES, describeCell } from '../../../shared/engine/describe';
import { OCR_CONFIRMED_NOTE, isConfirmedOcr, isUncheckedOcr } from '../../../shared/engine/ocr-values';
import type { Annotations } from '../../../shared/model/annotations';
import { parseCorrectedValue } from '../review/annotation-edits';
import { ruleTitle } from '../../../shared/rules';
import type { CellReading, ReviewFinding } from '../review/types';
import { cellStatusText } from '../tables/cell-text';

interface CellPanelProps {
  cell: CellReading | undefined;
  cellId: string;
  findings: ReviewFinding[];
  annotations: Annotations;
  onNote(id: string, note: string): void;
  onCorrect(cell: CellReading, value: number | null, note: string): void;
  onRemoveCorrection(id: string): void;
  onSelectFinding(key: string): void;
}

function CorrectionForm({ cell, annotations, onCorrect, onRemoveCorrection }: Pick<CellPanelProps, 'annotations' | 'onCorrect' | 'onRemoveCorrection'> & { cell: CellReading }) {
  const existing = annotations.corrections[cell.id];
  const [text, setText] = useState(existing ? String(existing.value ?? '') : '');
  const [reason, setReason] = useState(existing?.note ?? '');
  const [invalid, setInvalid] = useState(false);
  useEffect(() => {
    setText(existing ? String(existing.value ?? '') : '');
    setReason(existing?.note ?? '');
  }, [cell.id, existing]);

  const apply = () => {
    const parsed = parseCorrectedValue(text);
    setInvalid(!parsed.ok);
    if (parsed.ok) onCorrect(cell, parsed.value, reason);
  };
  return (
    <div className="correction">
      <div className="correction-row">
        <label htmlFor="correction-value">更正值</label>
        <input id="correction-value" className={`correction-value ${invalid ? 'is-invalid' : ''}`} value={text} inputMode="decimal" placeholder="留空=实为空白" onChange={(event) => setText(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && apply()} />
        <label htmlFor="correction-reason">依据</label>
        <input id="correction-reason" value={reason} placeholder="例如：原件为 93，识别有误" onChange={(event) => setReason(event.target.value)} />
        <button type="button" className="btn-primary btn-small" onClick={apply}>应用更正并重新校验</button>
        {existing && <button type="button" className="btn-small" onClick={() => onRemoveCorrection(cell.id)}>撤销更正</button>}
      </div>
      {invalid && <div className="field-error">请输入不小于 0 的数字，或留空。</div>}
      {existing && (
        <div className="correction-record">
          原读数：{existing.originalRaw ?? (existing.originalValue ?? '空')}　→　更正为：{existing.value ?? '空'}
        </div>
      )}
    </div>
  );
}

export function CellPanel({ cell, cellId, findings, annotations, onNote, onCorrect, onRemoveCorrection, onSelectFinding }: CellPanelProps) {
  const note = annotations.cellNotes[cellId] ?? '';
  return (
    <div className="cell-panel" data-testid="cell-panel">
      <h3 className="panel-title">{describeCell(cellId)}</h3>
      <div className="cell-facts">
        <span>读数：<strong>{cell?.raw?.trim() || (cell?.value ?? '空')}</strong></span>
        {cell && <span className="muted">{cellStatusText(cell) || '正常'}</span>}
      </div>
      {findings.length > 0 && (
        <ul className="cell-findings">
          {findings.map((finding) => (
            <li key={finding.key}>
              <button type="button" className="link-button" onClick={() => onSelectFinding(finding.key)}>
                <span className={`sev-dot sev-${finding.severity}`} />
                {SEVERITY_NAMES[finding.severity]} · {ruleTitle(finding.rule)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <label className="field-label" htmlFor="cell-note">单元格批注</label>
      <textarea id="cell-note" className="note-input" rows={2} value={note} placeholder="对该单元格的批注（自动保存）" onChange={(event) => onNote(cellId, event.target.value)} />
      {cell && isUncheckedOcr(cell) && (
        <div className="ocr-check" data-testid="ocr-check">
          <span>此数值由文字识别（OCR）读取，未经核对。请对照左侧原件：</span>
          {(cell.status === 'ok' || cell.status === 'blank') && (
            <button type="button" className="btn-primary btn-small" data-testid="ocr-confirm" onClick={() => onCorrect(cell, cell.value, OCR_CONFIRMED_NOTE)}>
              核对无误（{cell.value ?? '空'}）
            </button>
          )}
          <span className="muted">如有误，在下方填写更正值。</span>
        </div>
      )}
      {cell && isConfirmedOcr(cell) && <div className="ocr-check">OCR 识别值已对照原件核对无误。</div>}
      {cell && cell.status !== 'notInFormat' && (
        <CorrectionForm cell={cell} annotations={annotations} onCorrect={onCorrect} onRemoveCorrection={onRemoveCorrection} />
      )}
    </div>
  );
}
