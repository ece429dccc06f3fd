/**
 * Where a scanned page's picture is: the images its operator list paints, each with the matrix that places
 * the image's unit square on the page (PDF user space). Pure: the caller hands over pdf.js's operator list and
 * a way to get a painted image's decoded pixels.
 */
import { IDENTITY, apply, multiply, type Box, type Matrix } from '../pdf/geometry';
import type { OperatorList } from '../pdf/page-content';

export interface ImageOpsCodes {
  save: number;
  restore: number;
  transform: number;
  paintImageXObject: number;
  paintInlineImageXObject?: number;
  paintJpegXObject?: number;
}

export interface PaintedImage {
  /** The object id of an image XObject; absent for an inline image. */
  objId?: string;
  /** The decoded inline image (pdf.js's `{ width, height, kind, data }`). */
  inline?: unknown;
  /** Places the image's unit square (0,0)–(1,1), y up, on the page. */
  matrix: Matrix;
  /** Its box on the page. */
  box: Box;
}

export function paintedImages(list: OperatorList, OPS: ImageOpsCodes): PaintedImage[] {
  const images: PaintedImage[] = [];
  const stack: Matrix[] = [];
  let matrix: Matrix = IDENTITY;
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(matrix);
    else if (fn === OPS.restore) matrix = stack.pop() ?? matrix;
    else if (fn === OPS.transform) matrix = multiply(matrix, args as Matrix);
    else if (fn === OPS.paintImageXObject || fn === OPS.paintJpegXObject) {
      if (typeof args?.[0] === 'string') images.push({ objId: args[0], matrix, box: unitBox(matrix) });
    } else if (fn === OPS.paintInlineImageXObject && args?.[0]) {
      images.push({ inline: args[0], matrix, box: unitBox(matrix) });
    }
  }
  return images;
}

function unitBox(matrix: Matrix): Box {
  const corners = [apply(matrix, 0, 0), apply(matrix, 1, 0), apply(matrix, 0, 1), apply(matrix, 1, 1)];
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The picture that is the page: the largest painted image, if it covers at least half of the page. */
export function pageScan(images: PaintedImage[], frame: Box): PaintedImage | null {
  const area = (box: Box) => Math.max(0, box.x1 - box.x0) * Math.max(0, box.y1 - box.y0);
  const largest = [...images].sort((a, b) => area(b.box) - area(a.box))[0];
  return largest && area(largest.box) >= 0.5 * area(frame) ? largest : null;
}
