/** PDF user space (y up) ↔ the page's viewport in CSS pixels (y down), through pdf.js's PageViewport. */

export interface ViewportLike {
  convertToViewportRectangle(rect: number[]): number[];
  convertToPdfPoint(x: number, y: number): number[];
}

export interface ScreenRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export function boxToViewportRect(viewport: ViewportLike, box: [number, number, number, number], padding = 2): ScreenRect {
  const [a, b, c, d] = viewport.convertToViewportRectangle(box);
  const left = Math.min(a, c) - padding;
  const top = Math.min(b, d) - padding;
  return { left, top, width: Math.abs(c - a) + 2 * padding, height: Math.abs(d - b) + 2 * padding };
}

export function viewportPointToPdf(viewport: ViewportLike, x: number, y: number): [number, number] {
  const [px, py] = viewport.convertToPdfPoint(x, y);
  return [px, py];
}
