import { VERDICTS, type Annotations } from '../../../shared/model/annotations';

interface VerdictPanelProps {
  verdict: Annotations['verdict'];
  onChange(change: Partial<Annotations['verdict']>): void;
}

const VERDICT_HINTS = { 通过: '报告无实质问题', 需整改: '需限期整改后重新公开', 退回: '退回重新编制' } as const;

export function VerdictPanel({ verdict, onChange }: VerdictPanelProps) {
  return (
    <div className="verdict-panel" data-testid="verdict-panel">
      <div className="verdict-choices" role="radiogroup" aria-label="审核结论">
        {VERDICTS.map((value) => (
          <button
            key={value}
            type="button"
            role="radio"
            aria-checked={verdict.value === value}
            className={`verdict-choice verdict-${value} ${verdict.value === value ? 'is-chosen' : ''}`}
            onClick={() => onChange({ value: verdict.value === value ? null : value })}
          >
            <span className="verdict-name">{value}</span>
            <span className="verdict-hint">{VERDICT_HINTS[value]}</span>
          </button>
        ))}
      </div>
      <label className="field-label" htmlFor="verdict-comment">总体意见</label>
      <textarea id="verdict-comment" className="note-input" rows={3} value={verdict.comment} placeholder="对报告的总体审核意见" onChange={(event) => onChange({ comment: event.target.value })} />
      <div className="field-grid">
        <label htmlFor="verdict-reviewer">审核人</label>
        <input id="verdict-reviewer" value={verdict.reviewer} placeholder="姓名" onChange={(event) => onChange({ reviewer: event.target.value })} />
        <label htmlFor="verdict-date">审核日期</label>
        <input id="verdict-date" type="date" value={verdict.date ?? ''} onChange={(event) => onChange({ date: event.target.value || null })} />
      </div>
    </div>
  );
}
