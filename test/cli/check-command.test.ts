import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCheckCommand } from '../../electron/cli/check-command';
import { checkOutputSchema } from '../../shared/model/cli-output';
import { ruledTable, simplePdf, stream } from '../fuzz/support/pdf-writer';

const CORPUS = fileURLToPath(new URL('../fixtures/corpus/', import.meta.url));
const BAD = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCheckCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

function folderWith(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'nianbao-cli-'));
  for (const [name, source] of Object.entries(files)) {
    mkdirSync(join(folder, name, '..'), { recursive: true });
    if (source.startsWith('text:')) writeFileSync(join(folder, name), source.slice(5));
    else copyFileSync(source, join(folder, name));
  }
  return folder;
}

describe('check --json', () => {
  it('prints exactly one JSON document of the documented shape, and exits 0 for a clean report', async () => {
    const { code, stdout } = await run(['--json', join(CORPUS, 'd02_docx.docx')]);
    const output = checkOutputSchema.parse(JSON.parse(stdout));
    expect(output).toMatchObject({ tool: 'nianbao-review', version: '0.1.0' });
    expect(output.results[0]).toMatchObject({ status: 'checked', findings: [], report: { organ: '临川市自然资源和规划局', year: 2023, format: '2021' } });
    expect(code).toBe(0);
  });

  it('exits 1 when an error finding is made, with expected and actual and the cells involved', async () => {
    const { code, stdout } = await run(['--json', join(CORPUS, 'd19_docx.docx')]);
    const [result] = checkOutputSchema.parse(JSON.parse(stdout)).results;
    expect(code).toBe(1);
    expect(result.findings).toContainEqual(
      expect.objectContaining({ rule: 'T3-ROW-SUM', severity: 'error', table: 'table3', row: 'granted', column: 'total', expected: 121, actual: 120, rootCause: 'table3.granted.naturalPerson' }),
    );
  });

  it('exits 2 when a file cannot be read, and still checks the others', async () => {
    const { code, stdout, stderr } = await run(['--json', join(BAD, 'empty.docx'), join(CORPUS, 'd02_docx.docx'), join(BAD, 'bomb.docx')]);
    const results = checkOutputSchema.parse(JSON.parse(stdout)).results;
    expect(code).toBe(2);
    expect(results.map((r) => r.status)).toEqual(['unreadable', 'checked', 'unreadable']);
    expect(results[0]).toMatchObject({ error: { code: 'EMPTY_FILE' } });
    expect(results[2]).toMatchObject({ error: { code: 'ZIP_BOMB' } });
    expect(stderr).toMatch(/\[已完成 \d\/3\] 正在检查/);
  });

  it('reads even a single file on a worker, so a hostile one ends as unreadable instead of hanging the command', async () => {
    const folder = folderWith({});
    const hostile = join(folder, 'hostile.pdf');
    writeFileSync(hostile, simplePdf([stream('', `${'q '.repeat(1_000_000)}\n${ruledTable(10, 8)}`)]));
    const { code, stdout } = await run(['--json', hostile]);
    const [result] = checkOutputSchema.parse(JSON.parse(stdout)).results;
    expect(code).toBe(2);
    expect(result).toMatchObject({ status: 'unreadable' });
    expect(['TIMEOUT', 'FILE_TOO_COMPLEX']).toContain(result.status === 'unreadable' && result.error.code);
  }, 150_000);

  it('walks folders recursively, skipping other files, and pairs last year’s report of the same organ', async () => {
    const folder = folderWith({
      '2022/平江县交通运输局.docx': join(CORPUS, 'd15_docx.docx'),
      '2023/平江县交通运输局.docx': join(CORPUS, 'd16_docx.docx'),
      '2023/说明.txt': 'text:不是报告',
      '2023/~$平江县交通运输局.docx': 'text:lock',
    });
    const { code, stdout } = await run(['--json', folder]);
    const results = checkOutputSchema.parse(JSON.parse(stdout)).results;
    expect(results).toHaveLength(2);
    const carry = results[1].findings.filter((f) => f.rule === 'CARRY-MISMATCH');
    expect(carry.map((f) => f.column)).toEqual(['naturalPerson', 'total']);
    expect(code).toBe(1);
  });

  it('takes last year’s report from --previous', async () => {
    const { stdout } = await run(['--json', '--previous', join(CORPUS, 'd15_docx.docx'), join(CORPUS, 'd16_docx.docx')]);
    const [result] = checkOutputSchema.parse(JSON.parse(stdout)).results;
    expect(result.findings.filter((f) => f.rule === 'CARRY-MISMATCH')).toHaveLength(2);
  });
});

describe('check (text)', () => {
  it('prints a Chinese summary per file, the skipped files and a one-line total', async () => {
    const folder = folderWith({ 'a.docx': join(CORPUS, 'd19_docx.docx'), 'b.txt': 'text:x' });
    const { stdout } = await run([folder]);
    expect(stdout).toContain('机关：临川市自然资源和规划局');
    expect(stdout).toContain('疑为一个单元格有误：表三 · “（一）予以公开”行 · 自然人列');
    expect(stdout).toContain('已跳过');
    expect(stdout.trim().split('\n').pop()).toMatch(/^共 1 个文件：1 个有错误/);
  });

  it('rejects bad arguments with exit status 2', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--bogus', 'x.docx'])).code).toBe(2);
  });

  it('says a missing file is missing', async () => {
    const { code, stdout } = await run(['--json', '/nonexistent/报告.docx']);
    expect(code).toBe(2);
    expect(JSON.parse(stdout).results[0].error.code).toBe('FILE_NOT_FOUND');
  });
});

describe('npm run -s check', () => {
  it('runs as a command with nothing but JSON on stdout', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'check', '--', '--json', join(CORPUS, 'd02_docx.docx'), join(CORPUS, 'd05_chrome.pdf')], { cwd: ROOT });
    expect(checkOutputSchema.parse(JSON.parse(stdout)).results.map((result) => result.status)).toEqual(['checked', 'checked']);
  });
});
