import { useEffect, useState } from 'react';
import { ocrCounts } from '../../../shared/engine/ocr-values';
import type { DocumentReview } from '../../../shared/api/contract';
import { SEVERITY_NAMES, describeCell, describePlace } from '../../../shared/engine/describe';
import { VERDICTS } from '../../../shared/model/annotations';
import { useApiClient } from '../app/api-context';
import { navigate } from '../app/router';
import { errorMessage } from '../api/errors';
import { expectedVersusActual } from '../findings/finding-text';
import { displayOrder } from '../review/finding-groups';
import { ruleTitle } from '../../../shared/rules';
import { resolvedDecisions } from '../review/resolved-decisions';
import '../styles/sheet.css';

const DECISION_TEXT = { confirmed: '确认', dismissed: '驳回' } as const;

/** Who reviews, from the settings: printed on the sheet (blank when not set or not available). */
export interface Reviewing {
  office: string;
  reviewers: string[];
}

const NOBODY: Reviewing = { office: '', reviewers: [] };

function useSheetReview(id: string) {
  const { api } = useApiClient();
  const [state, setState] = useState<{ review: DocumentReview | null; reviewing: Reviewing; error: string | null }>({ review: null, reviewing: NOBODY, error: null });
  useEffect(() => {
    const settings = api.call('getSettings', {}).then(({ settings: s }) => ({ office: s.office, reviewers: s.reviewers }), () => NOBODY);
    Promise.all([api.call('getReview', { id }), settings]).then(
      ([review, reviewing]) => setState({ review, reviewing, error: null }),
      (failure) => setState({ review: null, reviewing: NOBODY, error: errorMessage(failure) }),
    );
  }, [api, id]);
  return state;
}

function PrintBar({ id }: { id: string }) {
  const { api, transport } = useApiClient();
  const [message, setMessage] = useState<string | null>(null);
  const print = async () => {
    if (transport === 'http') return window.print();
    try {
      await api.call('printSheet', { id, mode: 'print' });
    } catch (failure) {
      setMessage(errorMessage(failure));
    }
  };
  const savePdf = async () => {
    try {
      const { pdfPath } = await api.call('printSheet', { id, mode: 'pdf' });
      setMessage(pdfPath ? `已保存为 ${pdfPath}` : null);
    } catch (failure) {
      setMessage(errorMessage(failure));
    }
  };
  return (
    <div className="sheet-bar no-print">
      <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'review', id })}>← 返回审核</button>
      <span className="toolbar-spacer" />
      {message && <span className="muted">{message}</span>}
      {transport === 'ipc' && <button type="button" className="btn" onClick={savePdf}>另存为 PDF…</button>}
      <button type="button" className="btn-primary" onClick={print} data-testid="print-button">打印</button>
    </div>
  );
}

function MetaTable({ review, reviewing }: { review: DocumentReview; reviewing: Reviewing }) {
  const { summary, report } = review;
  return (
    <table className="sheet-table sheet-meta">
      <tbody>
        <tr><th>审核机关</th><td data-testid="sheet-office">{reviewing.office || '　'}</td><th>审核人员</th><td data-testid="sheet-reviewers">{reviewing.reviewers.join('、') || '　'}</td></tr>
        <tr><th>报告机关</th><td>{report?.organ ?? summary.organ ?? '未识别'}</td><th>报告年度</th><td>{report?.year ?? summary.year ?? '未识别'}</td></tr>
        <tr><th>文件名</th><td colSpan={3}>{summary.name}</td></tr>
        <tr><th>SHA-256</th><td colSpan={3} className="mono">{review.sha256}</td></tr>
        <tr><th>落款日期</th><td>{report?.signedDate ?? '无'}</td><th>校验结果</th><td>错误 {summary.counts.error} 项，警告 {summary.counts.warning} 项，提示 {summary.counts.info} 项</td></tr>
      </tbody>
    </table>
  );
}

