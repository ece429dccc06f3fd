import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../electron/cli/check-command';
import { checkOutputSchema } from '../../shared/model/cli-output';
import { allCanonicalCellIds } from '../../shared/model/ids';
import { valueOfCell } from '../../shared/engine/report-values';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const FILES = ['d02_docx.docx', 'd07_docx.docx', 'd09_docx.docx', 'd19_docx.docx', 's001_docx.docx'].map((name) => join(CORPUS, name));
const BAD = fileURLToPath(new URL('../fixtures/bad/empty.docx', import.meta.url));

async function run(args: string[]): Promise<string> {
  let stdout = '';
  await runCheckCommand(args, { stdout: (t) => (stdout += t), stderr: () => undefined });
  return stdout;
}

describe('check --xlsx and --csv', () => {
  it('writes a workbook with the three views whose sums equal the sums of the checked reports', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'nianbao-export-'));
    const xlsx = join(folder, '年报审核.xlsx');
    const output = checkOutputSchema.parse(JSON.parse(await run(['--json', '--xlsx', xlsx, '--csv', join(folder, '年报'), ...FILES, BAD])));
    const reports = output.results.flatMap((r) => (r.status === 'checked' ? [r.report] : []));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '问题清单', '数据汇总']);

    const summary = workbook.getWorksheet('汇总')!;
    expect(summary.rowCount).toBe(1 + FILES.length + 1);
    expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(summary.autoFilter).toBeTruthy();
    expect(summary.getRow(1).getCell(1).value).toBe('文件');
    expect(summary.getRow(FILES.length + 2).getCell(6).value).toBe('无法读取');

    const findings = workbook.getWorksheet('问题清单')!;
    const findingCount = output.results.reduce((n, r) => n + r.findings.length, 0);
    expect(findings.rowCount).toBe(1 + findingCount);

    const data = workbook.getWorksheet('数据汇总')!;
    const ids = allCanonicalCellIds();
    const totals = data.getRow(data.rowCount);
    expect(reports.reduce((sum, report) => sum + (report.table3.newReceived[6] ?? 0), 0)).toBeGreaterThan(0);
    expect(totals.getCell(1).value).toBe('合计');
    ids.forEach((id, k) => {
      const expected = reports.reduce((sum, report) => sum + (valueOfCell(report, id) ?? 0), 0);
      const cell = totals.getCell(4 + k).value as { formula: string; result?: number };
      expect(cell.formula).toMatch(/^SUM\([A-Z]+2:[A-Z]+6\)$/);
      // exceljs leaves out a cached result of 0 when it reads a file back (the file holds <v>0</v>).
      expect(cell.result ?? 0, id).toBeCloseTo(expected, 6);
    });

    const csv = readFileSync(join(folder, '年报-汇总.csv'), 'utf8');
    expect(csv.startsWith('\ufeff文件,机关')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + FILES.length + 1);
  }, 60_000);
});
