/**
 * The dev corpus as ReviewDocuments for rule tests: the truth report's cells (statuses taken from the truth
 * findings), and the prose of the .docx from the committed fixture test/fixtures/prose/dev-prose.json
 * (made by test/tools/extract-prose.py).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  TABLE3_COLUMNS,
  table3CellId,
  type CellId,
  type Table3Row,
} from '../../shared/model/ids';
import type { Report } from '../../shared/model/report';
import type { OrganKind, ReviewDocument } from '../../shared/model/review-document';
import { compactText } from '../../shared/text/normalize';
import { cellsFromReport, reviewDocumentFromReport, type CellOverride } from './review-document';

/** The Word files of the dev corpus with their truth, copied from ../shared/corpus/dev so a fresh clone has them. */
export const CORPUS_DIR = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const PROSE_FIXTURE = fileURLToPath(new URL('../fixtures/prose/dev-prose.json', import.meta.url));

export interface TruthFinding {
  rule: string;
  table?: string;
  row?: string;
  rows?: string[];
  column?: string;
  group?: string;
  groups?: string[];
  section?: string;
  stated?: number;
  raw?: string;
  [key: string]: unknown;
}

export interface Truth {
  report: Report;
  findings: TruthFinding[];
  tolerated: TruthFinding[];
  meta: { organKind: string; deadline: string; titleLines: string[] };
  previousYear?: { reportId: string };
}

export function loadProse(): Record<string, string[]> {
  return JSON.parse(readFileSync(PROSE_FIXTURE, 'utf8')) as Record<string, string[]>;
}


export function loadTruth(docx: string): Truth {
  return JSON.parse(readFileSync(join(CORPUS_DIR, docx.replace(/\.docx$/, '.truth.json')), 'utf8')) as Truth;
}

const ORGAN_KINDS: Record<string, OrganKind> = {
  department: 'department',
  government: 'government',
  'township-government': 'township',
};

function cellsOfFinding(finding: TruthFinding): CellId[] {
  if (finding.table === 'table2') {
    return [finding.column ? `table2.${finding.row}.${finding.column}` : `table2.${finding.row}`];
  }
  if (finding.table === 'table3' && finding.row && finding.column) return [table3CellId(finding.row as Table3Row, finding.column as never)];
  return [];
}

/** Cell statuses implied by the truth findings: blank, bad (with raw), missing rows, 2019-format gaps. */
function cellOverrides(truth: Truth): Record<CellId, CellOverride> {
  const overrides: Record<CellId, CellOverride> = {};
  const cells = cellsFromReport(truth.report, 'unreadable');
  for (const [id, reading] of Object.entries(cells)) {
    if (reading.value === null) overrides[id] = { status: truth.report.format === '2019' && id.startsWith('table2') ? 'notInFormat' : 'unreadable' };
  }
  for (const finding of [...truth.findings, ...truth.tolerated]) {
    if (finding.rule === 'BLANK-CELL') for (const id of cellsOfFinding(finding)) overrides[id] = { status: 'blank', raw: '' };
    if (finding.rule === 'BAD-VALUE' && finding.raw) for (const id of cellsOfFinding(finding)) overrides[id] = { status: 'bad', raw: finding.raw };
    if (finding.rule === 'MISSING-ROW' && finding.row) {
      for (const column of TABLE3_COLUMNS) overrides[table3CellId(finding.row as Table3Row, column)] = { status: 'missing' };
    }
  }
  return overrides;
}

const DATE_LINE = /^\d{4}年\d{1,2}月\d{1,2}日$/;

function signatureOf(prose: string[]): { organ: string | null; dateText: string | null } | null {
  const last = compactText(prose[prose.length - 1] ?? '');
  if (!DATE_LINE.test(last)) return null;
  const before = compactText(prose[prose.length - 2] ?? '');
  const organ = before && !/[，。；：、]/.test(before) && before.length <= 30 ? before : null;
  return { organ, dateText: last };
}

function titleOrgan(title: string): string | null {
  const organ = compactText(title)
    .replace(/(?:19|20)\d{2}年度?/, '')
    .replace(/政府信息公开工作年度报告$/, '');
  return organ || null;
}

function statisticsPeriodOf(prose: string[]): ReviewDocument['statisticsPeriod'] {
  for (const paragraph of prose) {
    const text = compactText(paragraph);
    const match = /统计期限[^。]*?(\d{4})年1月1日[^。]*?(\d{4})年12月31日/.exec(text);
    if (match) return { text: match[0], fromYear: Number(match[1]), toYear: Number(match[2]) };
  }
  return null;
}

/** The ReviewDocument an ideal extractor would produce for a dev .docx. */
export function corpusDocument(docx: string, prose: string[], truth: Truth = loadTruth(docx)): ReviewDocument {
  const titleText = truth.meta.titleLines.join('');
  const signature = signatureOf(prose);
  return reviewDocumentFromReport(truth.report, {
    cells: cellOverrides(truth),
    prose,
    title: { text: titleText },
    signature,
    organNames: { title: titleOrgan(titleText), signature: signature?.organ ?? null },
    statisticsPeriod: statisticsPeriodOf(prose),
    organKind: ORGAN_KINDS[truth.meta.organKind] ?? 'other',
    oldFormatMarkers: truth.report.format === '2019' ? [{ table: 'table3', marker: '（六）其他处理' }] : [],
  });
}

const PLACE_KEYS = ['table', 'row', 'column', 'group', 'section', 'stated'] as const;

/** A produced finding matches a truth entry when it has the entry's rule and every place field the entry names. */
export function matches(produced: Record<string, unknown>, truth: TruthFinding): boolean {
  if (produced.rule !== truth.rule) return false;
  for (const key of PLACE_KEYS) if (truth[key] !== undefined && produced[key] !== truth[key]) return false;
  for (const key of ['rows', 'groups'] as const) {
    if (truth[key] !== undefined && JSON.stringify(produced[key]) !== JSON.stringify(truth[key])) return false;
  }
  return true;
}

export interface Comparison {
  missed: TruthFinding[];
  unexpected: Record<string, unknown>[];
}

/** Truth findings not produced, and produced findings that are neither expected nor tolerated. */
export function compareWithTruth(produced: Record<string, unknown>[], expected: TruthFinding[], tolerated: TruthFinding[]): Comparison {
  const missed = expected.filter((truth) => !produced.some((finding) => matches(finding, truth)));
  const unexpected = produced.filter(
    (finding) => !expected.some((truth) => matches(finding, truth)) && !tolerated.some((truth) => matches(finding, truth)),
  );
  return { missed, unexpected };
}
