import { useEffect, useRef } from 'react';
import { describeCell } from '../../../shared/engine/describe';
import type { Annotations, FindingDecision } from '../../../shared/model/annotations';
import { groupByRootCause } from '../review/finding-groups';
import { resolvedDecisions } from '../review/resolved-decisions';
import { ResolvedNotes } from './ResolvedNotes';
import type { ReviewFinding } from '../review/types';
import { FindingItem } from './FindingItem';

interface FindingsListProps {
  findings: ReviewFinding[];
  decisions: Annotations['findings'];
  selectedKey: string | null;
  onSelect(key: string): void;
  onDecide(key: string, decision: FindingDecision['decision']): void;
  onNote(key: string, note: string): void;
}

export function FindingsList({ findings, decisions, selectedKey, ...handlers }: FindingsListProps) {
  const listRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!selectedKey) return;
    const item = listRef.current?.querySelector(`[data-finding-key="${CSS.escape(selectedKey)}"]`);
    item?.scrollIntoView({ block: 'nearest' });
  }, [selectedKey]);

  const resolved = <ResolvedNotes resolved={resolvedDecisions(decisions, findings)} />;
  if (findings.length === 0) return <div className="findings"><div className="empty-note">未发现问题。</div>{resolved}</div>;
  return (
    <div className="findings" ref={listRef} data-testid="findings">
      {groupByRootCause(findings).map((group) => {
        const items = group.findings.map((finding) => (
          <FindingItem key={finding.key} finding={finding} decision={decisions[finding.key]} selected={finding.key === selectedKey} {...handlers} />
        ));
        if (!group.rootCause) return <ul key={group.findings[0].key} className="finding-group">{items}</ul>;
        return (
          <section key={group.rootCause} className="root-cause" data-root-cause={group.rootCause}>
            <header className="root-cause-head">
              疑为一个单元格有误：<strong>{describeCell(group.rootCause)}</strong>
              <span className="root-cause-count">（{group.findings.length} 处合计关系因此不符）</span>
            </header>
            <ul className="finding-group">{items}</ul>
          </section>
        );
      })}
      {resolved}
    </div>
  );
}
