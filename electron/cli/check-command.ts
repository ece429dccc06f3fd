/**
 * The headless check command (spec/cli.md): `npm run -s check -- [--json] [--previous FILE] <file or folder>...`
 * Exit status 0: every file read, no error finding; 1: an error finding; 2: a file unreadable or bad arguments.
 */
import { relative } from 'node:path';
import { checkOutputSchema, type CheckOutput } from '../../shared/model/cli-output';
import { checkSettingsSchema, type CheckSettings } from '../../shared/model/settings';
import { TOOL_NAME, VERSION } from '../../shared/version';
import { collectFiles } from '../services/collect-files';
import { checkFiles, type FileResult } from '../services/check-files';
import { formatFileResult, formatTotals } from './format-text';
import { readFile } from 'node:fs/promises';

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Show a progress line (stderr) for runs of several files. */
  progress?: boolean;
}

interface Arguments {
  json: boolean;
  previous?: string;
  settings?: string;
  xlsx?: string;
  csv?: string;
  paths: string[];
}

const VALUE_OPTIONS = { '--previous': 'previous', '--settings': 'settings', '--xlsx': 'xlsx', '--csv': 'csv' } as const;

const USAGE = `用法：npm run -s check -- [--json] [--previous 上一年度报告] [--settings 设置.json] <文件或文件夹>...
  --json              输出 JSON（见 spec/cli.md），进度信息写到标准错误
  --previous 文件     指定上一年度报告（同一机关），用于跨年度核对
  --settings 文件     审核设置（截止日期、规则开关与级别），JSON 格式
  --xlsx 文件         导出 Excel 工作簿：汇总、问题清单、数据汇总（含合计）
  --csv 前缀          导出同样三张表的 CSV：<前缀>-汇总.csv、<前缀>-问题清单.csv、<前缀>-数据汇总.csv`;

export async function runCheckCommand(argv: string[], io: CommandIO): Promise<number> {
  const args = parseArguments(argv);
  if ('error' in args) {
    io.stderr(`${args.error}\n${USAGE}\n`);
    return 2;
  }
  let settings: CheckSettings | undefined;
  try {
    settings = args.settings ? checkSettingsSchema.parse(JSON.parse(await readFile(args.settings, 'utf8'))) : undefined;
  } catch (error) {
    io.stderr(`设置文件无效：${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const { files, skipped } = await collectFiles(args.paths);
  const showProgress = io.progress ?? files.length > 1;
  let results: FileResult[];
  try {
    results = await checkFiles(files, {
      settings,
      previousFile: args.previous,
      // Even one file is read on a worker, under its time limit and heap cap: a hostile file cannot hang the command.
      isolate: true,
      onProgress: showProgress ? (done, total, file) => io.stderr(progressLine(done, total, file)) : undefined,
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (args.json) io.stdout(`${JSON.stringify(toJson(results), null, 2)}\n`);
  else io.stdout(toText(results, skipped));
  if (args.xlsx || args.csv) await writeExports(results, args, io);
  return exitStatus(results);
}

function parseArguments(argv: string[]): Arguments | { error: string } {
  const args: Arguments = { json: false, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg in VALUE_OPTIONS) {
      const value = argv[++i];
      if (!value) return { error: `${arg} 需要一个文件名` };
      args[VALUE_OPTIONS[arg as keyof typeof VALUE_OPTIONS]] = value;
    } else if (arg === '--help' || arg === '-h') return { error: '' };
    else if (arg.startsWith('--')) return { error: `未知选项：${arg}` };
    else args.paths.push(arg);
  }
  if (args.paths.length === 0) return { error: '请给出要检查的文件或文件夹' };
  return args;
}

/** The export modules (exceljs among them, some 0.4 s to load) are loaded only when an export is asked for. */
async function writeExports(results: FileResult[], args: Arguments, io: CommandIO): Promise<void> {
  const [{ exportSheets }, { AnnotationStore }, { defaultDataDir }, { exportDocumentsOf }, { writeCsv, writeWorkbook }] = await Promise.all([
    import('../../shared/engine/export-rows'),
    import('../annotations/annotation-store'),
    import('../data-dir'),
    import('../export/export-documents'),
    import('../export/write-export'),
  ]);
  const store = new AnnotationStore({ dataDir: defaultDataDir() });
  const sheets = exportSheets(await exportDocumentsOf(results, store, displayPath));
  if (args.xlsx) {
    await writeWorkbook(args.xlsx, sheets);
    io.stderr(`已导出 Excel 工作簿：${args.xlsx}\n`);
  }
  if (args.csv) {
    for (const sheet of sheets) await writeCsv(`${args.csv}-${sheet.name}.csv`, sheet);
    io.stderr(`已导出 CSV：${args.csv}-{${sheets.map((sheet) => sheet.name).join(',')}}.csv\n`);
  }
}

function progressLine(done: number, total: number, file: string): string {
  return done < total ? `[已完成 ${done}/${total}] 正在检查 ${file}\n` : `已完成 ${total} 个文件的检查\n`;
}

export function toJson(results: FileResult[]): CheckOutput {
  const output: CheckOutput = {
    tool: TOOL_NAME,
    version: VERSION,
    results: results.map((result) =>
      result.status === 'checked'
        ? { file: displayPath(result.file), status: 'checked', report: result.report, findings: result.findings }
        : { file: displayPath(result.file), status: 'unreadable', error: result.error, findings: [] },
    ),
  };
  return checkOutputSchema.parse(output);
}

function toText(results: FileResult[], skipped: string[]): string {
  const blocks = results.map(formatFileResult);
  if (skipped.length > 0) blocks.push(`已跳过（不是 .docx/.doc/.pdf 报告文件）：\n${skipped.map((file) => `  ${displayPath(file)}`).join('\n')}`);
  blocks.push(formatTotals(results, skipped.length));
  return `${blocks.join('\n\n')}\n`;
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export function exitStatus(results: FileResult[]): number {
  if (results.some((result) => result.status === 'unreadable')) return 2;
  if (results.some((result) => result.findings.some((finding) => finding.severity === 'error'))) return 1;
  return 0;
}

const isMain = import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('check-command.ts');
if (isMain) {
  runCheckCommand(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  }).then((code) => {
    process.exitCode = code;
  });
}
