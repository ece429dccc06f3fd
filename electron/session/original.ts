/**
 * The original document as the review view shows it: PDFs are rendered by the renderer from their bytes;
 * Word documents as mammoth's HTML, with a map from the reader's cell sources to mammoth's <td>s.
 */
import { readFile } from 'node:fs/promises';
import mammoth from 'mammoth';
import type { Original } from '../../shared/api/contract';
import type { DocumentContent, GridCell } from '../../shared/model/grid';
import { readDocx } from '../../shared/read/docx';
import { convertDocToDocx } from '../services/doc-convert';

export async function wordOriginal(path: string, fileType: 'docx' | 'doc'): Promise<Original> {
  const bytes = fileType === 'doc' ? await convertDocToDocx(path) : new Uint8Array(await readFile(path));
  const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { externalFileAccess: false });
  return { kind: 'html', html, cellMap: cellMapOf(readDocx(bytes)) };
}

/**
 * `cellMap[t][r]`: the w:tc indexes, in order, of the cells of row r of table t that mammoth emits as <td>.
 * mammoth drops the cells that continue a vertical merge; those are exactly the ones that are not origin cells
 * of the reader's grid, so the origin cells of each source row give mammoth's <td>s.
 */
export function cellMapOf(content: DocumentContent): number[][][] {
  const rowsByTable: number[][][] = [];
  for (const block of content.blocks) {
    if (block.type !== 'table') continue;
    for (const cell of block.grid.cells) addCell(rowsByTable, cell, block.grid.rowCount);
  }
  return fillGaps(rowsByTable).map((rows) => fillGaps(rows).map((cells) => [...cells].sort((a, b) => a - b)));
}

function addCell(rowsByTable: number[][][], cell: GridCell, rowCount: number): void {
  const source = cell.source;
  if (source.kind !== 'docx') return;
  const rows = (rowsByTable[source.table] ??= Array.from({ length: rowCount }, () => []));
  (rows[source.row] ??= []).push(source.cell);
}

/** Sparse arrays (a table or row without origin cells) become dense, with empty entries. */
function fillGaps<T>(items: T[][]): T[][] {
  return Array.from({ length: items.length }, (_, i) => items[i] ?? []);
}
