import { memo, useState } from 'react';
import { SEVERITY_NAMES, describePlace } from '../../../shared/engine/describe';
import type { FindingDecision } from '../../../shared/model/annotations';
import { ruleTitle } from '../../../shared/rules';
import type { ReviewFinding } from '../review/types';
import { expectedVersusActual } from './finding-text';

interface FindingItemProps {
  finding: ReviewFinding;
  decision: FindingDecision | undefined;
  selected: boolean;
  onSelect(key: string): void;
  onDecide(key: string, decision: FindingDecision['decision']): void;
  onNote(key: string, note: string): void;
}

function DecisionButtons({ finding, decision, onDecide }: Pick<FindingItemProps, 'finding' | 'decision' | 'onDecide'>) {
  const current = decision?.decision ?? null;
  const toggle = (value: 'confirmed' | 'dismissed') => onDecide(finding.key, current === value ? null : value);
  return (
    <div className="decision-buttons" onClick={(event) => event.stopPropagation()}>
      <button type="button" className={`btn-small ${current === 'confirmed' ? 'is-confirmed' : ''}`} onClick={() => toggle('confirmed')} title="确认这是问题，需要整改">
        确认问题
      </button>
      <button type="button" className={`btn-small ${current === 'dismissed' ? 'is-dismissed' : ''}`} onClick={() => toggle('dismissed')} title="驳回：不是问题（误报）">
        驳回
      </button>
    </div>
  );
}

function NoteEditor({ finding, decision, onNote }: Pick<FindingItemProps, 'finding' | 'decision' | 'onNote'>) {
  const note = decision?.note ?? '';
  const [open, setOpen] = useState(note !== '');
  if (!open) {
    return (
      <button type="button" className="link-button" onClick={(event) => { event.stopPropagation(); setOpen(true); }}>
        + 添加备注
      </button>
    );
  }
  return (
    <textarea
      className="note-input"
      aria-label="问题备注"
      placeholder="审核备注（自动保存）"
      value={note}
      rows={2}
      onClick={(event) => event.stopPropagation()}
      onChange={(event) => onNote(finding.key, event.target.value)}
    />
  );
}

function FindingItemView({ finding, decision, selected, onSelect, onDecide, onNote }: FindingItemProps) {
  const versus = expectedVersusActual(finding);
  const state = decision?.decision ?? 'open';
  return (
    <li
      className={`finding sev-${finding.severity} decision-${state} ${selected ? 'is-selected' : ''}`}
      data-finding-key={finding.key}
      data-rule={finding.rule}
      onClick={() => onSelect(finding.key)}
      aria-selected={selected}
    >
      <div className="finding-head">
        <span className={`sev-badge sev-${finding.severity}`}>{SEVERITY_NAMES[finding.severity]}</span>
        <span className="finding-title">{ruleTitle(finding.rule)}</span>
        <span className="finding-rule">{finding.rule}</span>
        {state !== 'open' && <span className={`decision-tag decision-${state}`}>{state === 'confirmed' ? '已确认' : '已驳回'}</span>}
      </div>
      <div className="finding-place">{describePlace(finding)}</div>
      <div className="finding-message">{finding.message}</div>
      {versus && <div className="finding-versus">{versus}</div>}
      <div className="finding-actions">
        <DecisionButtons finding={finding} decision={decision} onDecide={onDecide} />
        <NoteEditor finding={finding} decision={decision} onNote={onNote} />
      </div>
    </li>
  );
}

export const FindingItem = memo(FindingItemView);
