/** 设置 (#/settings): the reviewing office, reviewers, deadlines per organ kind, and each rule's switch and severity. */
import { useEffect, useState } from 'react';
import type { RuleId, Severity } from '../../../shared/model/ids';
import type { AppSettings } from '../../../shared/model/settings';
import { RULES } from '../../../shared/rules';
import { useApiClient } from '../app/api-context';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { errorMessage } from '../api/errors';

const SEVERITY_TEXT: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };
const DEADLINES = [
  { key: 'departmentDeadline', label: '县级以上人民政府部门', hint: '法定：次年 1 月 31 日' },
  { key: 'governmentDeadline', label: '县级以上地方人民政府', hint: '法定：次年 3 月 31 日' },
  { key: 'otherDeadline', label: '乡镇、街道及其他机关', hint: '由审核机关设定' },
] as const;

export function isMonthDay(text: string): boolean {
  const match = /^(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [month, day] = [Number(match[1]), Number(match[2])];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(2024, month, 0).getDate();
}

type Status = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; path: string } | { kind: 'error'; message: string };

export function SettingsView() {
  const { api } = useApiClient();
  const { refresh } = useSession();
  const [settings, setSettings] = useState<AppSettings | null>(null);
  const [path, setPath] = useState('');
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  useEffect(() => {
    api.call('getSettings', {}).then(
      (answer) => { setSettings(answer.settings); setPath(answer.path); },
      (failure: unknown) => setStatus({ kind: 'error', message: errorMessage(failure) }),
    );
  }, [api]);
  const change = (patch: Partial<AppSettings>) => {
    setSettings((current) => (current ? { ...current, ...patch } : current));
    setStatus({ kind: 'idle' });
  };
  const invalid = settings ? DEADLINES.filter((deadline) => !isMonthDay(settings[deadline.key])).map((d) => d.label) : [];
  const save = async () => {
    if (!settings) return;
    setStatus({ kind: 'saving' });
    try {
      const answer = await api.call('saveSettings', { settings });
      setSettings(answer.settings);
      setStatus({ kind: 'saved', path: answer.path });
      await refresh();
    } catch (failure) {
      setStatus({ kind: 'error', message: errorMessage(failure) });
    }
  };
  return (
    <div className="settings-page">
      <header className="topbar">
        <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'list' })}>← 报告列表</button>
        <div className="topbar-title"><div className="doc-name">设置</div><div className="doc-file">{path}</div></div>
        <button type="button" className="btn" disabled={!settings || invalid.length > 0 || status.kind === 'saving'} onClick={() => void save()}>保存设置</button>
      </header>
      <div className="settings-body">
        <SaveStatus status={status} invalid={invalid} />
        {!settings && status.kind !== 'error' && <p className="muted">正在载入…</p>}
        {settings && <SettingsForm settings={settings} change={change} />}
      </div>
    </div>
  );
}

function SaveStatus({ status, invalid }: { status: Status; invalid: string[] }) {
  if (invalid.length > 0) return <div className="page-error">截止日期须为“月-日”（例如 01-31）：{invalid.join('、')}</div>;
  if (status.kind === 'error') return <div className="page-error">{status.message}</div>;
  if (status.kind === 'saved') return <div className="settings-saved" data-testid="settings-saved">已保存到 {status.path}，已按新设置重新检查已打开的报告。</div>;
  return null;
}

function SettingsForm({ settings, change }: { settings: AppSettings; change(patch: Partial<AppSettings>): void }) {
  return (
    <div className="settings-grid">
      <section className="card">
        <h2>审核机关</h2>
        <label className="field">
          <span>审核机关名称</span>
          <input type="text" value={settings.office} maxLength={200} placeholder="例如：临川市人民政府办公室（政务公开办）" onChange={(event) => change({ office: event.target.value })} />
        </label>
        <ReviewersField reviewers={settings.reviewers} onChange={(reviewers) => change({ reviewers })} />
        <h2 className="settings-subhead">报告发布截止日期（次年）</h2>
        {DEADLINES.map((deadline) => (
          <label key={deadline.key} className="field field-inline">
            <span>{deadline.label}</span>
            <input type="text" className={`deadline-input ${isMonthDay(settings[deadline.key]) ? '' : 'is-invalid'}`} value={settings[deadline.key]} maxLength={5} placeholder="MM-DD" onChange={(event) => change({ [deadline.key]: event.target.value })} />
            <small className="muted">{deadline.hint}</small>
          </label>
        ))}
        <h2 className="settings-subhead">扫描件文字识别</h2>
        <label className="settings-check">
          <input type="checkbox" data-testid="setting-ocr" checked={settings.ocrScans} onChange={(event) => change({ ocrScans: event.target.checked })} />
          <span>打开或批量检查时，对没有文字层的 PDF 扫描件进行文字识别（OCR）</span>
        </label>
        <small className="muted settings-check-hint">默认关闭。识别较慢（每页数秒），识别出的数值均标注为 OCR 识别值，须逐项对照原件核对后方可采信。也可在单份扫描件的审核页点击“识别扫描件（OCR）”。</small>
      </section>
      <section className="card">
        <h2>检查规则</h2>
        <RulesTable rules={settings.rules} onChange={(rules) => change({ rules })} />
      </section>
    </div>
  );
}

function ReviewersField({ reviewers, onChange }: { reviewers: string[]; onChange(reviewers: string[]): void }) {
  const [text, setText] = useState(reviewers.join('\n'));
  return (
    <label className="field">
      <span>审核人（每行一位）</span>
      <textarea rows={3} value={text} onChange={(event) => {
        setText(event.target.value);
        onChange(event.target.value.split(/\r?\n/).map((line) => line.trim()).filter(Boolean));
      }} />
    </label>
  );
}

type RuleSettings = AppSettings['rules'];

function RulesTable({ rules, onChange }: { rules: RuleSettings; onChange(rules: RuleSettings): void }) {
  const update = (id: RuleId, patch: { enabled?: boolean; severity?: Severity | undefined }) => {
    const next = { enabled: rules[id]?.enabled ?? true, severity: rules[id]?.severity, ...patch };
    onChange({ ...rules, [id]: next.severity ? next : { enabled: next.enabled } });
  };
  return (
    <table className="rules-table" data-testid="rules-table">
      <thead><tr><th>启用</th><th>规则</th><th>级别</th></tr></thead>
      <tbody>
        {RULES.map((rule) => {
          const enabled = rules[rule.id]?.enabled !== false;
          return (
            <tr key={rule.id} className={enabled ? '' : 'is-disabled'}>
              <td><input type="checkbox" aria-label={`启用：${rule.title}`} checked={enabled} onChange={(event) => update(rule.id, { enabled: event.target.checked })} /></td>
              <td title={rule.description}><div className="rule-title">{rule.title}</div><div className="rule-id muted">{rule.id}</div></td>
              <td>
                <select aria-label={`级别：${rule.title}`} value={rules[rule.id]?.severity ?? ''} disabled={!enabled} onChange={(event) => update(rule.id, { severity: (event.target.value || undefined) as Severity | undefined })}>
                  <option value="">默认（{SEVERITY_TEXT[rule.severity]}）</option>
                  {(['error', 'warning', 'info'] as const).map((severity) => <option key={severity} value={severity}>{SEVERITY_TEXT[severity]}</option>)}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
