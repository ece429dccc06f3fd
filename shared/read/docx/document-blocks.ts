/**
 * From the tree of word/document.xml to blocks in document order: paragraphs, pictures and tables.
 * Text boxes follow their anchoring paragraph; tables nested in cells follow their outer table (marked
 * nested) and stay out of the outer cell's text. Tables are numbered in document order, nested ones included.
 */
import type { Block, ImageBlock, ParagraphBlock, SourceRef, TableBlock } from '../../model/grid';
import { ReadError } from '../errors';
import { firstChild, type XmlElement, type XmlNode } from './xml-tree';
import { forEachUnwrapped, gridCount } from './ooxml';
import { readParagraph, type ParagraphContent } from './paragraph-text';
import { buildTableGrid, type MergeMark, type RawCell, type RawRow } from './table-grid';

interface BlockSink {
  paragraph(content: ParagraphContent): void;
  table(table: XmlElement): void;
}

const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(['w:p', 'w:tbl']);
const ROW_ELEMENTS: ReadonlySet<string> = new Set(['w:tr']);
const CELL_ELEMENTS: ReadonlySet<string> = new Set(['w:tc']);

function readBlockElements(children: readonly XmlNode[], sink: BlockSink): void {
  forEachUnwrapped(children, BLOCK_ELEMENTS, (element) => {
    if (element.name === 'w:p') sink.paragraph(readParagraph(element));
    else sink.table(element);
  });
}

function isPictureOnly(content: ParagraphContent): boolean {
  return content.hasPicture && content.text.trim() === '';
}

function mergeMark(property: XmlElement | undefined): MergeMark | undefined {
  if (!property) return undefined;
  return property.attrs['w:val'] === 'restart' ? 'restart' : 'continue';
}

function isDeletedRow(row: XmlElement): boolean {
  const properties = firstChild(row, 'w:trPr');
  return properties !== undefined && firstChild(properties, 'w:del') !== undefined;
}

function gridColumnCount(table: XmlElement): number {
  const grid = firstChild(table, 'w:tblGrid');
  return grid ? grid.children.filter((child) => typeof child !== 'string' && child.name === 'w:gridCol').length : 0;
}

/** What the cells of one table gather besides their own text. */
interface TableExtras {
  nested: TableBlock[];
  hasImage: boolean;
}

class DocumentReader {
  readonly blocks: Block[] = [];
  private paragraphCount = 0;
  private tableCount = 0;

  readBody(body: XmlElement): void {
    readBlockElements(body.children, {
      paragraph: (content) => this.emitParagraph(content, { kind: 'docx-paragraph', paragraph: this.paragraphCount++ }),
      table: (table) => this.blocks.push(...this.readTable(table, false)),
    });
  }

  /** A paragraph (or picture), then the contents of its text boxes, which share its source. */
  private emitParagraph(content: ParagraphContent, source: SourceRef): void {
    this.blocks.push(this.paragraphBlock(content, source));
    for (const textBox of content.textBoxes) {
      readBlockElements(textBox.children, {
        paragraph: (inner) => this.emitParagraph(inner, source),
        table: (table) => this.blocks.push(...this.readTable(table, false)),
      });
    }
  }

  private paragraphBlock(content: ParagraphContent, source: SourceRef): ParagraphBlock | ImageBlock {
    if (isPictureOnly(content)) return { type: 'image', source };
    const block: ParagraphBlock = { type: 'paragraph', text: content.text, source };
    if (content.numbered) block.numbered = true;
    return block;
  }

  /** The table's block followed by the blocks of the tables nested in it. */
  private readTable(table: XmlElement, nested: boolean): TableBlock[] {
    const index = this.tableCount++;
    const extras: TableExtras = { nested: [], hasImage: false };
    const rows = this.readRows(table, extras);
    const grid = buildTableGrid({ index, gridColumnCount: gridColumnCount(table), rows });
    if (nested) grid.nested = true;
    if (extras.hasImage) grid.hasImage = true;
    return [{ type: 'table', grid }, ...extras.nested];
  }

  private readRows(table: XmlElement, extras: TableExtras): RawRow[] {
    const rows: RawRow[] = [];
    let rowIndex = 0;
    forEachUnwrapped(table.children, ROW_ELEMENTS, (row) => {
      const index = rowIndex++;
      if (!isDeletedRow(row)) rows.push(this.readRow(row, index, extras));
    });
    return rows;
  }

  private readRow(row: XmlElement, rowIndex: number, extras: TableExtras): RawRow {
    const properties = firstChild(row, 'w:trPr');
    const cells: RawCell[] = [];
    forEachUnwrapped(row.children, CELL_ELEMENTS, (cell) => cells.push(this.readCell(cell, cells.length, extras)));
    return {
      rowIndex,
      gridBefore: gridCount(properties && firstChild(properties, 'w:gridBefore'), 0, 0),
      gridAfter: gridCount(properties && firstChild(properties, 'w:gridAfter'), 0, 0),
      cells,
    };
  }

  private readCell(cell: XmlElement, cellIndex: number, extras: TableExtras): RawCell {
    const properties = firstChild(cell, 'w:tcPr');
    const property = (name: string) => (properties ? firstChild(properties, name) : undefined);
    return {
      cellIndex,
      gridSpan: gridCount(property('w:gridSpan'), 1, 1),
      vMerge: mergeMark(property('w:vMerge')),
      hMerge: mergeMark(property('w:hMerge')),
      text: this.readCellText(cell, extras),
    };
  }

  /** Paragraphs joined by "\n"; text boxes read in place; nested tables set aside as tables of their own. */
  private readCellText(cell: XmlElement, extras: TableExtras): string {
    const lines: string[] = [];
    const sink: BlockSink = {
      paragraph: (content) => {
        lines.push(content.text);
        if (content.hasPicture) extras.hasImage = true;
        for (const textBox of content.textBoxes) readBlockElements(textBox.children, sink);
      },
      table: (table) => {
        const blocks = this.readTable(table, true);
        extras.nested.push(...blocks);
        if (blocks.some((block) => block.grid.hasImage)) extras.hasImage = true;
      },
    };
    readBlockElements(cell.children, sink);
    return lines.join('\n');
  }
}

/** Blocks of a parsed word/document.xml. */
export function readDocumentBlocks(root: XmlElement): Block[] {
  if (root.name !== 'w:document') {
    throw new ReadError('DOCX_XML_INVALID', 'Word 文件内部结构损坏（正文部分不是 Word 文档格式）');
  }
  const reader = new DocumentReader();
  const body = firstChild(root, 'w:body');
  if (body) reader.readBody(body);
  return reader.blocks;
}
