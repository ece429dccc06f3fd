/**
 * What the extractor knows about one report beyond the canonical JSON: how each cell read, the labels and
 * layout as printed, the prose by section, title and signature, and where everything came from
 * (provenance). Rules read this; they know nothing of files, PDFs or the UI.
 */
import type { CellId, SectionId, TableId } from './ids';
import type { SourceRef, SourceFormat } from './grid';
import type { Report } from './report';

/**
 * - `ok`: a number was read;
 * - `blank`: empty or a placeholder such as “/” or “—” (counts 0 in arithmetic, BLANK-CELL);
 * - `bad`: something that is not a non-negative number (BAD-VALUE; relations not assessable);
 * - `missing`: the row is absent from the document (MISSING-ROW; counts 0 in arithmetic);
 * - `notInFormat`: the document's (older) format has no such cell (no finding of its own);
 * - `unreadable`: the cell could not be read (a lost page, a scan; relations not assessable).
 */
export type CellStatus = 'ok' | 'blank' | 'bad' | 'missing' | 'notInFormat' | 'unreadable';

export interface CellReading {
  id: CellId;
  status: CellStatus;
  value: number | null;
  /** The printed text, as it stands in the document (null when there is no cell). */
  raw: string | null;
  source?: SourceRef;
  /** Read by OCR: the reviewer must confirm it. */
  ocr?: boolean;
  /** The reviewer corrected this cell; `status`/`value` above are the corrected ones. */
  correctedFrom?: { status: CellStatus; value: number | null; raw: string | null };
}

export type LabelStatus = 'exact' | 'variant' | 'altered';

export interface LabelReading {
  table: TableId;
  kind: 'row' | 'column' | 'group' | 'caption';
  /** The canonical id the label was matched to (row id, column id, group id, or a caption key). */
  id: string;
  expected: string;
  actual: string;
  status: LabelStatus;
  source?: SourceRef;
}

export type LayoutNoteKind = 'extraColumn' | 'subtotalRow' | 'reorderedColumns' | 'extraRow';

export interface LayoutNote {
  table: TableId;
  kind: LayoutNoteKind;
  /** The printed label of the extra row/column, or a description of the reordering. */
  text: string;
  row?: string;
  column?: string;
  source?: SourceRef;
}

export type TablePresence = 'found' | 'absent' | 'image' | 'unreadable';

export interface TableReading {
  status: TablePresence;
  /** Grid indices (DocumentContent table index) that made up this table. */
  grids: number[];
  /** A table that is a picture, in a PDF: the pages its pictures are on. */
  pages?: number[];
}

export interface SectionReading {
  id: SectionId;
  /** The heading as printed, or null when no heading was found. */
  heading: string | null;
  /** The prose under the heading (paragraphs joined by "\n"), tables excluded. */
  text: string;
  source?: SourceRef;
}

export interface ProseParagraph {
  text: string;
  /** The section the paragraph stands in (null: before 一, i.e. title and preamble). */
  section: SectionId | null;
  source?: SourceRef;
}

export type OrganKind = 'department' | 'government' | 'township' | 'other';

export interface ReviewDocument {
  report: Report;
  sourceFormat: SourceFormat;
  /** Every canonical cell (the 200 of the format) plus `table3Groups.*` cells where present. */
  cells: Record<CellId, CellReading>;
  labels: LabelReading[];
  layoutNotes: LayoutNote[];
  /** Markers of the superseded 2019 format (or older), per table. */
  oldFormatMarkers: { table: 'table2' | 'table3'; marker: string; source?: SourceRef }[];
  tables: Record<TableId, TableReading>;
  sections: Record<SectionId, SectionReading>;
  /** All prose paragraphs in order (tables excluded). */
  paragraphs: ProseParagraph[];
  title: { text: string; source?: SourceRef } | null;
  signature: { organ: string | null; dateText: string | null; source?: SourceRef } | null;
  /** Organ names as written in the title and the signature. */
  organNames: { title: string | null; signature: string | null };
  /** The statistics period sentence, e.g. 统计期限为2023年1月1日至2023年12月31日. */
  statisticsPeriod: { text: string; fromYear: number; toYear: number } | null;
  organKind: OrganKind;
  /** PDF pages that should hold text but have no text layer. */
  noTextLayer?: { pages: number[] | 'all' };
}
