/**
 * Builds report documents in the intermediate form (TableGrid + paragraphs) laid out like the official
 * template, with knobs for the layout variants real reports show. Used to test that the mapping recovers the
 * values whatever the layout.
 */
import type { Block, DocumentContent, GridCell, TableGrid } from '../../shared/model/grid';
import { TABLE3_ROWS, type Table3Group, type Table3Row } from '../../shared/model/ids';
import { TABLE3_GROUP_LABELS, TABLE3_ROW_LABELS } from '../../shared/model/labels';
import type { Report } from '../../shared/model/report';

export interface LayoutKnobs {
  /** The 勾稽关系 note in the merged corner cell (template) or in its own row. */
  noteRow?: 'corner' | 'separate';
  /** Group and result labels as merged cells (template) or repeated flat in every row. */
  mergedLabels?: boolean;
  /** Split table 3 into two grids before this data row index (0–24). */
  splitAt?: number;
  /** Repeat the three header rows at the top of the continuation. */
  repeatHeader?: boolean;
  /** Half-width brackets instead of full-width. */
  halfBrackets?: boolean;
  /** Leave the 自然人 header cell empty. */
  dropNaturalPersonHeader?: boolean;
  /** 总计 header cell on the first header row. */
  totalOnFirstHeaderRow?: boolean;
  /** A 法人或其他组织 小计 column after 其他. */
  subtotalColumn?: boolean;
  /** Table 2 as one grid, two, or four. */
  table2?: 'single' | 'split2' | 'split4';
  /** Table 4 with groups as rows instead of one row of 15. */
  table4Transposed?: boolean;
  /** Render numbers with full-width digits. */
  fullWidth?: boolean;
  /** Text of a value cell: overrides per cell id, e.g. { 'table3.granted.total': '' }. */
  rawOverrides?: Record<string, string>;
  /** Rows left out of table 3. */
  omitRows?: Table3Row[];
  /** （六）其他处理 as one row carrying the group's values. */
  collapseOther?: boolean;
}

class GridBuilder {
  cells: GridCell[] = [];
  row = 0;
  constructor(private readonly index: number) {}
  add(col: number, text: string, colSpan = 1, rowSpan = 1): void {
    this.cells.push({ row: this.row, col, rowSpan, colSpan, text, source: { kind: 'docx', table: this.index, row: this.row, cell: this.cells.filter((c) => c.row === this.row).length } });
  }
  next(): void {
    this.row++;
  }
  build(colCount: number): TableGrid {
    return { index: this.index, rowCount: this.row, colCount, cells: this.cells };
  }
}

function printed(value: number | null, knobs: LayoutKnobs, id: string): string {
  if (knobs.rawOverrides && id in knobs.rawOverrides) return knobs.rawOverrides[id];
  if (value === null) return '';
  const text = String(value);
  return knobs.fullWidth ? text.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : text;
}

function brackets(text: string, knobs: LayoutKnobs): string {
  return knobs.halfBrackets ? text.replace(/（/g, '(').replace(/）/g, ')') : text;
}

const COLUMN_IDS = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];

function table3Header(b: GridBuilder, knobs: LayoutKnobs, valueCols: number): void {
  const note = brackets('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', knobs);
  const totalCol = knobs.subtotalColumn ? 10 : 9;
  b.add(0, knobs.noteRow === 'separate' ? '' : note, 3, 3);
  if (knobs.totalOnFirstHeaderRow) {
    b.add(3, '申请人情况', valueCols - 1);
    b.add(totalCol, '总计', 1, 3);
  } else {
    b.add(3, '申请人情况', valueCols);
  }
  b.next();
  b.add(3, knobs.dropNaturalPersonHeader ? '' : '自然人', 1, 2);
  b.add(4, '法人或其他组织', knobs.subtotalColumn ? 6 : 5);
  if (!knobs.totalOnFirstHeaderRow) b.add(totalCol, '总计', 1, 2);
  b.next();
  const sub = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ...(knobs.subtotalColumn ? ['小计'] : [])];
  sub.forEach((text, i) => b.add(4 + i, text));
  b.next();
  if (knobs.noteRow === 'separate') {
    b.add(0, note, 3 + valueCols);
    b.next();
  }
}

function groupOf(row: Table3Row): Table3Group | null {
  return row.includes('.') ? (row.split('.')[0] as Table3Group) : null;
}

