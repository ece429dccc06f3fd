/**
 * Accuracy benchmark: `npm run bench:accuracy -- <folder> [--only docx,doc,pdf] [--json out.json]`.
 * Checks every report file of the folder as one run (so last year's reports pair up), then scores it against
 * the `*.truth.json` beside each file: cells right / total, findings precision and recall, misses per rule,
 * and the engine's time per document. Prints one summary line last.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { readFile } from 'node:fs/promises';
import { collectFiles } from '../../electron/services/collect-files';
import { execFileSync } from 'node:child_process';
import { readContent, readReportFile } from '../../electron/services/report-file';
import { checkReviewDocument, reviewContent } from '../../shared/engine/check';
import { checkFiles, type FileResult } from '../../electron/services/check-files';
import { scoreCells, scoreFindings, type TruthFile, type TruthFinding } from './truth-score';

interface Options {
  folder: string;
  only?: string[];
  jsonOut?: string;
}

function parseOptions(argv: string[]): Options {
  const options: Options = { folder: '' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--only') options.only = argv[++i].split(',').map((type) => type.trim().replace(/^\./, ''));
    else if (argv[i] === '--json') options.jsonOut = argv[++i];
    else options.folder = argv[i];
  }
  if (!options.folder) throw new Error('用法：npm run bench:accuracy -- <文件夹> [--only docx,doc,pdf] [--json 输出.json]');
  return options;
}

function truthPath(file: string): string {
  return file.slice(0, -extname(file).length) + '.truth.json';
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const { files } = await collectFiles([options.folder]);
  const selected = files.filter((file) => existsSync(truthPath(file)) && (!options.only || options.only.includes(extname(file).slice(1).toLowerCase())));
  const truths = new Map(selected.map((file) => [file, JSON.parse(readFileSync(truthPath(file), 'utf8')) as TruthFile]));
  const reportIdsInRun = new Set([...truths.values()].map((truth) => truth.reportId));

  const started = performance.now();
  const results = await checkFiles(selected);
  const wallMillis = performance.now() - started;

  const totals = { cellsRight: 0, cellsTotal: 0, tp: 0, fp: 0, fn: 0, tolerated: 0, unreadable: 0 };
  const missesByRule = new Map<string, number>();
  const extrasByRule = new Map<string, number>();
  const perFile: unknown[] = [];
  for (const result of results) {
    const truth = truths.get(result.file)!;
    // A scan, or text that cannot be decoded: the truth expects NO-TEXT-LAYER, not the values.
    const isScan = truth.layout?.rendering === 'scan' || truth.findings.some((f) => f.rule === 'NO-TEXT-LAYER' && f.pages === 'all');
    const cells = scoreCells(result.status === 'checked' ? result.report : null, truth.report);
    if (!isScan) {
      totals.cellsRight += cells.right;
      totals.cellsTotal += cells.total;
    }
    const applicable = (f: TruthFinding) => !f.requires || reportIdsInRun.has(f.requires);
    const expected = truth.findings.filter(applicable);
    const tolerated = [...(truth.tolerated ?? []), ...truth.findings.filter((f) => !applicable(f))];
    const findings = scoreFindings(result.findings, expected, tolerated);
    if (result.status === 'unreadable') totals.unreadable++;
    totals.tp += findings.truePositives;
    totals.fp += findings.falsePositives.length;
    totals.fn += findings.falseNegatives.length;
    totals.tolerated += findings.tolerated;
    for (const miss of findings.falseNegatives) missesByRule.set(miss.rule, (missesByRule.get(miss.rule) ?? 0) + 1);
    for (const extra of findings.falsePositives) extrasByRule.set(extra.rule, (extrasByRule.get(extra.rule) ?? 0) + 1);
    reportFile(result, cells.wrong, findings, isScan);
    perFile.push({ file: result.file, status: result.status, millis: result.millis, cellsWrong: cells.wrong, falsePositives: findings.falsePositives, falseNegatives: findings.falseNegatives });
  }
  const timing = timingByType(results);
  const engine = await measureWarmEngine(selected);
  if (missesByRule.size > 0) console.log(`漏报（按规则）：${[...missesByRule].map(([rule, n]) => `${rule}×${n}`).join('，')}`);
  if (extrasByRule.size > 0) console.log(`误报（按规则）：${[...extrasByRule].map(([rule, n]) => `${rule}×${n}`).join('，')}`);
  const precision = totals.tp + totals.fp === 0 ? 1 : totals.tp / (totals.tp + totals.fp);
  const recall = totals.tp + totals.fn === 0 ? 1 : totals.tp / (totals.tp + totals.fn);
  if (options.jsonOut) writeFileSync(options.jsonOut, JSON.stringify({ totals, precision, recall, timing: timing.summary, engine, perFile }, null, 2));
  console.log(
    `accuracy: files=${results.length} unreadable=${totals.unreadable} cells=${totals.cellsRight}/${totals.cellsTotal} ` +
      `findings precision=${precision.toFixed(3)} recall=${recall.toFixed(3)} (tp=${totals.tp} fp=${totals.fp} fn=${totals.fn} tolerated=${totals.tolerated}) ` +
      `${timing.summary} ${engine} wall=${Math.round(wallMillis)}ms`,
  );
}

function reportFile(result: FileResult, wrongCells: string[], findings: ReturnType<typeof scoreFindings>, isScan: boolean): void {
  const problems: string[] = [];
  if (result.status === 'unreadable') problems.push(`无法读取 ${result.error.code}`);
  if (!isScan && wrongCells.length > 0) problems.push(`单元格/元数据不符 ${wrongCells.length}：${wrongCells.slice(0, 6).join(' ')}`);
  for (const f of findings.falsePositives) problems.push(`误报 ${f.rule} ${[f.table, f.row, f.column, f.group, f.section].filter(Boolean).join('/')}`);
  for (const f of findings.falseNegatives) problems.push(`漏报 ${f.rule} ${[f.table, f.row, f.column, f.group, f.section].filter(Boolean).join('/')}`);
  if (problems.length > 0) console.log(`${result.file}: ${problems.join('；')}`);
}

/**
 * The engine's own time per document, warm and in-process: bytes in memory → intermediate form → review
 * document → findings (no disk, no hashing, no process start). .doc files are timed after their LibreOffice
 * conversion, which the per-file times above include. For PDFs also pages per second and, where poppler is
 * installed, the ratio to `pdftotext -layout` on the same files in the same run.
 */
