/**
 * Random grids and prose into the mapping (shared/layout) and the rules: documents laid out like the template
 * and then damaged (cells dropped, moved, re-spanned, re-labelled, re-valued), and documents of random grids
 * built from the template's labels, numbers and junk. Building the review document and running the rules must
 * never throw (NOT_A_REPORT aside), give a valid report and valid findings, and stay quick.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkReviewDocument, reviewContent } from '../../shared/engine/check';
import { MAX_TABLE_COLUMNS, MAX_TABLE_ROWS } from '../../shared/layout/classify';
import type { Block, DocumentContent, GridCell, SourceRef, TableGrid } from '../../shared/model/grid';
import { isReadError } from '../../shared/read/errors';
import { consistentReport } from '../helpers/random-report';
import { reportContent, type LayoutKnobs } from '../helpers/template-grids';
import { cellMapOf } from '../../electron/session/original';
import { familyMillis, familySeed, recordCount, tally } from './support/config';
import { LABELS } from './support/mutate-xml';
import { resultProblem } from './support/outcome';
import { checkTimeBoxed } from './support/property';
import { hostileString, proseParagraph } from './support/strings';

const FAMILY = 'layout';
const MAX_MILLIS = 3_000;

const knobs: fc.Arbitrary<LayoutKnobs> = fc.record({
  noteRow: fc.constantFrom('corner' as const, 'separate' as const),
  mergedLabels: fc.boolean(),
  splitAt: fc.option(fc.integer({ min: 1, max: 24 }), { nil: undefined }),
  repeatHeader: fc.boolean(),
  halfBrackets: fc.boolean(),
  dropNaturalPersonHeader: fc.boolean(),
  totalOnFirstHeaderRow: fc.boolean(),
  subtotalColumn: fc.boolean(),
  table2: fc.constantFrom('single' as const, 'split2' as const, 'split4' as const),
  table4Transposed: fc.boolean(),
  fullWidth: fc.boolean(),
  collapseOther: fc.boolean(),
});

const cellTextArbitrary = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 999 }).map(String) },
  { weight: 2, arbitrary: hostileString },
  { weight: 1, arbitrary: fc.constant('') },
);

/** One change to a template grid. */
const gridChange = fc.record({
  grid: fc.nat(),
  cell: fc.nat(),
  kind: fc.constantFrom('drop', 'text', 'rowSpan', 'colSpan', 'move', 'duplicate', 'dropRow', 'grow'),
  text: cellTextArbitrary,
  amount: fc.oneof(fc.integer({ min: -3, max: 5 }), fc.constantFrom(0, 40, 400)),
});

type GridChange = typeof gridChange extends fc.Arbitrary<infer T> ? T : never;

function applyChange(grids: TableGrid[], change: GridChange): void {
  const grid = grids[change.grid % grids.length];
  if (!grid || grid.cells.length === 0) return;
  const index = change.cell % grid.cells.length;
  const cell = grid.cells[index];
  switch (change.kind) {
    case 'drop':
      grid.cells.splice(index, 1);
      break;
    case 'text':
      cell.text = change.text;
      break;
    case 'rowSpan':
      cell.rowSpan = Math.max(1, Math.min(cell.rowSpan + change.amount, grid.rowCount - cell.row));
      break;
    case 'colSpan':
      cell.colSpan = Math.max(1, Math.min(cell.colSpan + change.amount, grid.colCount - cell.col));
      break;
    case 'move':
      cell.row = Math.abs(change.amount + cell.row) % grid.rowCount;
      cell.col = Math.abs(change.amount * 3 + cell.col) % grid.colCount;
      cell.rowSpan = Math.min(cell.rowSpan, grid.rowCount - cell.row);
      cell.colSpan = Math.min(cell.colSpan, grid.colCount - cell.col);
      break;
    case 'duplicate':
      grid.cells.push({ ...cell, text: change.text });
      break;
    case 'dropRow':
      grid.cells = grid.cells.filter((other) => other.row !== cell.row);
      break;
    case 'grow':
      grid.rowCount = Math.min(MAX_TABLE_ROWS + 5, grid.rowCount + Math.max(0, change.amount));
      grid.colCount = Math.min(MAX_TABLE_COLUMNS + 5, grid.colCount + Math.max(0, change.amount % 7));
      break;
  }
}

