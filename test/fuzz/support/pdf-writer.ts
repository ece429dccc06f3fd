/**
 * PDF written by hand for hostile cases: numbered objects, streams (raw or deflated, or given already deflated),
 * and a cross-reference table that may be right, wrong or garbage.
 */
import { deflateSync } from 'node:zlib';
import { concat } from './mutate-bytes';

const encoder = new TextEncoder();

export type PdfBody = string | Uint8Array[];

/** A stream object's body: the dictionary (without /Length) and its data, deflated unless `raw`. */
export function stream(dictionary: string, data: string | Uint8Array, options: { raw?: boolean; predeflated?: boolean } = {}): PdfBody {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  const stored = options.raw || options.predeflated ? bytes : new Uint8Array(deflateSync(bytes));
  const filter = options.raw ? '' : ' /Filter /FlateDecode';
  return [encoder.encode(`<< ${dictionary} /Length ${stored.length}${filter} >>\nstream\n`), stored, encoder.encode('\nendstream')];
}

export interface PdfOptions {
  /** Object number of the catalog (default 1). */
  root?: number;
  /** More entries for the trailer dictionary (e.g. /Encrypt 9 0 R /ID [...]). */
  trailer?: string;
  xref?: 'right' | 'shifted' | 'garbage' | 'none';
  /** The startxref value written (default: the real one). */
  startxref?: number;
  header?: string;
}

/** A PDF of these objects, numbered from 1 in order. */
export function writePdf(objects: PdfBody[], options: PdfOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [encoder.encode(`${options.header ?? '%PDF-1.7'}\n%\u00e2\u00e3\u00cf\u00d3\n`)];
  let length = parts[0].length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const pieces = [encoder.encode(`${i + 1} 0 obj\n`), ...(typeof body === 'string' ? [encoder.encode(body)] : body), encoder.encode('\nendobj\n')];
    for (const piece of pieces) {
      parts.push(piece);
      length += piece.length;
    }
  });
  const xrefAt = length;
  const mode = options.xref ?? 'right';
  let xref = '';
  if (mode === 'garbage') xref = `xref\n0 ${objects.length + 1}\n${'Zq9 #% 00000 n \n'.repeat(objects.length + 1)}`;
  else if (mode !== 'none') {
    const shift = mode === 'shifted' ? 7 : 0;
    xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset + shift).padStart(10, '0')} 00000 n \n`).join('')}`;
  }
  const trailer = `trailer\n<< /Size ${objects.length + 1} /Root ${options.root ?? 1} 0 R ${options.trailer ?? ''} >>\nstartxref\n${options.startxref ?? xrefAt}\n%%EOF\n`;
  parts.push(encoder.encode(xref + trailer));
  return concat(...parts);
}

/** Text showing bare numbers at fixed places: enough of them (eight or more) for the reader to look for rulings. */
export function numbersText(count: number, x0 = 72, y0 = 700): string {
  const lines: string[] = ['BT /F1 10 Tf'];
  for (let i = 0; i < count; i++) lines.push(`1 0 0 1 ${x0 + (i % 8) * 60} ${y0 - Math.floor(i / 8) * 14} Tm (${(i * 7) % 100}) Tj`);
  lines.push('ET');
  return lines.join('\n');
}

/** A ruled grid of rows × cols cells of the given size, a number in each. */
export function ruledTable(rows: number, cols: number, options: { x0?: number; top?: number; width?: number; height?: number } = {}): string {
  const { x0 = 40, top = 780, width = 50, height = 14 } = options;
  const ops: string[] = ['0.5 w'];
  for (let r = 0; r <= rows; r++) ops.push(`${x0} ${top - r * height} m ${x0 + cols * width} ${top - r * height} l S`);
  for (let c = 0; c <= cols; c++) ops.push(`${x0 + c * width} ${top} m ${x0 + c * width} ${top - rows * height} l S`);
  ops.push('BT /F1 8 Tf');
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) ops.push(`1 0 0 1 ${x0 + c * width + 4} ${top - (r + 1) * height + 4} Tm (${(r * cols + c) % 97}) Tj`);
  }
  ops.push('ET');
  return ops.join('\n');
}

export const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';

/** Catalog, page tree and pages over the given contents; objects after them (fonts, images) as given. */
export function simplePdf(contents: PdfBody[], options: { mediaBox?: string; resources?: string; extra?: PdfBody[]; pagesExtra?: string; pdf?: PdfOptions } = {}): Uint8Array {
  const pageCount = contents.length;
  const firstPage = 3;
  const firstContent = firstPage + pageCount;
  const fontObject = firstContent + pageCount;
  const resources = options.resources ?? `<< /Font << /F1 ${fontObject} 0 R >> >>`;
  const kids = Array.from({ length: pageCount }, (_, i) => `${firstPage + i} 0 R`).join(' ');
  const objects: PdfBody[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pageCount} ${options.pagesExtra ?? ''} >>`,
    ...contents.map((_, i) => `<< /Type /Page /Parent 2 0 R /MediaBox ${options.mediaBox ?? '[0 0 595 842]'} /Resources ${resources} /Contents ${firstContent + i} 0 R >>`),
    ...contents,
    FONT,
    ...(options.extra ?? []),
  ];
  return writePdf(objects, options.pdf);
}