async function measureWarmEngine(files: string[]): Promise<string> {
  const byType = new Map<string, number[]>();
  const pdf = { pages: 0, millis: 0, pdftotext: [] as number[] };
  for (const file of files) {
    const type = extname(file).slice(1).toLowerCase();
    const run = await engineRun(file, type);
    if (!run || !(await run().then(() => true, () => false))) continue;
    const samples: number[] = [];
    let pages = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      pages = await run();
      samples.push(performance.now() - started);
    }
    const median = percentile(samples, 0.5);
    byType.set(type, [...(byType.get(type) ?? []), median]);
    if (type === 'pdf' && pages > 0) {
      pdf.pages += pages;
      pdf.millis += median;
      const reference = pdftotextMillis(file);
      if (reference !== null) pdf.pdftotext.push(reference);
    }
  }
  const parts = [...byType].map(([type, millis]) => `${type}: median=${percentile(millis, 0.5).toFixed(1)}ms p95=${percentile(millis, 0.95).toFixed(1)}ms worst=${Math.max(...millis).toFixed(1)}ms`);
  if (pdf.pages > 0) parts.push(`pdf pages/s=${Math.round((pdf.pages * 1000) / pdf.millis)}`);
  if (pdf.pdftotext.length > 0) {
    const ours = percentile(byType.get('pdf') ?? [], 0.5);
    const reference = percentile(pdf.pdftotext, 0.5);
    parts.push(`pdftotext-layout median=${reference.toFixed(1)}ms ratio=${(ours / reference).toFixed(2)}`);
  }
  parts.push(`peakRSS=${Math.round(process.resourceUsage().maxRSS / 1024)}MB`);
  return `engine-warm[${parts.join('; ')}]`;
}

/** A repeatable engine run on a file's bytes, returning the page count (PDF) or 0. */
async function engineRun(file: string, type: string): Promise<(() => Promise<number>) | null> {
  try {
    if (type === 'doc') {
      const { content } = await readReportFile(file);
      return async () => (checkReviewDocument(reviewContent(content)), 0);
    }
    const bytes = new Uint8Array(await readFile(file));
    return async () => {
      const content = await readContent(file, bytes);
      checkReviewDocument(reviewContent(content));
      return content.pageCount ?? 0;
    };
  } catch {
    return null;
  }
}

/** Median wall time of `pdftotext -layout` on the file (3 runs), or null without poppler. */
function pdftotextMillis(file: string): number | null {
  try {
    const samples: number[] = [];
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      execFileSync('pdftotext', ['-layout', file, '-'], { stdio: ['ignore', 'ignore', 'ignore'] });
      samples.push(performance.now() - started);
    }
    return percentile(samples, 0.5);
  } catch {
    return null;
  }
}

function timingByType(results: FileResult[]): { summary: string } {
  const byType = new Map<string, number[]>();
  for (const result of results) {
    const type = extname(result.file).slice(1).toLowerCase();
    byType.set(type, [...(byType.get(type) ?? []), result.millis]);
  }
  const parts = [...byType].map(([type, millis]) => `${type}: median=${percentile(millis, 0.5).toFixed(1)}ms worst=${Math.max(...millis).toFixed(1)}ms n=${millis.length}`);
  return { summary: `per-file[${parts.join('; ')}]` };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 2;
});
