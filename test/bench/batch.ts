/**
 * Batch benchmark: `npm run bench:batch -- [--files 200] [--corpus ../shared/corpus/dev] [--app] [--keep] [--json out.json]`.
 * Builds a folder of N report files (the corpus's .docx, .doc and .pdf copied round-robin under varied names, in a
 * few subfolders) in a temporary directory, runs the headless check on it as a child process
 * (`check --json <folder>`) under /usr/bin/time -v, and reports the files, the wall time, files per second and the
 * peak resident memory of the check process (with --app: the same folder as one background batch of a Session,
 * the path the app and serve take, with the result cache and the batch record), with its CPU time (user + system: on a machine shared with other
 * work the wall time says more about the neighbours than about the check). The issue's bar: 200 files in under
 * 60 s, peak memory under 1 GB.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname ?? '.', '../..');
const REPORT_TYPES = new Set(['.docx', '.doc', '.pdf']);
const FOLDERS = ['部门', '乡镇街道', '人民政府/2023', '人民政府/2022', '其他'];
const NAMES = ['政府信息公开工作年度报告', '年度报告（定稿）', '2023年政务公开年报', '信息公开年报-终稿', 'report'];

interface Options {
  files: number;
  corpus: string;
  keep: boolean;
  /** Through a Session (the app's background batch) instead of the check command. */
  app: boolean;
  jsonOut?: string;
}

export interface BatchFigure {
  files: number;
  via: 'check' | 'app';
  types: Record<string, number>;
  seconds: number;
  filesPerSecond: number;
  /** User + system CPU seconds of the check (all its threads). */
  cpuSeconds: number;
  peakRssMiB: number;
  exitStatus: number;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { files: 200, corpus: resolve(ROOT, '../shared/corpus/dev'), keep: false, app: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--files') options.files = Number(argv[++i]);
    else if (argv[i] === '--corpus') options.corpus = resolve(argv[++i]);
    else if (argv[i] === '--keep') options.keep = true;
    else if (argv[i] === '--app') options.app = true;
    else if (argv[i] === '--json') options.jsonOut = argv[++i];
    else throw new Error(`未知参数：${argv[i]}\n用法：npm run bench:batch -- [--files 200] [--corpus 文件夹] [--keep] [--json 输出.json]`);
  }
  if (!Number.isInteger(options.files) || options.files < 1) throw new Error('--files 需要正整数');
  if (!existsSync(options.corpus)) throw new Error(`找不到语料文件夹：${options.corpus}`);
  return options;
}

/** N copies of the corpus's report files under varied names and subfolders; returns the count per type. */
export function buildBatchFolder(corpus: string, target: string, count: number): Record<string, number> {
  const sources = readdirSync(corpus)
    .filter((name) => REPORT_TYPES.has(extname(name).toLowerCase()))
    .sort();
  if (sources.length === 0) throw new Error(`${corpus} 中没有 .docx/.doc/.pdf 文件`);
  const types: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    const extension = extname(source).toLowerCase();
    const folder = join(target, FOLDERS[i % FOLDERS.length]);
    mkdirSync(folder, { recursive: true });
    const name = `${String(i + 1).padStart(3, '0')}-${source.slice(0, -extension.length)}-${NAMES[i % NAMES.length]}${extension}`;
    copyFileSync(join(corpus, source), join(folder, name));
    types[extension.slice(1)] = (types[extension.slice(1)] ?? 0) + 1;
  }
  return types;
}

/**
 * Runs `check --json <folder>` (or, for the app, test/bench/batch-session.ts) under /usr/bin/time -v; stdout is
 * counted and dropped.
 */
export function timeCheck(folder: string, app = false): Promise<{ seconds: number; cpuSeconds: number; peakRssMiB: number; exitStatus: number; resultCount: number }> {
  return new Promise((resolvePromise, reject) => {
    const runTs = join(ROOT, 'electron/run-ts.mjs');
    const started = performance.now();
    const script = app ? join(ROOT, 'test/bench/batch-session.ts') : join(ROOT, 'electron/cli/check-command.ts');
    const child = spawn('/usr/bin/time', ['-v', process.execPath, runTs, script, ...(app ? [] : ['--json']), folder], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdoutBytes = 0;
    let tail = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdoutBytes += chunk.length;
      tail = (tail + chunk.toString('utf8')).slice(-200_000);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-20_000)));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const status = /Exit status: (\d+)/.exec(stderr);
      const cpu = ['User', 'System'].reduce((sum, kind) => sum + Number(new RegExp(`${kind} time \\(seconds\\): ([\\d.]+)`).exec(stderr)?.[1] ?? 0), 0);
      if (!rss) return reject(new Error(`/usr/bin/time gave no figure (exit ${code}):\n${stderr}`));
      if (stdoutBytes === 0) return reject(new Error(`check printed nothing:\n${stderr}`));
      resolvePromise({ seconds, cpuSeconds: cpu, peakRssMiB: Number(rss[1]) / 1024, exitStatus: status ? Number(status[1]) : (code ?? -1), resultCount: (tail.match(/"status": "(checked|unreadable)"/g) ?? []).length });
    });
  });
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const work = mkdtempSync(join(tmpdir(), 'nianbao-bench-batch-'));
  const folder = join(work, '年报');
  try {
    const types = buildBatchFolder(options.corpus, folder, options.files);
    process.stderr.write(`已生成 ${options.files} 个文件（${Object.entries(types).map(([type, n]) => `${type} ${n}`).join('，')}）：${folder}\n`);
    const run = await timeCheck(folder, options.app);
    const figure: BatchFigure = {
      files: options.files,
      via: options.app ? 'app' : 'check',
      types,
      seconds: Math.round(run.seconds * 10) / 10,
      filesPerSecond: Math.round((options.files / run.seconds) * 10) / 10,
      cpuSeconds: Math.round(run.cpuSeconds * 10) / 10,
      peakRssMiB: Math.round(run.peakRssMiB),
      exitStatus: run.exitStatus,
    };
    if (options.jsonOut) writeFileSync(options.jsonOut, `${JSON.stringify(figure, null, 2)}\n`);
    const verdict = figure.seconds < 60 && figure.peakRssMiB < 1024 ? '达标' : '未达标';
    process.stdout.write(
      `batch (${figure.via}): ${figure.files} files, ${figure.seconds} s, ${figure.filesPerSecond} files/s, CPU ${figure.cpuSeconds} s, peak RSS ${figure.peakRssMiB} MiB (exit ${figure.exitStatus}) — ${verdict}（要求：< 60 s，< 1024 MiB）\n`,
    );
  } finally {
    if (options.keep) process.stderr.write(`保留了临时文件夹：${work}\n`);
    else rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && /bench[\\/]batch\.[cm]?[jt]s$/.test(process.argv[1])) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
