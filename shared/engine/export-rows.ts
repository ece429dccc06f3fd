/**
 * The rows of a batch export (the 汇总, 问题清单 and 数据汇总 views), independent of the file format: the xlsx and
 * CSV writers and the batch summary sheet all start from these.
 */
import { findingKey, type Annotations } from '../model/annotations';
import type { Finding } from '../model/finding';
import { allCanonicalCellIds, type CellId } from '../model/ids';
import { cellName } from '../model/labels';
import type { Report } from '../model/report';
import type { OrganKind } from '../model/review-document';
import { ruleTitle } from '../rules';
import { SEVERITY_NAMES, describePlace } from './describe';
import { valueOfCell } from './report-values';

export interface ExportDocument {
  file: string;
  fileType: string;
  status: 'checked' | 'unreadable';
  report: Report | null;
  organKind: OrganKind | null;
  findings: Finding[];
  error: { code: string; message: string } | null;
  annotations: Annotations | null;
}

export type CellValue = string | number | null;

export interface Sheet {
  name: string;
  headers: string[];
  /** Column widths in characters. */
  widths: number[];
  rows: CellValue[][];
  /** A last row of totals (数据汇总): the column sums over the batch, null where nothing is summed. */
  totals?: CellValue[];
}

const ORGAN_KIND_NAMES: Record<OrganKind, string> = { department: '部门', government: '人民政府', township: '乡镇街道', other: '其他' };
const DECISION_NAMES = { confirmed: '确认', dismissed: '驳回' } as const;

function counts(findings: Finding[]): [number, number, number] {
  return [
    findings.filter((f) => f.severity === 'error').length,
    findings.filter((f) => f.severity === 'warning').length,
    findings.filter((f) => f.severity === 'info').length,
  ];
}

function reviewState(annotations: Annotations | null): string {
  if (!annotations) return '未审核';
  if (annotations.verdict.value) return '已完成';
  const touched = Object.keys(annotations.findings).length + Object.keys(annotations.cellNotes).length + Object.keys(annotations.corrections).length;
  return touched > 0 ? '审核中' : '未审核';
}

export function summarySheet(documents: ExportDocument[]): Sheet {
  return {
    name: '汇总',
    headers: ['文件', '机关', '机关类型', '年度', '文件类型', '状态', '错误', '警告', '提示', '无法读取的原因', '落款日期', '审核状态', '审核结论', '审核人', '总体意见'],
    widths: [36, 28, 10, 8, 8, 10, 6, 6, 6, 30, 12, 10, 10, 10, 40],
    rows: documents.map((d) => [
      d.file,
      d.report?.organ ?? null,
      d.organKind ? ORGAN_KIND_NAMES[d.organKind] : null,
      d.report?.year ?? null,
      d.fileType,
      d.status === 'checked' ? '已检查' : '无法读取',
      ...counts(d.findings),
      d.error?.message ?? null,
      d.report?.signedDate ?? null,
      reviewState(d.annotations),
      d.annotations?.verdict.value ?? null,
      d.annotations?.verdict.reviewer || null,
      d.annotations?.verdict.comment || null,
    ]),
  };
}

export function findingsSheet(documents: ExportDocument[]): Sheet {
  const rows: CellValue[][] = [];
  for (const d of documents) {
    for (const finding of d.findings) {
      const decision = d.annotations?.findings[findingKey(finding)];
      rows.push([
        d.file,
        d.report?.organ ?? null,
        d.report?.year ?? null,
        SEVERITY_NAMES[finding.severity],
        finding.rule,
        ruleTitle(finding.rule),
        describePlace(finding),
        finding.message,
        finding.expected ?? null,
        finding.actual ?? null,
        decision?.decision ? DECISION_NAMES[decision.decision] : '未处理',
        decision?.note || null,
      ]);
    }
  }
  return {
    name: '问题清单',
    headers: ['文件', '机关', '年度', '级别', '规则', '问题', '位置', '说明', '应为', '实为', '审核意见', '审核备注'],
    widths: [36, 28, 8, 6, 20, 22, 36, 60, 8, 8, 10, 40],
    rows,
  };
}

/** Every table value of every checked report (corrected values where the reviewer corrected one), and their sums. */
export function dataSheet(documents: ExportDocument[]): Sheet {
  const ids: CellId[] = allCanonicalCellIds();
  const checked = documents.filter((d) => d.status === 'checked' && d.report);
  const rows = checked.map((d) => [d.file, d.report!.organ, d.report!.year, ...ids.map((id) => correctedValue(d, id))]);
  const totals: CellValue[] = ['合计', `${checked.length} 份报告`, null, ...ids.map((_, k) => sumColumn(rows, 3 + k))];
  return {
    name: '数据汇总',
    headers: ['文件', '机关', '年度', ...ids.map(dataHeader)],
    widths: [36, 28, 8, ...ids.map(() => 12)],
    rows,
    totals,
  };
}

function dataHeader(id: CellId): string {
  const table = id.startsWith('table2') ? '表二' : id.startsWith('table4') ? '表四' : '表三';
  return `${table}·${cellName(id)}`;
}

function correctedValue(d: ExportDocument, id: CellId): number | null {
  const correction = d.annotations?.corrections[id];
  return correction ? correction.value : valueOfCell(d.report!, id);
}

function sumColumn(rows: CellValue[][], column: number): number {
  const sum = rows.reduce<number>((total, row) => total + (typeof row[column] === 'number' ? (row[column] as number) : 0), 0);
  return Math.round(sum * 1e6) / 1e6;
}

export function exportSheets(documents: ExportDocument[]): Sheet[] {
  return [summarySheet(documents), findingsSheet(documents), dataSheet(documents)];
}
