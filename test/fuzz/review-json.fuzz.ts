/**
 * Random review documents into the rules, across documents, and into the export: real and generated review
 * documents with cells, labels, notes, prose, names, years and dates replaced by hostile values (the report
 * assembled again from the cells, as the engine does), checked with random corrections, last year's report and
 * subordinate reports, random settings; paired; exported as CSV. Findings and reports must stay valid, and no
 * CSV field may start like a formula.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDocumentFile } from '../../electron/batch/read-document';
import { writeCsv } from '../../electron/export/write-export';
import { checkReviewDocument } from '../../shared/engine/check';
import { exportSheets, type ExportDocument } from '../../shared/engine/export-rows';
import { findPreviousYearPairs } from '../../shared/engine/pairing';
import { assembleReport } from '../../shared/layout/assemble-report';
import { RULE_IDS, SECTIONS, SEVERITIES, type TableId } from '../../shared/model/ids';
import { emptyReport } from '../../shared/model/report';
import type { CellStatus, ReviewDocument } from '../../shared/model/review-document';
import { checkSettingsSchema, type CheckSettings } from '../../shared/model/settings';
import { consistentReport } from '../helpers/random-report';
import { reviewDocumentFromReport } from '../helpers/review-document';
import { familyMillis, familySeed, recordCount, tally } from './support/config';
import { CORPUS_DIR } from './support/corpus';
import { resultProblem } from './support/outcome';
import { checkAsyncTimeBoxed } from './support/property';
import { hostileString, proseParagraph } from './support/strings';

const FAMILY = 'review-json';
/** For the rules on up to four documents, each compared with the others. */
const MAX_MILLIS = 5_000;
const TABLE_IDS: TableId[] = ['table2', 'table3', 'table4'];
const STATUSES: CellStatus[] = ['ok', 'blank', 'bad', 'missing', 'notInFormat', 'unreadable'];

const organ = fc.oneof(fc.constantFrom('临川市自然资源和规划局', '清源县人民政府', '=2+5某某局', '@某某局', '+某某街道办事处', '-某某乡人民政府', ''), hostileString);
const value = fc.oneof(fc.constant(null), fc.nat({ max: 1000 }), fc.constantFrom(0, Number.MAX_SAFE_INTEGER, 2 ** 40));
const dateText = fc.tuple(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const change = fc.oneof(
  fc.record({ kind: fc.constant('cell' as const), cell: fc.nat(), status: fc.constantFrom(...STATUSES), value, raw: fc.oneof(fc.constant(null), hostileString) }),
  fc.record({ kind: fc.constant('label' as const), table: fc.constantFrom(...TABLE_IDS), actual: hostileString, expected: hostileString, status: fc.constantFrom('exact' as const, 'variant' as const, 'altered' as const) }),
  fc.record({ kind: fc.constant('note' as const), table: fc.constantFrom(...TABLE_IDS), text: hostileString, noteKind: fc.constantFrom('extraColumn' as const, 'subtotalRow' as const, 'reorderedColumns' as const, 'extraRow' as const) }),
  fc.record({ kind: fc.constant('paragraph' as const), text: proseParagraph, section: fc.constantFrom(null, ...SECTIONS) }),
  fc.record({ kind: fc.constant('section' as const), section: fc.constantFrom(...SECTIONS), heading: fc.oneof(fc.constant(null), hostileString), text: proseParagraph }),
  fc.record({ kind: fc.constant('names' as const), organ, title: fc.oneof(fc.constant(null), organ), signature: fc.oneof(fc.constant(null), organ) }),
  fc.record({ kind: fc.constant('dates' as const), year: fc.oneof(fc.constant(null), fc.integer({ min: 1000, max: 9999 })), signedDate: fc.oneof(fc.constant(null), dateText), dateText: fc.oneof(fc.constant(null), hostileString) }),
  fc.record({ kind: fc.constant('presence' as const), table: fc.constantFrom(...TABLE_IDS), status: fc.constantFrom('found' as const, 'absent' as const, 'image' as const, 'unreadable' as const) }),
  fc.record({ kind: fc.constant('kind' as const), organKind: fc.constantFrom('department' as const, 'government' as const, 'township' as const, 'other' as const), format: fc.constantFrom('2021' as const, '2019' as const, null), noText: fc.constantFrom('none', 'all', 'some') }),
);

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

function applyChange(doc: ReviewDocument, c: Change): void {
  switch (c.kind) {
    case 'cell': {
      const ids = Object.keys(doc.cells);
      const id = ids[c.cell % ids.length];
      doc.cells[id] = { ...doc.cells[id], status: c.status, value: c.status === 'ok' ? (c.value ?? 0) : null, raw: c.raw };
      break;
    }
    case 'label':
      doc.labels.push({ table: c.table, kind: 'row', id: 'granted', expected: c.expected, actual: c.actual, status: c.status });
      break;
    case 'note':
      doc.layoutNotes.push({ table: c.table, kind: c.noteKind, text: c.text });
      break;
    case 'paragraph':
      doc.paragraphs.push({ text: c.text, section: c.section });
      break;
    case 'section':
      doc.sections[c.section] = { id: c.section, heading: c.heading, text: c.text };
      break;
    case 'names':
      doc.report.organ = c.organ;
      doc.organNames = { title: c.title, signature: c.signature };
      doc.title = c.title === null ? null : { text: `${c.title}2023年政府信息公开工作年度报告` };
      doc.signature = c.signature === null ? null : { organ: c.signature, dateText: doc.signature?.dateText ?? null };
      break;
    case 'dates':
      doc.report.year = c.year;
      doc.report.signedDate = c.signedDate;
      if (doc.signature) doc.signature = { ...doc.signature, dateText: c.dateText };
      break;
    case 'presence':
      doc.tables[c.table] = { status: c.status, grids: c.status === 'found' ? [0] : [] };
      break;
    case 'kind':
      doc.organKind = c.organKind;
      doc.report.format = c.format;
      if (c.noText === 'none') delete doc.noTextLayer;
      else doc.noTextLayer = { pages: c.noText === 'all' ? 'all' : [1, 3] };
      break;
  }
}

const settings: fc.Arbitrary<CheckSettings> = fc
  .record({
    deadlines: fc.array(fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 0, max: 99 })).map(([m, d]) => `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`), { minLength: 3, maxLength: 3 }),
    rules: fc.dictionary(fc.constantFrom(...RULE_IDS), fc.record({ enabled: fc.boolean(), severity: fc.constantFrom(...SEVERITIES) }), { maxKeys: 8 }),
  })
  .map(({ deadlines: [departmentDeadline, governmentDeadline, otherDeadline], rules }) => checkSettingsSchema.parse({ departmentDeadline, governmentDeadline, otherDeadline, rules }));