export function table3Grids(report: Report, knobs: LayoutKnobs, firstIndex = 10): TableGrid[] {
  const valueCols = knobs.subtotalColumn ? 8 : 7;
  const colCount = 3 + valueCols;
  const grids: TableGrid[] = [];
  let b = new GridBuilder(firstIndex);
  table3Header(b, knobs, valueCols);
  const rows = TABLE3_ROWS.filter((row) => !knobs.omitRows?.includes(row) && !(knobs.collapseOther && groupOf(row) === 'other'));
  const dataRows: { row: Table3Row | 'otherGroup'; values: (number | null)[] }[] = [];
  for (const row of rows) {
    if (knobs.collapseOther && row === 'resultTotal') dataRows.push({ row: 'otherGroup', values: report.table3Groups?.other ?? [0, 0, 0, 0, 0, 0, 0] });
    dataRows.push({ row, values: report.table3[row] });
  }
  dataRows.forEach(({ row, values }, i) => {
    if (knobs.splitAt !== undefined && i === knobs.splitAt) {
      grids.push(b.build(colCount));
      b = new GridBuilder(firstIndex + 1);
      if (knobs.repeatHeader) table3Header(b, knobs, valueCols);
    }
    addTable3Row(b, row, knobs, i === 0 || (knobs.splitAt !== undefined && i === knobs.splitAt));
    const cells = [...values.slice(0, 6), ...(knobs.subtotalColumn ? [values.slice(1, 6).reduce<number>((s, v) => s + (v ?? 0), 0)] : []), values[6]];
    cells.forEach((value, k) => {
      const columnId = knobs.subtotalColumn && k === 6 ? 'subtotal' : COLUMN_IDS[k >= 6 && knobs.subtotalColumn ? k - 1 : k];
      b.add(3 + k, printed(value, knobs, row === 'otherGroup' ? `table3Groups.other.${columnId}` : `table3.${row}.${columnId}`));
    });
    b.next();
  });
  grids.push(b.build(colCount));
  return grids;
}

function addTable3Row(b: GridBuilder, row: Table3Row | 'otherGroup', knobs: LayoutKnobs, startsPiece: boolean): void {
  if (row === 'otherGroup') {
    b.add(1, brackets(TABLE3_GROUP_LABELS.other, knobs), 2);
    if (!knobs.mergedLabels || startsPiece) b.add(0, '三、本年度办理结果');
    return;
  }
  const label = brackets(TABLE3_ROW_LABELS[row], knobs);
  if (row === 'newReceived' || row === 'carriedOver' || row === 'carriedForward') {
    b.add(0, label, 3);
    return;
  }
  const group = groupOf(row);
  if (knobs.mergedLabels === false || startsPiece || row === 'granted') b.add(0, '三、本年度办理结果');
  if (!group) {
    b.add(1, label, 2);
    return;
  }
  if (knobs.mergedLabels === false || startsPiece || /^1\./.test(TABLE3_ROW_LABELS[row])) b.add(1, brackets(TABLE3_GROUP_LABELS[group], knobs));
  b.add(2, label);
}

export function table2Grids(report: Report, knobs: LayoutKnobs, firstIndex = 0): TableGrid[] {
  const t = report.table2;
  const blocks: [string, string[], [string, (number | null)[], string[]][]][] = [
    ['第二十条第（一）项', ['本年制发件数', '本年废止件数', '现行有效件数'], [
      ['规章', [t.regulations.issued, t.regulations.repealed, t.regulations.inForce], ['regulations.issued', 'regulations.repealed', 'regulations.inForce']],
      ['行政规范性文件', [t.normativeDocuments.issued, t.normativeDocuments.repealed, t.normativeDocuments.inForce], ['normativeDocuments.issued', 'normativeDocuments.repealed', 'normativeDocuments.inForce']],
    ]],
    ['第二十条第（五）项', ['本年处理决定数量'], [['行政许可', [t.licensing], ['licensing']]]],
    ['第二十条第（六）项', ['本年处理决定数量'], [['行政处罚', [t.punishment], ['punishment']], ['行政强制', [t.coercion], ['coercion']]]],
    ['第二十条第（八）项', ['本年收费金额（单位：万元）'], [['行政事业性收费', [t.fees], ['fees']]]],
  ];
  const split = knobs.table2 ?? 'single';
  const grids: TableGrid[] = [];
  let b = new GridBuilder(firstIndex);
  blocks.forEach(([caption, headers, items], i) => {
    if (i > 0 && (split === 'split4' || (split === 'split2' && i === 3))) {
      grids.push(b.build(4));
      b = new GridBuilder(firstIndex + grids.length);
    }
    b.add(0, brackets(caption, knobs), 4);
    b.next();
    b.add(0, '信息内容');
    headers.forEach((h, k) => b.add(1 + k, brackets(h, knobs), headers.length === 1 ? 3 : 1));
    b.next();
    for (const [label, values, ids] of items) {
      b.add(0, label);
      values.forEach((v, k) => b.add(1 + k, printed(v, knobs, `table2.${ids[k]}`), values.length === 1 ? 3 : 1));
      b.next();
    }
  });
  grids.push(b.build(4));
  return grids;
}

