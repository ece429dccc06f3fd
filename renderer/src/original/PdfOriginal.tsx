import { useEffect, useMemo, useRef, useState } from 'react';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { PDFViewer } from 'pdfjs-dist/web/pdf_viewer.mjs';
import { pdfCellAt, pdfCellBoxes, type PdfCellBox } from '../review/source-index';
import type { CellReading } from '../review/types';
import type { OriginalHighlight, OriginalViewProps } from './highlight';
import { boxToViewportRect, viewportPointToPdf, type ViewportLike } from './pdf-geometry';
import { documentOptions, loadPdfModules } from './pdf-setup';

interface PdfOriginalProps extends OriginalViewProps {
  url: string;
  cells: Record<string, CellReading>;
}

interface PageViewLike {
  div: HTMLDivElement;
  viewport: ViewportLike;
}

function pageViewOf(viewer: PDFViewer, page: number): PageViewLike | null {
  return (viewer.getPageView(page - 1) as PageViewLike | undefined) ?? null;
}

/** Draws one box per highlighted cell over its page; returns the first focus box (to scroll to). */
function drawMarks(viewer: PDFViewer, boxes: PdfCellBox[], highlight: OriginalHighlight): HTMLElement | null {
  viewer.container.querySelectorAll('.pdf-mark').forEach((mark) => mark.remove());
  let first: HTMLElement | null = null;
  const kinds = new Map<string, string>(highlight.involved.map((id) => [id, 'is-involved']));
  for (const id of highlight.focus) kinds.set(id, 'is-focus');
  for (const { id, page, box } of boxes) {
    const kind = kinds.get(id);
    const view = kind ? pageViewOf(viewer, page) : null;
    if (!kind || !view) continue;
    const rect = boxToViewportRect(view.viewport, box);
    const mark = document.createElement('div');
    mark.className = `pdf-mark ${kind}`;
    Object.assign(mark.style, { left: `${rect.left}px`, top: `${rect.top}px`, width: `${rect.width}px`, height: `${rect.height}px` });
    view.div.appendChild(mark);
    if (kind === 'is-focus' && !first) first = mark;
  }
  return first;
}

function cellAtClick(viewer: PDFViewer, boxes: PdfCellBox[], event: MouseEvent): string | null {
  const pageDiv = (event.target as HTMLElement).closest<HTMLElement>('.page[data-page-number]');
  const page = Number(pageDiv?.dataset.pageNumber);
  const view = page ? pageViewOf(viewer, page) : null;
  if (!pageDiv || !view) return null;
  const rect = pageDiv.getBoundingClientRect();
  const [x, y] = viewportPointToPdf(view.viewport, event.clientX - rect.left, event.clientY - rect.top);
  const word = (event.target as HTMLElement).closest('.textLayer span')?.textContent ?? undefined;
  return pdfCellAt(boxes, page, x, y, 6, word);
}

export function PdfOriginal({ url, cells, highlight, zoom, onSelectCell, onReady }: PdfOriginalProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const viewerRef = useRef<PDFViewer | null>(null);
  const pageWidthScale = useRef(1);
  const [error, setError] = useState<string | null>(null);
  const boxes = useMemo(() => pdfCellBoxes(cells), [cells]);
  const latest = useRef({ boxes, highlight, onSelectCell, onReady });
  latest.current = { boxes, highlight, onSelectCell, onReady };

  useEffect(() => {
    const container = containerRef.current!;
    let cancelled = false;
    let pdf: PDFDocumentProxy | null = null;
    void (async () => {
      try {
        const { pdfjs, viewer: components } = await loadPdfModules();
        const eventBus = new components.EventBus();
        const viewer = new components.PDFViewer({
          container,
          viewer: container.firstElementChild as HTMLDivElement,
          eventBus,
          textLayerMode: 1,
          annotationMode: pdfjs.AnnotationMode.DISABLE,
          annotationEditorMode: pdfjs.AnnotationEditorType.DISABLE,
        });
        const redraw = () => drawMarks(viewer, latest.current.boxes, latest.current.highlight);
        eventBus.on('pagesinit', () => {
          viewer.currentScaleValue = 'page-width';
          pageWidthScale.current = viewer.currentScale;
          redraw();
        });
        eventBus.on('pagerendered', (event: { pageNumber: number }) => {
          redraw();
          if (event.pageNumber === 1) latest.current.onReady();
        });
        pdf = await pdfjs.getDocument(documentOptions(url)).promise;
        if (cancelled) return void pdf.destroy();
        viewer.setDocument(pdf);
        viewerRef.current = viewer;
      } catch (failure) {
        if (!cancelled) setError(failure instanceof Error ? failure.message : String(failure));
      }
    })();
    const onClick = (event: MouseEvent) => {
      const viewer = viewerRef.current;
      const id = viewer ? cellAtClick(viewer, latest.current.boxes, event) : null;
      if (id) latest.current.onSelectCell(id);
    };
    container.addEventListener('click', onClick);
    return () => {
      cancelled = true;
      container.removeEventListener('click', onClick);
      viewerRef.current = null;
      void pdf?.destroy();
    };
  }, [url]);

  useEffect(() => {
    const viewer = viewerRef.current;
    const target = viewer ? drawMarks(viewer, boxes, highlight) : null;
    target?.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'smooth' });
  }, [highlight, boxes]);

  useEffect(() => {
    const viewer = viewerRef.current;
    if (!viewer || !viewer.pagesCount) return;
    if (zoom === 1) viewer.currentScaleValue = 'page-width';
    else viewer.currentScale = pageWidthScale.current * zoom;
  }, [zoom]);

  return (
    <div className="pdf-host" data-testid="original-pdf">
      {error && <div className="original-error">无法显示 PDF 原文：{error}</div>}
      <div className="pdf-scroll" ref={containerRef}>
        <div className="pdfViewer" />
      </div>
    </div>
  );
}
