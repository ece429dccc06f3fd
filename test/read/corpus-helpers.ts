/** Shared by the corpus tests of the Word reader: fixtures, their truth files, and finding the statistics tables. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { DocumentContent, GridCell, TableGrid } from '../../shared/model/grid';

export const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));

export interface Truth {
  report: {
    format: string;
    table3: Record<string, (number | null)[]>;
    table4: Record<string, number[]>;
  };
  layout: {
    table2: 'single' | 'split2' | 'split4';
    table3NoteRow: 'corner' | 'separate';
    labels: { breaks?: boolean; resultsLabel?: string };
    labelOverrides: Record<string, string> | null;
    numbers: { fullWidthDigits: string[] | null };
  };
  meta: { titleLines: string[] };
}

export function readTruth(path: string): Truth {
  return JSON.parse(readFileSync(path, 'utf8')) as Truth;
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function tablesOf(content: DocumentContent): TableGrid[] {
  return content.blocks.flatMap((block) => (block.type === 'table' ? [block.grid] : []));
}

export function findTable(content: DocumentContent, marker: string): TableGrid {
  const found = tablesOf(content).find((grid) => grid.cells.some((cell) => cell.text.includes(marker)));
  expect(found, `a table containing ${marker}`).toBeDefined();
  return found as TableGrid;
}

/** The origin cells of a grid row, left to right. */
export function rowCells(grid: TableGrid, rowIndex: number): GridCell[] {
  return grid.cells.filter((cell) => cell.row === rowIndex).sort((a, b) => a.col - b.col);
}

/** The grid row whose first cell (from the left) starts with this label. */
export function rowStartingWith(grid: TableGrid, label: string): number {
  const cell = grid.cells.find((candidate) => candidate.text.replace(/\s/g, '').startsWith(label));
  expect(cell, `a cell starting with ${label}`).toBeDefined();
  return (cell as GridCell).row;
}

export function asNumber(text: string): number {
  return Number(text.normalize('NFKC').trim());
}