function FindingsSection({ review }: { review: DocumentReview }) {
  const findings = displayOrder(review.findings);
  if (findings.length === 0) return <p>未发现问题。</p>;
  return (
    <table className="sheet-table sheet-findings">
      <thead>
        <tr><th className="c-no">序号</th><th className="c-sev">级别</th><th>问题与位置</th><th className="c-decision">审核意见</th><th className="c-note">备注</th></tr>
      </thead>
      <tbody>
        {findings.map((finding, index) => {
          const decision = review.annotations.findings[finding.key];
          const versus = expectedVersusActual(finding);
          return (
            <tr key={finding.key}>
              <td className="c-no">{index + 1}</td>
              <td className="c-sev">{SEVERITY_NAMES[finding.severity]}</td>
              <td>
                <div className="sheet-finding-title">{ruleTitle(finding.rule)}　<span className="muted">{describePlace(finding)}</span></div>
                <div>{finding.message}{versus ? `（${versus}）` : ''}</div>
                {finding.rootCause && <div className="muted">疑似有误单元格：{describeCell(finding.rootCause)}</div>}
              </td>
              <td className="c-decision">{decision?.decision ? DECISION_TEXT[decision.decision] : '未处理'}</td>
              <td className="c-note">{decision?.note ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Notes on findings no longer raised (e.g. resolved by a correction): the reviewer's words stay on record. */
function ResolvedSection({ review }: { review: DocumentReview }) {
  const resolved = resolvedDecisions(review.annotations.findings, review.findings);
  if (resolved.length === 0) return null;
  return (
    <>
      <p className="sheet-subhead">以下问题在更正数值后已不再出现，审核时所作意见保留如下：</p>
      <table className="sheet-table">
        <thead><tr><th>问题与位置</th><th className="c-decision">审核意见</th><th className="c-note">备注</th></tr></thead>
        <tbody>
          {resolved.map(({ key, place, decision }) => (
            <tr key={key}>
              <td><span className="sheet-finding-title">{ruleTitle(place.rule)}</span>　<span className="muted">{describePlace(place)}</span></td>
              <td className="c-decision">{decision.decision ? DECISION_TEXT[decision.decision] : '未处理'}</td>
              <td className="c-note">{decision.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function CorrectionsSection({ review }: { review: DocumentReview }) {
  const corrections = Object.entries(review.annotations.corrections);
  if (corrections.length === 0) return <p>无。</p>;
  return (
    <table className="sheet-table">
      <thead><tr><th>单元格</th><th>原识别值</th><th>更正值</th><th>依据</th></tr></thead>
      <tbody>
        {corrections.map(([id, correction]) => (
          <tr key={id}>
            <td>{describeCell(id)}</td>
            <td>{correction.originalRaw ?? correction.originalValue ?? '空'}</td>
            <td>{correction.value ?? '空'}</td>
            <td>{correction.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CellNotesSection({ review }: { review: DocumentReview }) {
  const notes = Object.entries(review.annotations.cellNotes);
  if (notes.length === 0) return <p>无。</p>;
  return (
    <table className="sheet-table">
      <thead><tr><th>单元格</th><th>批注</th></tr></thead>
      <tbody>
        {notes.map(([id, note]) => (
          <tr key={id}><td>{describeCell(id)}</td><td>{note}</td></tr>
        ))}
      </tbody>
    </table>
  );
}

/** A scan read by OCR: the sheet says its values came from OCR, and how many were checked. */
function OcrNote({ review }: { review: DocumentReview }) {
  const { total, unchecked } = ocrCounts(review.cells);
  if (total === 0) return null;
  return (
    <p className="sheet-ocr-note" data-testid="sheet-ocr-note">
      注：本报告为扫描件，表格数值由文字识别（OCR）读取，共 {total} 项；
      {unchecked > 0 ? `其中 ${unchecked} 项尚未对照原件核对，依据这些数值得出的问题均注明“待核对”。` : '已全部对照原件核对或更正。'}
    </p>
  );
}

function VerdictSection({ review, office }: { review: DocumentReview; office: string }) {
  const { verdict } = review.annotations;
  return (
    <div className="sheet-verdict">
      <div className="verdict-line">
        审核结论：{VERDICTS.map((value) => (
          <span key={value} className="verdict-box">{verdict.value === value ? '☑' : '☐'} {value}</span>
        ))}
      </div>
      <div className="sheet-comment"><strong>总体意见：</strong>{verdict.comment || '（无）'}</div>
      <div className="sheet-reviewer">审核人：{verdict.reviewer || '　'}　　审核日期：{verdict.date ?? '　'}</div>
      <div className="signature-lines">
        <span>审核人签字：<span className="sign-line" /></span>
        <span>日期：<span className="sign-line short" /></span>
      </div>
      {office && <div className="sheet-seal">{office}（盖章）</div>}
    </div>
  );
}

export function SheetView({ id }: { id: string }) {
  const { review, reviewing, error } = useSheetReview(id);
  return (
    <div className="sheet-page">
      <PrintBar id={id} />
      {error && <div className="page-error no-print">无法生成审核意见单：{error}</div>}
      {review && (
        <article className="sheet" data-testid="sheet" data-sheet-ready="true">
          <h1>政府信息公开工作年度报告审核意见单</h1>
          <MetaTable review={review} reviewing={reviewing} />
          <OcrNote review={review} />
          <h2>一、校验发现的问题及审核意见</h2>
          <FindingsSection review={review} />
          <ResolvedSection review={review} />
          <h2>二、更正的识别数值</h2>
          <CorrectionsSection review={review} />
          <h2>三、单元格批注</h2>
          <CellNotesSection review={review} />
          <h2>四、审核结论</h2>
          <VerdictSection review={review} office={reviewing.office} />
          <footer className="sheet-footer">本意见单由“年报审核”离线生成 · 文件 SHA-256 见上表</footer>
        </article>
      )}
    </div>
  );
}
