import { useCallback, useMemo, useState } from 'react';
import type { DocumentReview } from '../../../shared/api/contract';
import type { Annotations } from '../../../shared/model/annotations';
import { navigate } from '../app/router';
import { useSession } from '../app/session';
import { navigationList } from '../dashboard/dashboard-model';
import { useDashboardView } from '../dashboard/use-dashboard-view';
import { NO_HIGHLIGHT } from '../original/highlight';
import { OriginalPane } from '../original/OriginalPane';
import { cellSeverities } from '../review/cell-marks';
import { displayOrder } from '../review/finding-groups';
import { useReview } from '../review/use-review';
import { useSelection } from '../review/use-selection';
import { useShortcuts, type ShortcutAction } from '../review/use-shortcuts';
import { OcrBar } from '../review/OcrBar';
import { TablesPane } from '../tables/TablesPane';
import { ReviewTopBar } from './ReviewTopBar';
import { ShortcutHelp } from './ShortcutHelp';
import { SidePanel, type PanelTab } from './SidePanel';

const ZOOM_STEP = 1.15;
const clampZoom = (zoom: number) => Math.min(4, Math.max(0.4, Math.round(zoom * 100) / 100));

/** N/P and 上一份/下一份 follow the dashboard: its filter and its sort, as the reviewer left them. */
function useDocumentPosition(id: string) {
  const { documents } = useSession();
  const [view] = useDashboardView();
  const list = useMemo(() => navigationList(documents, view, id), [documents, view, id]);
  const index = list.findIndex((doc) => doc.id === id);
  const filtered = list.length < documents.length;
  const step = (delta: 1 | -1) => {
    const next = list[index + delta];
    if (next) navigate({ name: 'review', id: next.id });
  };
  return { position: { index, count: list.length, filtered }, step };
}

export function ReviewView({ id }: { id: string }) {
  const { review, annotations, loadError, save, edit, retrySave, reload } = useReview(id);
  const { position, step } = useDocumentPosition(id);
  const [help, setHelp] = useState(false);
  return (
    <div className="review-layout">
      <ReviewTopBar review={review} position={position} save={save} onRetrySave={retrySave} onStep={step} onHelp={() => setHelp(true)} />
      {loadError && <div className="page-error">无法打开此报告：{loadError}</div>}
      {!loadError && (!review || !annotations) && <div className="pane-loading">正在载入…</div>}
      {review && annotations && <Workspace review={review} annotations={annotations} edit={edit} onReload={reload} onStep={step} onHelp={() => setHelp((shown) => !shown)} />}
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </div>
  );
}

interface WorkspaceProps {
  review: DocumentReview;
  annotations: Annotations;
  edit(change: (annotations: Annotations) => Annotations): void;
  onReload(): void;
  onStep(step: 1 | -1): void;
  onHelp(): void;
}

function Workspace({ review, annotations, edit, onReload, onStep, onHelp }: WorkspaceProps) {
  const findings = useMemo(() => displayOrder(review.findings), [review.findings]);
  const selection = useSelection(findings, review.cells);
  const severities = useMemo(() => cellSeverities(findings, review.cells), [findings, review.cells]);
  const [tab, setTab] = useState<PanelTab>('findings');
  const [zoom, setZoom] = useState(1);
  const [originalReady, setOriginalReady] = useState(false);

  const { selectFinding: pickFinding, selectCell: pickCell } = selection;
  const selectFinding = useCallback((key: string) => { pickFinding(key); setTab('findings'); }, [pickFinding]);
  const selectCell = useCallback((cellId: string) => { pickCell(cellId); setTab('cell'); }, [pickCell]);
  const walkFindings = (delta: number) => {
    if (findings.length === 0) return;
    const current = findings.findIndex((finding) => finding.key === selection.selectedFinding?.key);
    const next = current < 0 ? (delta > 0 ? 0 : findings.length - 1) : Math.min(findings.length - 1, Math.max(0, current + delta));
    selectFinding(findings[next].key);
  };
  useShortcuts((action: ShortcutAction) => {
    if (action === 'nextFinding' || action === 'previousFinding') walkFindings(action === 'nextFinding' ? 1 : -1);
    else if (action === 'nextDocument' || action === 'previousDocument') onStep(action === 'nextDocument' ? 1 : -1);
    else if (action === 'zoomIn' || action === 'zoomOut') setZoom((z) => clampZoom(action === 'zoomIn' ? z * ZOOM_STEP : z / ZOOM_STEP));
    else if (action === 'zoomReset') setZoom(1);
    else if (action === 'help') onHelp();
    else selection.clear();
  });

  const highlight = useMemo(
    () => (selection.serial ? { focus: selection.focus, involved: selection.involved, serial: selection.serial } : NO_HIGHLIGHT),
    [selection.focus, selection.involved, selection.serial],
  );
  const onReady = useCallback(() => setOriginalReady(true), []);

  return (
    <main className="review-main">
      <section className="original-col" data-original-ready={originalReady ? 'true' : 'false'}>
        <div className="col-toolbar">
          <span className="col-title">原文</span>
          <span className="muted small">点击原文中的数字可定位到表格</span>
          <span className="toolbar-spacer" />
          <button type="button" className="btn-ghost btn-icon" title="缩小（−）" onClick={() => setZoom((z) => clampZoom(z / ZOOM_STEP))}>−</button>
          <button type="button" className="btn-ghost zoom-value" title="恢复（0）" onClick={() => setZoom(1)}>{Math.round(zoom * 100)}%</button>
          <button type="button" className="btn-ghost btn-icon" title="放大（+）" onClick={() => setZoom((z) => clampZoom(z * ZOOM_STEP))}>+</button>
        </div>
        <div className="original-body">
          <OriginalPane documentId={review.summary.id} cells={review.cells} highlight={highlight} zoom={zoom} onSelectCell={selectCell} onReady={onReady} />
        </div>
      </section>
      <section className="work-col">
        <div className="tables-col">
          <OcrBar review={review} onRead={onReload} />
          {review.summary.status === 'unreadable' ? <UnreadableNotice review={review} /> : <TablesPane cells={review.cells} severities={severities} focus={selection.focus} involved={selection.involved} notes={annotations.cellNotes} serial={selection.serial} onSelectCell={selectCell} />}
        </div>
        <SidePanel tab={tab} onTab={setTab} review={review} findings={findings} annotations={annotations} selection={{ ...selection, selectFinding }} edit={edit} onReload={onReload} />
      </section>
    </main>
  );
}

function UnreadableNotice({ review }: { review: DocumentReview }) {
  return (
    <div className="tables-pane">
      <div className="unreadable-banner" data-testid="unreadable">
        <strong>无法读取此报告的表格</strong>
        {review.summary.error?.message ?? '原因不明'}。可在“审核结论”中记录处理意见（例如退回）。
      </div>
    </div>
  );
}
