/**
 * The one intermediate form every reader produces (docx, pdf, doc→docx): tables as grids of cells with
 * their spans and their place in the source, and the prose around them. Everything after it is shared.
 */

/** Where a piece of text sits in the original file. */
export type SourceRef =
  | {
      kind: 'docx';
      /** Index of the table among all tables of the document, in document order (nested ones included). */
      table: number;
      /** Row index within that table (w:tr). */
      row: number;
      /** Cell index within that row (w:tc), as written in the XML. */
      cell: number;
    }
  | {
      kind: 'docx-paragraph';
      /** Index of the body paragraph among the document's top-level paragraphs. */
      paragraph: number;
    }
  | {
      kind: 'pdf';
      /** 1-based page number. */
      page: number;
      /** Box in PDF user space of that page: x0, y0, x1, y1 (y up). */
      box: [number, number, number, number];
    };

export interface GridCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** Text of the cell: paragraphs and line breaks joined with "\n". */
  text: string;
  source: SourceRef;
  /** The text of this cell was read by OCR and needs the reviewer's confirmation. */
  ocr?: boolean;
}

export interface TableGrid {
  /** Index among the tables of the document, in document order. */
  index: number;
  rowCount: number;
  colCount: number;
  /** Origin cells only (a merged cell appears once, with its spans). */
  cells: GridCell[];
  /** For PDFs: the pages the table lies on. */
  pages?: number[];
  /** The table is nested inside a cell of another table. */
  nested?: boolean;
  /** The table holds images (a pasted picture of a table, say). */
  hasImage?: boolean;
}

export interface ParagraphBlock {
  type: 'paragraph';
  text: string;
  source: SourceRef;
  /** The paragraph carries automatic list numbering (its number is not in `text`). */
  numbered?: boolean;
}

export interface TableBlock {
  type: 'table';
  grid: TableGrid;
}

export interface ImageBlock {
  type: 'image';
  source: SourceRef;
}

export type Block = ParagraphBlock | TableBlock | ImageBlock;

export type SourceFormat = 'docx' | 'pdf' | 'doc';

export interface DocumentContent {
  format: SourceFormat;
  blocks: Block[];
  pageCount?: number;
  /** PDF pages read (a long PDF is read only as far as the report goes). */
  pagesRead?: number;
  /** PDF pages without a text layer (1-based). */
  pagesWithoutText?: number[];
}

/** The cell covering grid slot (row, col), if any. */
export function cellAt(grid: TableGrid, row: number, col: number): GridCell | undefined {
  return grid.cells.find(
    (cell) => row >= cell.row && row < cell.row + cell.rowSpan && col >= cell.col && col < cell.col + cell.colSpan,
  );
}
