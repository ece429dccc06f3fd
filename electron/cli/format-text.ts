/** The readable Chinese summary `check` prints without --json. */
import type { Finding } from '../../shared/model/finding';
import { SEVERITY_NAMES, describeCell, describePlace } from '../../shared/engine/describe';
import { ruleTitle } from '../../shared/rules';
import type { FileResult } from '../services/check-files';

const SEVERITY_MARKS = { error: '✗', warning: '!', info: 'i' } as const;

export function formatFileResult(result: FileResult): string {
  const lines = [`━━ ${result.file}`];
  if (result.status === 'unreadable') {
    lines.push(`  无法读取：${result.error.message}（${result.error.code}）`);
    return lines.join('\n');
  }
  const { organ, year, signedDate, format } = result.report;
  lines.push(`  机关：${organ ?? '未识别'}　年度：${year ?? '未识别'}　落款日期：${signedDate ?? '无'}　格式：${format ? `${format}年版` : '未识别'}`);
  if (result.previousFile) lines.push(`  上一年度报告：${result.previousFile}`);
  if (result.findings.length === 0) lines.push('  未发现问题');
  lines.push(...formatFindings(result.findings));
  return lines.join('\n');
}

/** Findings with a shared root cause are printed together under it, so one wrong cell reads as one problem. */
function formatFindings(findings: Finding[]): string[] {
  const lines: string[] = [];
  const printedCauses = new Set<string>();
  for (const finding of findings) {
    if (finding.rootCause) {
      if (printedCauses.has(finding.rootCause)) continue;
      printedCauses.add(finding.rootCause);
      const related = findings.filter((f) => f.rootCause === finding.rootCause);
      lines.push(`  ${SEVERITY_MARKS[finding.severity]} ${SEVERITY_NAMES[finding.severity]}  疑为一个单元格有误：${describeCell(finding.rootCause)}（${related.length} 处合计关系因此不符）`);
      for (const f of related) lines.push(`      - ${ruleTitle(f.rule)} [${f.rule}] ${describePlace(f)}：${f.message}`);
      continue;
    }
    lines.push(`  ${SEVERITY_MARKS[finding.severity]} ${SEVERITY_NAMES[finding.severity]}  ${ruleTitle(finding.rule)} [${finding.rule}] ${describePlace(finding)}：${finding.message}`);
  }
  return lines;
}

export function formatTotals(results: FileResult[], skipped: number): string {
  const checked = results.filter((r) => r.status === 'checked');
  const withErrors = checked.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  const warningsOnly = checked.filter((r) => r.findings.length > 0 && !r.findings.some((f) => f.severity === 'error')).length;
  const clean = checked.length - withErrors - warningsOnly;
  const unreadable = results.length - checked.length;
  const parts = [`共 ${results.length} 个文件：${withErrors} 个有错误，${warningsOnly} 个仅有警告或提示，${clean} 个未发现问题，${unreadable} 个无法读取`];
  if (skipped > 0) parts.push(`跳过 ${skipped} 个非报告文件`);
  return `${parts.join('；')}。`;
}
