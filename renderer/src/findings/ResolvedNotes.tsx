import { describePlace } from '../../../shared/engine/describe';
import type { ResolvedDecision } from '../review/resolved-decisions';
import { ruleTitle } from '../../../shared/rules';

/** Below the findings: what the reviewer wrote on findings that the rules no longer raise. */
export function ResolvedNotes({ resolved }: { resolved: ResolvedDecision[] }) {
  if (resolved.length === 0) return null;
  return (
    <section className="resolved-notes" data-testid="resolved-notes">
      <header>更正后已不再出现的问题（保留审核意见）</header>
      <ul>
        {resolved.map(({ key, place, decision }) => (
          <li key={key}>
            <strong>{ruleTitle(place.rule)}</strong> · {describePlace(place)}
            {decision.decision && <span className="muted">（{decision.decision === 'confirmed' ? '曾确认' : '曾驳回'}）</span>}
            {decision.note && <div className="resolved-note">{decision.note}</div>}
          </li>
        ))}
      </ul>
    </section>
  );
}