const templateDocument: fc.Arbitrary<DocumentContent> = fc
  .record({ report: consistentReport, knobs, changes: fc.array(gridChange, { maxLength: 40 }), prose: fc.array(proseParagraph, { maxLength: 6 }) })
  .map(({ report, knobs: layout, changes, prose }) => {
    const content = reportContent(report, layout);
    const grids = content.blocks.flatMap((block) => (block.type === 'table' ? [block.grid] : []));
    for (const change of changes) applyChange(grids, change);
    const extra: Block[] = prose.map((text, i) => ({ type: 'paragraph', text, source: { kind: 'docx-paragraph', paragraph: 10_000 + i } }));
    return { ...content, blocks: [...content.blocks, ...extra] };
  });

/** A grid of random cells within its bounds (spans may overlap, slots may stay empty). */
const randomGrid = fc
  .record({
    rows: fc.integer({ min: 1, max: 60 }),
    cols: fc.integer({ min: 1, max: 24 }),
    cells: fc.array(fc.record({ row: fc.nat(), col: fc.nat(), rowSpan: fc.integer({ min: 1, max: 30 }), colSpan: fc.integer({ min: 1, max: 16 }), text: cellTextArbitrary }), { maxLength: 300 }),
    pdf: fc.boolean(),
  })
  .map(({ rows, cols, cells, pdf }) => ({ rows, cols, pdf, cells }));

const randomDocument: fc.Arbitrary<DocumentContent> = fc
  .record({
    blocks: fc.array(fc.oneof(randomGrid.map((grid) => ({ grid })), proseParagraph.map((text) => ({ text })), fc.constant({ image: true as const })), { maxLength: 12 }),
    pageCount: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ blocks, pageCount }) => {
    let tables = 0;
    let paragraphs = 0;
    const out: Block[] = blocks.map((block): Block => {
      if ('image' in block) return { type: 'image', source: { kind: 'docx-paragraph', paragraph: paragraphs++ } };
      if ('text' in block) return { type: 'paragraph', text: block.text, source: { kind: 'docx-paragraph', paragraph: paragraphs++ } };
      const index = tables++;
      const { rows, cols, pdf } = block.grid;
      const cells: GridCell[] = block.grid.cells.map((cell, i) => {
        const row = cell.row % rows;
        const col = cell.col % cols;
        const source: SourceRef = pdf ? { kind: 'pdf', page: 1 + (i % 3), box: [col * 10, 800 - row * 10, col * 10 + 10, 810 - row * 10] } : { kind: 'docx', table: index, row, cell: i };
        return { row, col, rowSpan: Math.min(cell.rowSpan, rows - row), colSpan: Math.min(cell.colSpan, cols - col), text: cell.text, source };
      });
      return { type: 'table', grid: { index, rowCount: rows, colCount: cols, cells, ...(pdf ? { pages: [1] } : {}) } };
    });
    const pdf = out.some((block) => block.type === 'table' && block.grid.cells[0]?.source.kind === 'pdf');
    return pdf ? { format: 'pdf' as const, blocks: out, pageCount, pagesRead: pageCount, pagesWithoutText: pageCount > 0 ? [1] : [] } : { format: 'docx' as const, blocks: out };
  });

/** How the case ended: NOT_A_REPORT, or how many of the three tables were found. */
function checkDocument(content: DocumentContent): string {
  const started = performance.now();
  let doc;
  try {
    doc = reviewContent(content);
  } catch (error) {
    if (isReadError(error) && error.code === 'NOT_A_REPORT') return 'NOT_A_REPORT';
    throw error;
  }
  const { doc: checked, findings } = checkReviewDocument(doc);
  const problem = resultProblem(checked.report, findings);
  if (problem) throw new Error(problem);
  if (content.format === 'docx') cellMapOf(content);
  const millis = performance.now() - started;
  if (millis > MAX_MILLIS) throw new Error(`mapping and rules took ${millis.toFixed(0)} ms`);
  return `${Object.values(checked.tables).filter((table) => table.status === 'found').length} tables found`;
}

describe('fuzz: grids and prose into the mapping and the rules', () => {
  it('never throw, give a valid report and findings, and stay quick', () => {
    const seed = familySeed(FAMILY);
    let cases = 0;
    const outcomes: Record<string, number> = {};
    const started = performance.now();
    try {
      checkTimeBoxed({ family: FAMILY, seed, millis: familyMillis(FAMILY), shrink: true }, fc.oneof(templateDocument, randomDocument), (content) => {
        cases++;
        tally(outcomes, checkDocument(structuredClone(content)));
      });
    } finally {
      recordCount({ family: FAMILY, seed, cases, millis: performance.now() - started, outcomes });
    }
    expect(cases).toBeGreaterThan(0);
  });
});
