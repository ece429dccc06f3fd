/**
 * 批次汇总表 (#/batch-sheet): the batch on A4 landscape for the file — the office and reviewers from the settings,
 * the date, the counts, one row per report with its main problems, and lines to sign. Printed like the notes
 * sheet: in Electron by the main side (printer or PDF), in the browser with window.print().
 */
import { useEffect, useState } from 'react';
import type { BatchSheet, BatchSheetRow } from '../../../shared/api/contract';
import { useApiClient } from '../app/api-context';
import { navigate } from '../app/router';
import { errorMessage } from '../api/errors';
import { ORGAN_KIND_TEXT, REVIEW_STATE_TEXT } from '../dashboard/dashboard-model';
import '../styles/sheet.css';
import '../styles/batch-sheet.css';

export function chineseDate(date: Date): string {
  return `${date.getFullYear()}年${date.getMonth() + 1}月${date.getDate()}日`;
}

export interface BatchCounts {
  total: number;
  clean: number;
  withErrors: number;
  unreadable: number;
  pending: number;
  reviewed: number;
  verdicts: Record<'通过' | '需整改' | '退回', number>;
}

export function countRows(rows: BatchSheetRow[]): BatchCounts {
  const checked = rows.filter((row) => row.status === 'checked');
  const verdicts = { 通过: 0, 需整改: 0, 退回: 0 };
  for (const row of rows) if (row.verdict) verdicts[row.verdict]++;
  return {
    total: rows.length,
    clean: checked.filter((row) => row.errors + row.warnings === 0).length,
    withErrors: checked.filter((row) => row.errors > 0).length,
    unreadable: rows.filter((row) => row.status === 'unreadable').length,
    pending: rows.filter((row) => row.status === 'pending').length,
    reviewed: rows.filter((row) => row.reviewState === 'done').length,
    verdicts,
  };
}

function useBatchSheet() {
  const { api } = useApiClient();
  const [state, setState] = useState<{ sheet: BatchSheet | null; error: string | null }>({ sheet: null, error: null });
  useEffect(() => {
    api.call('batchSheet', {}).then(
      (sheet) => setState({ sheet, error: null }),
      (failure) => setState({ sheet: null, error: errorMessage(failure) }),
    );
  }, [api]);
  return state;
}

function PrintBar() {
  const { api, transport } = useApiClient();
  const [message, setMessage] = useState<string | null>(null);
  const run = async (mode: 'print' | 'pdf') => {
    if (mode === 'print' && transport === 'http') return window.print();
    try {
      const { pdfPath } = await api.call('printBatchSheet', { mode });
      setMessage(pdfPath ? `已保存为 ${pdfPath}` : null);
    } catch (failure) {
      setMessage(errorMessage(failure));
    }
  };
  return (
    <div className="sheet-bar no-print">
      <button type="button" className="btn-ghost" onClick={() => navigate({ name: 'list' })}>← 返回总览</button>
      <span className="sheet-bar-title">批次汇总表</span>
      <span className="toolbar-spacer" />
      {message && <span className="muted">{message}</span>}
      {transport === 'ipc' && <button type="button" className="btn" onClick={() => void run('pdf')}>另存为 PDF…</button>}
      <button type="button" className="btn-primary" onClick={() => void run('print')} data-testid="print-batch-button">打印</button>
    </div>
  );
}

function SummaryParagraph({ counts }: { counts: BatchCounts }) {
  const { verdicts } = counts;
  return (
    <p className="batch-sheet-summary" data-testid="batch-sheet-summary">
      本批次共审核报告 <b>{counts.total}</b> 份：未发现问题 <b>{counts.clean}</b> 份，有错误 <b>{counts.withErrors}</b> 份，无法读取 <b>{counts.unreadable}</b> 份
      {counts.pending > 0 && <>，尚在检查 <b>{counts.pending}</b> 份</>}
      ；已完成审核 <b>{counts.reviewed}</b> 份（通过 {verdicts.通过} 份，需整改 {verdicts.需整改} 份，退回 {verdicts.退回} 份）。
    </p>
  );
}

function SheetRow({ row, index }: { row: BatchSheetRow; index: number }) {
  const checked = row.status === 'checked';
  return (
    <tr data-doc-id={row.id}>
      <td className="c-no">{index + 1}</td>
      <td className="c-organ">
        <div className="organ-name">{row.organ ?? '（未识别机关名称）'}</div>
        <div className="file-name">{row.name}</div>
      </td>
      <td className="c-kind">{row.organKind ? ORGAN_KIND_TEXT[row.organKind] : '—'}</td>
      <td className="c-num">{row.year ?? '—'}</td>
      <td className="c-num">{checked ? row.errors : '—'}</td>
      <td className="c-num">{checked ? row.warnings : '—'}</td>
      <td className="c-problems">{row.problems}</td>
      <td className="c-state">{REVIEW_STATE_TEXT[row.reviewState]}</td>
      <td className="c-verdict">{row.verdict ?? '—'}{row.reviewer && <div className="file-name">{row.reviewer}</div>}</td>
    </tr>
  );
}

export function BatchSheetView() {
  const { sheet, error } = useBatchSheet();
  const counts = sheet ? countRows(sheet.rows) : null;
  return (
    <div className="sheet-page">
      <PrintBar />
      {error && <div className="page-error no-print">无法生成批次汇总表：{error}</div>}
      {sheet && counts && (
        <article className="sheet batch-sheet" data-testid="batch-sheet" data-sheet-ready="true">
          <h1>政府信息公开工作年度报告审核批次汇总表</h1>
          <div className="batch-sheet-meta">
            <span>审核机关：<span data-testid="batch-sheet-office">{sheet.office || '　　　　　　　　'}</span></span>
            <span>审核人员：<span data-testid="batch-sheet-reviewers">{sheet.reviewers.join('、') || '　　　　'}</span></span>
            <span>制表日期：{chineseDate(new Date(sheet.generatedAt))}</span>
          </div>
          <SummaryParagraph counts={counts} />
          {sheet.rows.length === 0 ? (
            <p>本次尚未打开任何报告。</p>
          ) : (
            <table className="sheet-table batch-sheet-table">
              <thead>
                <tr>
                  <th className="c-no">序号</th>
                  <th className="c-organ">报告机关 / 文件</th>
                  <th className="c-kind">机关类型</th>
                  <th className="c-num">年度</th>
                  <th className="c-num">错误</th>
                  <th className="c-num">警告</th>
                  <th className="c-problems">主要问题</th>
                  <th className="c-state">审核状态</th>
                  <th className="c-verdict">审核结论</th>
                </tr>
              </thead>
              <tbody>
                {sheet.rows.map((row, index) => <SheetRow key={row.id} row={row} index={index} />)}
              </tbody>
            </table>
          )}
          <div className="batch-sheet-sign">
            <span>审核人（签字）：<span className="sign-line" /></span>
            <span>负责人（签字）：<span className="sign-line" /></span>
            <span>{sheet.office ? `${sheet.office}（盖章）` : '审核机关（盖章）'}</span>
          </div>
          <footer className="sheet-footer">本表由“年报审核”离线生成；问题数为软件校验结果，审核结论以审核人意见为准。</footer>
        </article>
      )}
    </div>
  );
}
