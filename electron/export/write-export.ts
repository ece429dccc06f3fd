/**
 * Writing a batch export: an Excel workbook (a sheet per view, Chinese headers, frozen header row,
 * filters, sensible widths; the 数据汇总 totals as SUM formulas with their values) and the same views as CSV
 * (UTF-8 with BOM, which Excel needs to read Chinese).
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { CellValue, Sheet } from '../../shared/engine/export-rows';

export async function writeWorkbook(path: string, sheets: Sheet[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '年报审核';
  workbook.created = new Date();
  for (const sheet of sheets) addSheet(workbook, sheet);
  await workbook.xlsx.writeFile(path);
}

function addSheet(workbook: ExcelJS.Workbook, sheet: Sheet): void {
  const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }] });
  worksheet.columns = sheet.headers.map((header, i) => ({ header, width: sheet.widths[i] ?? 12 }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).alignment = { vertical: 'middle', wrapText: true };
  for (const row of sheet.rows) worksheet.addRow(row);
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1 + sheet.rows.length, column: sheet.headers.length } };
  if (sheet.totals) addTotals(worksheet, sheet);
}

/** The totals row: SUM formulas over the report rows, with their computed values cached for readers. */
function addTotals(worksheet: ExcelJS.Worksheet, sheet: Sheet): void {
  const lastDataRow = 1 + sheet.rows.length;
  const values = sheet.totals!.map((value, i) => {
    if (typeof value !== 'number') return value;
    const column = worksheet.getColumn(i + 1).letter;
    return sheet.rows.length > 0 ? { formula: `SUM(${column}2:${column}${lastDataRow})`, result: value } : value;
  });
  const row = worksheet.addRow(values);
  row.font = { bold: true };
}

export async function writeCsv(path: string, sheet: Sheet): Promise<void> {
  const lines = [sheet.headers, ...sheet.rows, ...(sheet.totals ? [sheet.totals] : [])].map((row) => row.map(csvField).join(','));
  await writeFile(path, `\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/**
 * Text from the documents (an organ name, a cell's printed text) may start like a formula (“=”, “+”, “-”, “@”):
 * Excel would run it when opening the CSV. Such text is written with a leading apostrophe, which shows it as
 * text. Numbers are written as numbers.
 */
function csvField(value: CellValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
