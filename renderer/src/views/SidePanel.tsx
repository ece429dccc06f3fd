import type { DocumentReview } from '../../../shared/api/contract';
import type { Annotations } from '../../../shared/model/annotations';
import { FindingsList } from '../findings/FindingsList';
import { CellPanel } from '../panels/CellPanel';
import { LinksPanel } from '../panels/LinksPanel';
import { SidecarNotice } from '../panels/SaveIndicator';
import { VerdictPanel } from '../panels/VerdictPanel';
import * as edits from '../review/annotation-edits';
import { findingsOnCell } from '../review/cell-marks';
import type { ReviewFinding } from '../review/types';
import type { SelectionState } from '../review/use-selection';

export type PanelTab = 'findings' | 'cell' | 'verdict' | 'links';

interface SidePanelProps {
  tab: PanelTab;
  onTab(tab: PanelTab): void;
  review: DocumentReview;
  findings: ReviewFinding[];
  annotations: Annotations;
  selection: SelectionState;
  edit(change: (annotations: Annotations) => Annotations): void;
  /** Loads the review again (after its related reports changed). */
  onReload?(): void;
}

function TabButton({ tab, current, onTab, label }: { tab: PanelTab; current: PanelTab; onTab(tab: PanelTab): void; label: string }) {
  return (
    <button type="button" role="tab" aria-selected={tab === current} className={`tab ${tab === current ? 'is-active' : ''}`} onClick={() => onTab(tab)}>
      {label}
    </button>
  );
}

function CellTab({ review, findings, annotations, selection, edit }: Omit<SidePanelProps, 'tab' | 'onTab' | 'onReload'>) {
  const id = selection.selection?.kind === 'cell' ? selection.selection.id : selection.focus[0];
  if (!id) return <div className="empty-note">在表格或原文中点击一个数字，即可为该单元格添加批注或更正识别错误的数值。</div>;
  return (
    <CellPanel
      cellId={id}
      cell={review.cells[id]}
      findings={findingsOnCell(findings, review.cells, id)}
      annotations={annotations}
      onNote={(cellId, note) => edit((current) => edits.setCellNote(current, cellId, note))}
      onCorrect={(cell, value, note) => edit((current) => edits.setCorrection(current, cell, value, note))}
      onRemoveCorrection={(cellId) => edit((current) => edits.removeCorrection(current, cellId))}
      onSelectFinding={selection.selectFinding}
    />
  );
}

export function SidePanel({ tab, onTab, review, findings, annotations, selection, edit, onReload }: SidePanelProps) {
  const verdict = annotations.verdict.value;
  return (
    <section className="side-panel">
      <nav className="tabs" role="tablist">
        <TabButton tab="findings" current={tab} onTab={onTab} label={`问题清单（${findings.length}）`} />
        <TabButton tab="cell" current={tab} onTab={onTab} label="单元格批注与更正" />
        <TabButton tab="verdict" current={tab} onTab={onTab} label={`审核结论${verdict ? `：${verdict}` : ''}`} />
        <TabButton tab="links" current={tab} onTab={onTab} label="关联报告" />
      </nav>
      <div className="tab-body">
        {tab === 'findings' && review.summary.status === 'pending' && <div className="findings"><div className="empty-note" data-testid="review-pending">正在检查此报告，请稍候…</div></div>}
        {tab === 'findings' && review.summary.status !== 'pending' && (
          <FindingsList
            findings={findings}
            decisions={annotations.findings}
            selectedKey={selection.selectedFinding?.key ?? null}
            onSelect={selection.selectFinding}
            onDecide={(key, decision) => edit((current) => edits.setDecision(current, key, decision))}
            onNote={(key, note) => edit((current) => edits.setFindingNote(current, key, note))}
          />
        )}
        {tab === 'cell' && <CellTab review={review} findings={findings} annotations={annotations} selection={selection} edit={edit} />}
        {tab === 'links' && <LinksPanel review={review} onChanged={() => onReload?.()} />}
        {tab === 'verdict' && <VerdictPanel verdict={annotations.verdict} onChange={(change) => edit((current) => edits.setVerdict(current, change))} />}
      </div>
      <SidecarNotice info={review.annotationsInfo} />
    </section>
  );
}