const spec = fc.record({
  documents: fc.array(fc.record({ base: fc.nat(), generated: fc.option(consistentReport, { nil: undefined }), changes: fc.array(change, { maxLength: 12 }) }), { minLength: 1, maxLength: 4 }),
  corrections: fc.dictionary(fc.oneof(fc.constantFrom('table3.granted.total', 'table3.newReceived.naturalPerson', 'table2.fees', 'table4.review.total', 'constructor'), hostileString), fc.oneof(value, fc.constantFrom(0.5, 1e308)), { maxKeys: 5 }),
  settings,
});

/** The fields of a CSV text as a spreadsheet reads them (quotes removed, doubled quotes undone). */
function csvFields(text: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',' || char === '\n') {
      fields.push(field.replace(/\r$/, ''));
      field = '';
    } else field += char;
  }
  fields.push(field);
  return fields;
}

describe('fuzz: review documents into the rules and the export', () => {
  const bases: ReviewDocument[] = [];

  beforeAll(async () => {
    for (const name of ['d02_docx.docx', 'd22_docx.docx', 'd33_docx.docx']) {
      const read = await readDocumentFile(join(CORPUS_DIR, name));
      if (read.doc) bases.push(read.doc);
    }
  });

  it('give valid findings and reports, pair and export without a formula-like CSV field', async () => {
    const seed = familySeed(FAMILY);
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-fuzz-review-'));
    const outcomes: Record<string, number> = {};
    let cases = 0;
    const started = performance.now();
    try {
      await checkAsyncTimeBoxed({ family: FAMILY, seed, millis: familyMillis(FAMILY), shrink: true }, spec, async ({ documents, corrections, settings: checkSettings }) => {
        cases++;
        const began = performance.now();
        const docs = documents.map(({ base, generated, changes }) => {
          const doc = structuredClone(generated ? reviewDocumentFromReport(generated) : bases[base % bases.length]);
          for (const c of changes) applyChange(doc, c);
          const { format, organ: name, year, signedDate } = doc.report;
          doc.report = assembleReport(emptyReport(), doc.cells, { format, organ: name, year, signedDate });
          return doc;
        });
        const pairs = findPreviousYearPairs(docs.map((doc, i) => ({ file: `${i}.docx`, doc })));
        expect(pairs).toHaveLength(docs.length);
        const exported: ExportDocument[] = docs.map((doc, i) => {
          const previous = docs[(i + 1) % docs.length];
          const subordinates = docs.filter((_, j) => j !== i).map((other, j) => ({ doc: other, file: `${j}.docx` }));
          const { doc: checked, findings } = checkReviewDocument(doc, { corrections, settings: checkSettings, previous: { doc: previous, file: '上年.docx' }, subordinates });
          const problem = resultProblem(checked.report, findings);
          if (problem) throw new Error(problem);
          tally(outcomes, findings.length > 0 ? 'findings' : 'no findings');
          if (performance.now() - began > MAX_MILLIS) throw new Error(`the rules took ${(performance.now() - began).toFixed(0)} ms`);
          return { file: `${i}.docx`, fileType: 'docx', status: 'checked', report: checked.report, organKind: checked.organKind, findings, error: null, annotations: null };
        });
        for (const sheet of exportSheets(exported)) {
          const path = join(folder, 'out.csv');
          await writeCsv(path, sheet);
          const fields = csvFields(readFileSync(path, 'utf8').replace(/^\ufeff/, ''));
          const formula = fields.find((field) => /^[=+@\t\r]|^-(?!\d+(?:\.\d+)?$)/.test(field));
          if (formula !== undefined) throw new Error(`CSV field starts like a formula: ${JSON.stringify(formula.slice(0, 80))}`);
        }
      });
    } finally {
      rmSync(folder, { recursive: true, force: true });
      recordCount({ family: FAMILY, seed, cases, millis: performance.now() - started, outcomes });
    }
    expect(cases).toBeGreaterThan(0);
  });
});
