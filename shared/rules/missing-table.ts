import type { Rule } from './rule';
import { TABLE_IDS, type SectionId, type TableId } from '../model/ids';
import { SECTION_TITLES, TABLE_TITLES } from '../model/labels';

const SECTION_OF_TABLE: Record<TableId, SectionId> = { table2: '二', table3: '三', table4: '四' };

export const missingTable: Rule = {
  id: 'MISSING-TABLE',
  severity: 'error',
  title: '缺少统计表',
  description:
    '第二、三、四部分的标题存在，但其下没有统计表，或统计表只是一张图片，无法核对数据。',
  source: '年度报告格式（国办公开办函〔2021〕30号）第二至四部分的表格',
  check({ doc }) {
    if (doc.noTextLayer) return [];
    return TABLE_IDS
      .filter((table) => doc.sections[SECTION_OF_TABLE[table]]?.heading != null)
      .filter((table) => doc.tables[table].status === 'absent' || doc.tables[table].status === 'image')
      .map((table) => {
        const { status, pages } = doc.tables[table];
        const heading = `“${SECTION_TITLES[SECTION_OF_TABLE[table]]}”下`;
        if (status !== 'image') return { table, section: SECTION_OF_TABLE[table], message: `${heading}找不到${TABLE_TITLES[table]}` };
        const where = pages ? `（第 ${pages.join('、')} 页）` : '';
        return {
          table,
          section: SECTION_OF_TABLE[table],
          message: `${heading}的${TABLE_TITLES[table]}是图片${where}，无法读取数据`,
          ...(pages ? { pages } : {}),
        };
      });
  },
};
