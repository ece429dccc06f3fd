/**
 * OCR of a PDF, on the review view: the offer (a scan without a text layer, or tables pasted as pictures; the
 * reviewer asks for it, knowing it takes a while and every value must be checked), its progress, and once
 * read the banner that the values came from OCR with how many are still unchecked.
 */
import { useEffect, useRef, useState } from 'react';
import type { DocumentReview, OcrProgressView } from '../../../shared/api/contract';
import { ocrCounts } from '../../../shared/engine/ocr-values';
import { useApiClient } from '../app/api-context';
import { errorMessage } from '../api/errors';

const POLL_MS = 600;

export function OcrBar({ review, onRead }: { review: DocumentReview; onRead(): void }) {
  const counts = ocrCounts(review.cells);
  const scanned = review.findings.some((finding) => finding.rule === 'NO-TEXT-LAYER');
  // A table pasted as a picture: MISSING-TABLE names the pages its picture is on.
  const pictured = review.findings.some((finding) => finding.rule === 'MISSING-TABLE' && Array.isArray(finding.pages));
  if (counts.total > 0) return <OcrBanner total={counts.total} unchecked={counts.unchecked} />;
  if (!(scanned || pictured) || review.summary.fileType !== 'pdf' || review.summary.status !== 'checked') return null;
  return <OcrOffer id={review.summary.id} onRead={onRead} what={scanned ? 'scan' : 'pictures'} />;
}

function OcrBanner({ total, unchecked }: { total: number; unchecked: number }) {
  return (
    <div className="ocr-banner" role="status" data-testid="ocr-banner">
      <strong>本报告数值由文字识别（OCR）读取，未经核对，请逐项对照原件确认</strong>
      <span data-testid="ocr-unchecked">
        {unchecked > 0 ? `尚有 ${unchecked} / ${total} 项 OCR 识别值待核对。` : `全部 ${total} 项 OCR 识别值已核对或更正。`}
        表格中带 <span className="ocr-legend" aria-hidden="true" /> 标记（虚线框、左上角橙色三角）的数值为识别所得、尚未核对；点击数值，在“单元格批注与更正”中“核对无误”或填写更正值。依据未核对数值得出的问题均注明“待核对”。
      </span>
    </div>
  );
}

function OcrOffer({ id, onRead, what }: { id: string; onRead(): void; what: 'scan' | 'pictures' }) {
  const { api } = useApiClient();
  const [progress, setProgress] = useState<OcrProgressView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** The review is reloaded once per finished run, however often the finished state is seen. */
  const reloaded = useRef(false);

  useEffect(() => {
    let live = true;
    const poll = async () => {
      try {
        const next = await api.call('ocrProgress', { id });
        if (!live) return;
        setProgress(next);
        if (next.state === 'running') timer.current = setTimeout(() => void poll(), POLL_MS);
        else if (next.state === 'done' && next.ocrValues > 0 && !reloaded.current) {
          reloaded.current = true;
          onRead();
        }
      } catch (failure) {
        if (live) setError(errorMessage(failure));
      }
    };
    void poll();
    return () => {
      live = false;
      if (timer.current) clearTimeout(timer.current);
    };
    // Polls again whenever a new run starts (progress.state goes back to running through start()).
  }, [api, id, onRead, progress?.state === 'running']);

  const start = async () => {
    setError(null);
    reloaded.current = false;
    try {
      setProgress(await api.call('startOcr', { id }));
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  const running = progress?.state === 'running';
  return (
    <div className="ocr-offer" data-testid="ocr-offer">
      <div className="ocr-offer-text">
        <strong>{what === 'scan' ? '此 PDF 是扫描件（没有文字层），表格数值无法直接读取。' : '此 PDF 中的统计表是粘贴的图片，表格数值无法直接读取。'}</strong>
        <span>
          可以用文字识别（OCR）在本机读取表格数值，不联网。识别需要一些时间（每页数秒）；识别所得的每个数值都会标注“OCR”，须对照原件逐项核对后方可采信。
        </span>
      </div>
      {!running && (
        <button type="button" className="btn-primary" data-testid="ocr-start" onClick={() => void start()}>
          {what === 'scan' ? '识别扫描件（OCR）' : '识别表格图片（OCR）'}
        </button>
      )}
      {running && <OcrRunning progress={progress} />}
      {progress?.state === 'failed' && <div className="field-error">{progress.message}</div>}
      {progress?.state === 'done' && progress.message && <div className="field-error">{progress.message}</div>}
      {error && <div className="field-error">{error}</div>}
    </div>
  );
}

function OcrRunning({ progress }: { progress: OcrProgressView }) {
  const share = progress.totalCells > 0 ? progress.cells / progress.totalCells : 0;
  return (
    <div className="ocr-progress" data-testid="ocr-progress" aria-live="polite">
      <span>
        正在识别{progress.page ? `第 ${progress.page} 页` : '…'}
        {progress.totalCells > 0 ? `：表格单元格 ${progress.cells} / ${progress.totalCells}` : ''}
      </span>
      <progress max={1} value={share} />
    </div>
  );
}