const T4_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
const T4_IDS = ['upheld', 'corrected', 'other', 'pending', 'total'];

export function table4Grid(report: Report, knobs: LayoutKnobs, index = 20): TableGrid {
  const b = new GridBuilder(index);
  const groups = [['review', report.table4.review], ['litigationDirect', report.table4.litigationDirect], ['litigationAfterReview', report.table4.litigationAfterReview]] as const;
  if (knobs.table4Transposed) {
    b.add(0, '', 2);
    T4_COLUMNS.forEach((text, k) => b.add(2 + k, text));
    b.next();
    b.add(0, '行政复议', 2);
    groups[0][1].forEach((v, k) => b.add(2 + k, printed(v, knobs, `table4.review.${T4_IDS[k]}`)));
    b.next();
    b.add(0, '行政诉讼', 1, 2);
    b.add(1, '未经复议直接起诉');
    groups[1][1].forEach((v, k) => b.add(2 + k, printed(v, knobs, `table4.litigationDirect.${T4_IDS[k]}`)));
    b.next();
    b.add(1, '复议后起诉');
    groups[2][1].forEach((v, k) => b.add(2 + k, printed(v, knobs, `table4.litigationAfterReview.${T4_IDS[k]}`)));
    b.next();
    return b.build(7);
  }
  b.add(0, '行政复议', 5);
  b.add(5, '行政诉讼', 10);
  b.next();
  T4_COLUMNS.forEach((text, k) => b.add(k, text, 1, 2));
  b.add(5, '未经复议直接起诉', 5);
  b.add(10, '复议后起诉', 5);
  b.next();
  for (let g = 0; g < 2; g++) T4_COLUMNS.forEach((text, k) => b.add(5 + g * 5 + k, text));
  b.next();
  groups.forEach(([id, values], g) => values.forEach((v, k) => b.add(g * 5 + k, printed(v, knobs, `table4.${id}.${T4_IDS[k]}`))));
  b.next();
  return b.build(15);
}

let paragraphIndex = 0;
function paragraph(text: string): Block {
  return { type: 'paragraph', text, source: { kind: 'docx-paragraph', paragraph: paragraphIndex++ } };
}

/** A whole report: title, six sections with prose, the three tables, the signature. */
export function reportContent(report: Report, knobs: LayoutKnobs = {}, prose: Partial<Record<string, string>> = {}): DocumentContent {
  paragraphIndex = 0;
  const year = report.year ?? 2023;
  const organ = report.organ ?? '某某县某某局';
  const tables = (grids: TableGrid[]): Block[] => grids.map((grid) => ({ type: 'table', grid }));
  const blocks: Block[] = [
    paragraph(`${organ}${year}年政府信息公开工作年度报告`),
    paragraph('一、总体情况'),
    paragraph(prose['一'] ?? `${year}年，我局认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`),
    paragraph('二、主动公开政府信息情况'),
    ...tables(table2Grids(report, knobs)),
    paragraph('三、收到和处理政府信息公开申请情况'),
    ...tables(table3Grids(report, knobs)),
    paragraph('四、政府信息公开行政复议、行政诉讼情况'),
    ...tables([table4Grid(report, knobs)]),
    paragraph('五、存在的主要问题及改进情况'),
    paragraph(prose['五'] ?? '一是业务能力有待提升。下一步，我局将加强业务培训，提升政府信息公开工作水平。'),
    paragraph('六、其他需要报告的事项'),
    paragraph(prose['六'] ?? '本年度我局未收取信息处理费。'),
    paragraph(organ),
    paragraph(report.signedDate ? `${Number(report.signedDate.slice(0, 4))}年${Number(report.signedDate.slice(5, 7))}月${Number(report.signedDate.slice(8, 10))}日` : ''),
  ];
  return { format: 'docx', blocks };
}
