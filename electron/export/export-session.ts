/** Writing the session's documents as one export: an xlsx workbook, or the same sheets as CSV files. */
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { exportSheets, type ExportDocument } from '../../shared/engine/export-rows';
import { infoSheet, type ExportInfo } from './export-info';
import { writeCsv, writeWorkbook } from './write-export';

export type ExportFormat = 'xlsx' | 'csv';

/** A file name for a new export, e.g. 年报审核导出-20240131-153000.xlsx. */
export function exportFileName(format: ExportFormat, now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `年报审核导出-${stamp}.${format}`;
}

/**
 * Writes the export at `target` and returns every file written (CSV: <name>-汇总.csv and so on). With `info`
 * (the app's export) a 说明 sheet follows the three views: the office, the reviewers, the time and the counts.
 */
export async function writeSessionExport(documents: ExportDocument[], target: string, format: ExportFormat, info?: ExportInfo): Promise<string[]> {
  await mkdir(dirname(target), { recursive: true });
  const sheets = [...exportSheets(documents), ...(info ? [infoSheet(info, documents)] : [])];
  if (format === 'xlsx') {
    await writeWorkbook(target, sheets);
    return [target];
  }
  const prefix = target.replace(/\.csv$/i, '');
  const paths = sheets.map((sheet) => `${prefix}-${sheet.name}.csv`);
  for (const [i, sheet] of sheets.entries()) await writeCsv(paths[i], sheet);
  return paths;
}
