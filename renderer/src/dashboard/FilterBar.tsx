import type { DashboardView } from './dashboard-model';

const TOGGLES = [
  { key: 'onlyErrors', label: '只看有错误的' },
  { key: 'onlyUnreviewed', label: '只看未审核的' },
  { key: 'onlyUnreadable', label: '只看无法读取的' },
] as const;

export function FilterBar({ view, onChange, shown, total }: { view: DashboardView; onChange(change: Partial<DashboardView>): void; shown: number; total: number }) {
  return (
    <div className="filter-bar" data-testid="filter-bar">
      {TOGGLES.map((toggle) => (
        <label key={toggle.key} className={`filter-toggle ${view[toggle.key] ? 'is-on' : ''}`}>
          <input type="checkbox" checked={view[toggle.key]} onChange={(event) => onChange({ [toggle.key]: event.target.checked })} />
          {toggle.label}
        </label>
      ))}
      <input type="search" className="filter-search" placeholder="按机关或文件名搜索" aria-label="按机关或文件名搜索" value={view.search} onChange={(event) => onChange({ search: event.target.value })} />
      <span className="muted filter-count">{shown === total ? `共 ${total} 份` : `显示 ${shown} / ${total} 份`}</span>
    </div>
  );
}
