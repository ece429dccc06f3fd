/**
 * The 说明 sheet of an export from the app: who reviewed (the office and reviewers of the settings), when, the
 * batch's counts, and what each sheet holds. The command line's export, without settings, has none.
 */
import type { CellValue, ExportDocument, Sheet } from '../../shared/engine/export-rows';
import { VERSION } from '../../shared/version';

export interface ExportInfo {
  office: string;
  reviewers: string[];
  exportedAt: Date;
}

export const INFO_SHEET_NAME = '说明';

export function formatDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function infoSheet(info: ExportInfo, documents: ExportDocument[]): Sheet {
  const checked = documents.filter((d) => d.status === 'checked');
  const errors = (d: ExportDocument) => d.findings.filter((f) => f.severity === 'error').length;
  const warnings = (d: ExportDocument) => d.findings.filter((f) => f.severity === 'warning').length;
  const rows: CellValue[][] = [
    ['审核机关', info.office.trim() || '（未设置：可在“设置”中填写）'],
    ['审核人员', info.reviewers.length > 0 ? info.reviewers.join('、') : '（未设置）'],
    ['导出时间', formatDateTime(info.exportedAt)],
    ['报告总数', documents.length],
    ['未发现问题', checked.filter((d) => errors(d) + warnings(d) === 0).length],
    ['有错误', checked.filter((d) => errors(d) > 0).length],
    ['无法读取', documents.length - checked.length],
    ['已完成审核', documents.filter((d) => d.annotations?.verdict.value).length],
    ['汇总', '每份报告一行：机关、年度、问题数、审核状态与结论'],
    ['问题清单', '每个问题一行：规则、位置、说明及审核意见'],
    ['数据汇总', '三张统计表的全部数值（审核人更正的按更正值），末行为合计'],
    ['生成工具', `年报审核 ${VERSION}（离线）`],
  ];
  return { name: INFO_SHEET_NAME, headers: ['项目', '内容'], widths: [14, 60], rows };
}
