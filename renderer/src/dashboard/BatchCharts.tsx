import type { DocumentSummary } from '../../../shared/api/contract';
import { BarChart } from './BarChart';
import { applicationsByResult, findingsByRule, newReceivedByYear } from './chart-data';

function ChartCard({ title, note, children }: { title: string; note?: string; children: React.ReactNode }) {
  return (
    <section className="chart-card">
      <h3>{title}</h3>
      {note && <div className="chart-note">{note}</div>}
      {children}
    </section>
  );
}

/** The batch at a glance: findings by rule, applications by result, this year against last year. */
export function BatchCharts({ documents }: { documents: DocumentSummary[] }) {
  const rules = findingsByRule(documents);
  const results = applicationsByResult(documents);
  const years = newReceivedByYear(documents);
  return (
    <div className="chart-grid" data-testid="batch-charts">
      <ChartCard title="问题按规则">
        {rules.length > 0 ? <BarChart bars={rules} labelWidth={150} testId="chart-rules" /> : <p className="muted">未发现问题。</p>}
      </ChartCard>
      <ChartCard title="申请办理结果（全部报告合计）">
        <BarChart bars={results} labelWidth={80} color="#3d8b5a" testId="chart-results" />
      </ChartCard>
      <ChartCard title="本年新收申请数 · 与上年对比" note="深色：本年；浅色：上年">
        {years.length > 0 ? <BarChart bars={years} labelWidth={170} testId="chart-years" /> : <p className="muted">本次打开的报告中没有同一机关相邻年度的报告。</p>}
      </ChartCard>
    </div>
  );
}
