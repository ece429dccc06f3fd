/**
 * PDFs generated from random specs: pages with ruled grids of random size and spacing (lines missing, cells
 * merged), bare numbers, stray paths, random transforms, absurd media boxes, garbage operators, and
 * cross-references right, shifted, garbage or missing. They go through the ruling, grid and stitching code.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numbersText, simplePdf, stream, type PdfOptions } from './support/pdf-writer';
import { fuzzFileFamily, type FileCase } from './support/run-files';

const FAMILY = 'pdf-generated';
const BATCH = 12;

const coordinate = fc.oneof(fc.integer({ min: 0, max: 800 }), fc.constantFrom(-1e6, 1e6, 0.0001, 1e15));

const grid = fc.record({
  rows: fc.integer({ min: 1, max: 80 }),
  cols: fc.integer({ min: 1, max: 24 }),
  x0: fc.integer({ min: -50, max: 500 }),
  top: fc.integer({ min: 100, max: 900 }),
  width: fc.oneof(fc.integer({ min: 1, max: 120 }), fc.constantFrom(0, 0.01, 1e-6)),
  height: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.constantFrom(0, 0.05)),
  /** Indexes of horizontal and vertical lines left out or cut short (merged cells). */
  missing: fc.array(fc.nat({ max: 200 }), { maxLength: 20 }),
  thickness: fc.constantFrom(0.5, 1, 3, 5, 0),
  asFills: fc.boolean(),
  texts: fc.array(fc.oneof(fc.integer({ min: 0, max: 99_999 }).map(String), fc.constantFrom('0', '/', '-', 'x', '1,234', '99999999999999999999', '')), { maxLength: 60 }),
});

type Grid = typeof grid extends fc.Arbitrary<infer T> ? T : never;

function gridOps(g: Grid): string {
  const ops: string[] = [`${g.thickness} w`];
  const right = g.x0 + g.cols * g.width;
  const bottom = g.top - g.rows * g.height;
  for (let r = 0; r <= g.rows; r++) {
    if (g.missing.includes(r)) continue;
    const y = g.top - r * g.height;
    ops.push(g.asFills ? `${g.x0} ${y} ${right - g.x0} ${g.thickness || 0.5} re f` : `${g.x0} ${y} m ${right} ${y} l S`);
  }
  for (let c = 0; c <= g.cols; c++) {
    const x = g.x0 + c * g.width;
    const to = g.missing.includes(100 + c) ? (g.top + bottom) / 2 : bottom;
    ops.push(g.asFills ? `${x} ${to} ${g.thickness || 0.5} ${g.top - to} re f` : `${x} ${g.top} m ${x} ${to} l S`);
  }
  ops.push('BT /F1 7 Tf');
  g.texts.forEach((text, i) => {
    const r = i % g.rows;
    const c = Math.floor(i / g.rows) % g.cols;
    ops.push(`1 0 0 1 ${g.x0 + c * g.width + 2} ${g.top - (r + 1) * g.height + 2} Tm (${text}) Tj`);
  });
  ops.push('ET');
  return ops.join('\n');
}

const pageSpec = fc.record({
  grids: fc.array(grid, { maxLength: 3 }),
  numbers: fc.integer({ min: 0, max: 40 }),
  strayPaths: fc.array(fc.tuple(coordinate, coordinate, coordinate, coordinate), { maxLength: 50 }),
  transform: fc.option(fc.tuple(fc.constantFrom(1, -1, 0.5, 2, 0, 1e-9, 1e9), fc.constantFrom(0, 1, -1), coordinate, coordinate), { nil: undefined }),
  garbage: fc.option(fc.constantFrom('Tj', 'BT BT BT', 'ET ET', 'Q Q Q', '1 0 0 cm', '/NoFont 12 Tf (x) Tj', '[1 2 3] TJ', '<<', ')', '0 0 m 1e400 1e400 l S', 'q '.repeat(200)), { nil: undefined }),
});

const documentSpec = fc.record({
  pages: fc.array(pageSpec, { minLength: 1, maxLength: 12 }),
  mediaBox: fc.constantFrom('[0 0 595 842]', '[0 0 842 595]', '[0 0 0 0]', '[0 0 1e30 1e30]', '[100 100 -100 -100]', '[0 0 595]', '[0 0 595 842] /Rotate 90', '[0 0 595 842] /Rotate 45', '[0 0 595 842] /UserUnit 1000'),
  xref: fc.constantFrom<NonNullable<PdfOptions['xref']>>('right', 'right', 'right', 'shifted', 'garbage', 'none'),
});

type DocumentSpec = typeof documentSpec extends fc.Arbitrary<infer T> ? T : never;

function pdfOf(spec: DocumentSpec): Uint8Array {
  const contents = spec.pages.map((page) => {
    const parts: string[] = [];
    if (page.transform) parts.push(`${page.transform[0]} ${page.transform[1]} 0 ${page.transform[0] || 1} ${page.transform[2]} ${page.transform[3]} cm`);
    parts.push(numbersText(page.numbers));
    for (const g of page.grids) parts.push(gridOps(g));
    for (const [x0, y0, x1, y1] of page.strayPaths) parts.push(`${x0} ${y0} m ${x1} ${y1} l S`);
    if (page.garbage) parts.push(page.garbage);
    return stream('', parts.join('\n'));
  });
  return simplePdf(contents, { mediaBox: spec.mediaBox, pdf: { xref: spec.xref } });
}

describe('fuzz: generated PDFs', () => {
  it('end in a result or a clear error, each in time, memory bounded', async () => {
    const cases = await fuzzFileFamily(FAMILY, BATCH, documentSpec, (input, i): FileCase => ({ name: `generated-${i}`, ext: '.pdf', bytes: pdfOf(input), input }));
    expect(cases).toBeGreaterThan(0);
  });
});
