import type { Rule } from './rule';
import { TABLE_IDS } from '../model/ids';

export const noTextLayer: Rule = {
  id: 'NO-TEXT-LAYER',
  severity: 'error',
  title: 'PDF 为扫描件，无法读取文字',
  description:
    'PDF 中应有表格的页面没有可提取的文字（扫描件或图片，或字体缺少编码映射、提取出来是乱码），表格数据无法自动读取和核对，需人工核对或提供可编辑版本。',
  source: '审核实践：年度报告应以可读取、可检索的形式公开',
  check({ doc }) {
    const pages = doc.noTextLayer?.pages;
    if (pages === undefined || (Array.isArray(pages) && pages.length === 0)) return [];
    const where = pages === 'all' ? '全部页面' : `第 ${pages.join('、')} 页`;
    if (Object.values(doc.cells).some((cell) => cell.ocr)) {
      return [{ pages, message: `${where}没有文字层（扫描件）；表格数值已由文字识别（OCR）读取，须逐项对照原件核对，正文相关检查无法进行` }];
    }
    // Some pages without text (a scanned seal page, a cover picture) matter only if a table was not read.
    if (pages !== 'all' && TABLE_IDS.every((table) => doc.tables[table].status === 'found')) return [];
    return [{ pages, message: `${where}没有可提取的文字（扫描件，或文字编码无法识别），表格无法自动读取，请人工核对` }];
  },
};
