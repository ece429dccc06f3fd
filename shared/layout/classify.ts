/** Which grids of a document make up tables 二, 三 and 四 (each may be split into several grids). */
import type { TableGrid } from '../model/grid';
import type { TableId } from '../model/ids';
import { compactText } from '../text/normalize';

const MARKERS: Record<TableId, RegExp[]> = {
  table2: [/第二十条/, /信息内容/, /^规章$/, /规范性文件$/, /^行政许可$/, /^行政处罚$/, /^行政强制$/, /事业性收费$/, /制发件数/, /现行有效件数/, /处理决定数量/, /收费金额/],
  table3: [/申请人情况/, /^自然人$/, /商业企业/, /科研机构/, /社会公益组织/, /法律服务机构/, /本年新收/, /上年结转/, /予以公开/, /部分公开/, /国家秘密/, /不予公开/, /无法提供/, /不予处理/, /其他处理/, /结转下年度/, /办理结果/, /第三方合法权益/, /内部事务/, /过程性信息/, /执法案卷/, /查询事项/, /不掌握/, /另行制作/, /重复申请/, /出版物/, /不补正/, /收费通知/],
  table4: [/^行政复议$/, /^行政诉讼$/, /结果维持/, /结果纠正/, /其他结果/, /尚未审结/, /未经复议/, /直接起诉/, /复议后起诉/],
};

/**
 * The statistics tables have some 30 rows and 15 columns, and Word cannot make a table of more than 63 columns.
 * A grid beyond these sizes is none of them and is not mapped: mapping takes time and memory that grow with a
 * grid's rows times columns, and a hostile file declares a million columns (w:gridSpan, w:tblGrid) in a few bytes.
 */
export const MAX_TABLE_ROWS = 400;
export const MAX_TABLE_COLUMNS = 64;

export function isTooLargeForTable(grid: TableGrid): boolean {
  return grid.rowCount > MAX_TABLE_ROWS || grid.colCount > MAX_TABLE_COLUMNS;
}

export function scoreGrid(grid: TableGrid): Record<TableId, number> {
  const texts = grid.cells.map((cell) => compactText(cell.text)).filter(Boolean);
  const score = { table2: 0, table3: 0, table4: 0 };
  for (const id of Object.keys(MARKERS) as TableId[]) {
    score[id] = MARKERS[id].filter((marker) => texts.some((text) => marker.test(text))).length;
  }
  return score;
}

/** The table a grid belongs to, with how many of its markers it shows; null when it is none of the three. */
export function classifyGrid(grid: TableGrid): { table: TableId; score: number } | null {
  const score = scoreGrid(grid);
  const ranked = (Object.entries(score) as [TableId, number][]).sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (best[1] === 0 || best[1] === second[1]) return null;
  return { table: best[0], score: best[1] };
}

/**
 * Groups the document's grids by table, keeping document order; grids of no table are left out. A grid needs
 * two markers of its table, or one when it directly continues a grid of the same table (a table split in two),
 * and a grid of bare values directly after a table continues it. Grids too large for a statistics table are left out.
 */
export function groupGrids(grids: TableGrid[]): Record<TableId, TableGrid[]> {
  const groups: Record<TableId, TableGrid[]> = { table2: [], table3: [], table4: [] };
  let previous: TableId | null = null;
  for (const grid of grids) {
    if (isTooLargeForTable(grid)) {
      previous = null;
      continue;
    }
    const match = classifyGrid(grid);
    let kind: TableId | null = null;
    if (match && (match.score >= 2 || match.table === previous)) kind = match.table;
    else if (!match && previous && holdsOnlyValues(grid)) kind = previous;
    if (kind) groups[kind].push(grid);
    previous = kind;
  }
  return groups;
}

function holdsOnlyValues(grid: TableGrid): boolean {
  const texts = grid.cells.map((cell) => compactText(cell.text));
  return texts.some((text) => /\d/.test(text)) && texts.every((text) => /^[\d,.，/\-—]*$/.test(text));
}
