/**
 * Builders of ReviewDocuments for tests: from a canonical Report (every non-null value a cell with status
 * `ok`), with overrides for cell statuses, prose and metadata.
 */
import {
  SECTIONS,
  TABLE2_DOCUMENT_COLUMNS,
  TABLE2_DOCUMENT_ITEMS,
  TABLE2_SINGLE_ITEMS,
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  TABLE3_ROWS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  table2CellId,
  table3CellId,
  table3GroupCellId,
  table4CellId,
  type CellId,
  type SectionId,
} from '../../shared/model/ids';
import { SECTION_TITLES } from '../../shared/model/labels';
import { emptyReport, type Report } from '../../shared/model/report';
import type {
  CellReading,
  CellStatus,
  ProseParagraph,
  ReviewDocument,
  SectionReading,
} from '../../shared/model/review-document';

export interface CellOverride {
  status: CellStatus;
  value?: number | null;
  raw?: string | null;
}

export interface ReviewDocumentOverrides extends Partial<Omit<ReviewDocument, 'report' | 'cells'>> {
  /** Status for cells whose report value is null (default `blank`). */
  nullStatus?: CellStatus;
  /** Per-cell status overrides. */
  cells?: Record<CellId, CellOverride>;
  /** Prose paragraphs; sections are assigned by their headings 一、…六、 (see proseDocumentParts). */
  prose?: string[];
}

function reading(id: CellId, value: number | null, nullStatus: CellStatus): CellReading {
  if (value === null) return { id, status: nullStatus, value: null, raw: nullStatus === 'blank' ? '' : null };
  return { id, status: 'ok', value, raw: String(value) };
}

/** Every cell of the report (and its collapsed groups) as readings. */
export function cellsFromReport(report: Report, nullStatus: CellStatus = 'blank'): Record<CellId, CellReading> {
  const cells: Record<CellId, CellReading> = {};
  const put = (id: CellId, value: number | null) => (cells[id] = reading(id, value, nullStatus));
  for (const item of TABLE2_DOCUMENT_ITEMS) {
    for (const column of TABLE2_DOCUMENT_COLUMNS) put(table2CellId(item, column), report.table2[item][column]);
  }
  for (const item of TABLE2_SINGLE_ITEMS) put(table2CellId(item), report.table2[item]);
  for (const row of TABLE3_ROWS) TABLE3_COLUMNS.forEach((column, i) => put(table3CellId(row, column), report.table3[row][i]));
  for (const group of TABLE3_GROUPS) {
    const values = report.table3Groups?.[group];
    if (values) TABLE3_COLUMNS.forEach((column, i) => put(table3GroupCellId(group, column), values[i]));
  }
  for (const group of TABLE4_GROUPS) TABLE4_COLUMNS.forEach((column, i) => put(table4CellId(group, column), report.table4[group][i]));
  return cells;
}

/** The prose of a clean report: all six headings, a concrete section 五 and the fee statement in 六. */
export const CLEAN_PROSE: readonly string[] = [
  SECTION_TITLES['一'],
  '本年度我单位认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。',
  SECTION_TITLES['二'],
  SECTION_TITLES['三'],
  SECTION_TITLES['四'],
  SECTION_TITLES['五'],
  '一是政策解读形式较为单一；二是栏目更新不够及时。下一步将丰富解读形式，建立信息更新提醒机制。',
  SECTION_TITLES['六'],
  '本年度未收取信息处理费。',
];

const HEADING = /^\s*([一二三四五六])、/;

/** Paragraphs with their sections (by the headings 一、…六、) and the sections' headings and text. */
export function proseDocumentParts(prose: string[]): Pick<ReviewDocument, 'paragraphs' | 'sections'> {
  const sections = Object.fromEntries(SECTIONS.map((id) => [id, { id, heading: null, text: '' }])) as Record<
    SectionId,
    SectionReading
  >;
  const paragraphs: ProseParagraph[] = [];
  let current: SectionId | null = null;
  for (const text of prose) {
    const heading = HEADING.exec(text);
    if (heading) {
      current = heading[1] as SectionId;
      sections[current] = { id: current, heading: text.trim(), text: '' };
      continue;
    }
    paragraphs.push({ text, section: current });
    if (current) sections[current].text = sections[current].text ? `${sections[current].text}\n${text}` : text;
  }
  return { paragraphs, sections };
}

/** A clean, complete ReviewDocument for the report; `overrides` replace any part of it. */
export function reviewDocumentFromReport(report: Report, overrides: ReviewDocumentOverrides = {}): ReviewDocument {
  const { nullStatus = 'blank', cells: cellOverrides = {}, prose, ...rest } = overrides;
  const cells = cellsFromReport(report, nullStatus);
  for (const [id, override] of Object.entries(cellOverrides)) {
    cells[id] = { id, status: override.status, value: override.value ?? null, raw: override.raw ?? null };
  }
  const proseParts = proseDocumentParts(prose ?? [...CLEAN_PROSE]);
  return {
    report,
    sourceFormat: 'docx',
    cells,
    labels: [],
    layoutNotes: [],
    oldFormatMarkers: [],
    tables: {
      table2: { status: 'found', grids: [0] },
      table3: { status: 'found', grids: [1] },
      table4: { status: 'found', grids: [2] },
    },
    ...proseParts,
    title: report.organ && report.year ? { text: `${report.organ}${report.year}年政府信息公开工作年度报告` } : null,
    signature: report.organ ? { organ: report.organ, dateText: report.signedDate } : null,
    organNames: { title: report.organ, signature: report.organ },
    statisticsPeriod: null,
    organKind: 'department',
    ...rest,
  };
}

/** A report with every count 0 (a consistent, empty report) for the given organ and year. */
export function zeroReport(organ = '青禾县人力资源和社会保障局', year = 2023, signedDate: string | null = '2024-01-19'): Report {
  const report = emptyReport();
  const zeros = (n: number) => Array.from({ length: n }, () => 0);
  report.format = '2021';
  report.organ = organ;
  report.year = year;
  report.signedDate = signedDate;
  report.table2 = {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 0, repealed: 0, inForce: 0 },
    licensing: 0,
    punishment: 0,
    coercion: 0,
    fees: 0,
  };
  for (const row of TABLE3_ROWS) report.table3[row] = zeros(7);
  report.table4 = { review: zeros(5), litigationDirect: zeros(5), litigationAfterReview: zeros(5) };
  return report;
}

/** A deep copy (reports are plain JSON). */
export function cloneReport(report: Report): Report {
  return structuredClone(report);
}
