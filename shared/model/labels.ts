/** Official Chinese labels of the canonical ids, as printed in the 2021 template. */
import {
  TABLE3_GROUPS,
  TABLE3_ROWS,
  type CellId,
  type SectionId,
  Table2DocumentColumn,
  Table2Item,
  Table3Column,
  Table3Group,
  Table3Row,
  Table4Column,
  Table4Group,
} from './ids';

export const TABLE2_ITEM_LABELS: Record<Table2Item, string> = {
  regulations: '规章',
  normativeDocuments: '行政规范性文件',
  licensing: '行政许可',
  punishment: '行政处罚',
  coercion: '行政强制',
  fees: '行政事业性收费',
};

export const TABLE2_COLUMN_LABELS: Record<Table2DocumentColumn, string> = {
  issued: '本年制发件数',
  repealed: '本年废止件数',
  inForce: '现行有效件数',
};

export const TABLE3_COLUMN_LABELS: Record<Table3Column, string> = {
  naturalPerson: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

export const TABLE3_ROW_LABELS: Record<Table3Row, string> = {
  newReceived: '一、本年新收政府信息公开申请数量',
  carriedOver: '二、上年结转政府信息公开申请数量',
  granted: '（一）予以公开',
  partiallyGranted: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'denied.stateSecret': '1.属于国家秘密',
  'denied.lawProhibited': '2.其他法律行政法规禁止公开',
  'denied.security': '3.危及“三安全一稳定”',
  'denied.thirdParty': '4.保护第三方合法权益',
  'denied.internalAffairs': '5.属于三类内部事务信息',
  'denied.processInfo': '6.属于四类过程性信息',
  'denied.enforcementFile': '7.属于行政执法案卷',
  'denied.queryMatter': '8.属于行政查询事项',
  'unable.notHeld': '1.本机关不掌握相关政府信息',
  'unable.needsCreation': '2.没有现成信息需要另行制作',
  'unable.unclear': '3.补正后申请内容仍不明确',
  'notProcessed.petition': '1.信访举报投诉类申请',
  'notProcessed.duplicate': '2.重复申请',
  'notProcessed.publication': '3.要求提供公开出版物',
  'notProcessed.excessive': '4.无正当理由大量反复申请',
  'notProcessed.confirmation': '5.要求行政机关确认或重新出具已获取信息',
  'other.overdueCorrection': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'other.overdueFee': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'other.other': '3.其他',
  resultTotal: '（七）总计',
  carriedForward: '四、结转下年度继续办理',
};

export const TABLE3_GROUP_LABELS: Record<Table3Group, string> = {
  denied: '（三）不予公开',
  unable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  other: '（六）其他处理',
};

export const TABLE4_GROUP_LABELS: Record<Table4Group, string> = {
  review: '行政复议',
  litigationDirect: '行政诉讼·未经复议直接起诉',
  litigationAfterReview: '行政诉讼·复议后起诉',
};

export const TABLE4_COLUMN_LABELS: Record<Table4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export const SECTION_TITLES: Record<SectionId, string> = {
  一: '一、总体情况',
  二: '二、主动公开政府信息情况',
  三: '三、收到和处理政府信息公开申请情况',
  四: '四、政府信息公开行政复议、行政诉讼情况',
  五: '五、存在的主要问题及改进情况',
  六: '六、其他需要报告的事项',
};

export const TABLE_TITLES = {
  table2: '表二 主动公开政府信息情况',
  table3: '表三 收到和处理政府信息公开申请情况',
  table4: '表四 政府信息公开行政复议、行政诉讼情况',
} as const;

/** Short Chinese description of a row label for messages, e.g. “（一）予以公开”. */
export function table3RowShortLabel(row: Table3Row): string {
  const label = TABLE3_ROW_LABELS[row];
  const group = row.includes('.') ? TABLE3_GROUP_LABELS[row.split('.')[0] as Table3Group] : '';
  const short = label.length > 22 ? `${label.slice(0, 20)}…` : label;
  return group ? `${group}${short}` : short;
}

/** A table-3 row (or collapsed group) as a reviewer reads it, e.g. “（一）予以公开”. */
export function table3RowName(row: string): string {
  if ((TABLE3_GROUPS as readonly string[]).includes(row)) return TABLE3_GROUP_LABELS[row as Table3Group];
  if ((TABLE3_ROWS as readonly string[]).includes(row)) return table3RowShortLabel(row as Table3Row);
  return row;
}

export function table3ColumnName(column: string): string {
  return TABLE3_COLUMN_LABELS[column as Table3Column] ?? column;
}

/** A row of a table as a reviewer reads it: a table-2 item, a table-3 row or group. */
export function rowName(table: string, row: string): string {
  return table === 'table2' ? (TABLE2_ITEM_LABELS[row as Table2Item] ?? row) : table3RowName(row);
}

/** A column of a table as a reviewer reads it. */
export function columnName(table: string, column: string): string {
  if (table === 'table2') return TABLE2_COLUMN_LABELS[column as Table2DocumentColumn] ?? column;
  if (table === 'table3') return table3ColumnName(column);
  return TABLE4_COLUMN_LABELS[column as Table4Column] ?? column;
}

/** “（一）予以公开/自然人”, “行政复议/总计”, “行政规范性文件/本年制发件数”, “行政处罚”. */
export function cellName(id: CellId): string {
  const parts = id.split('.');
  const head = parts[0];
  if (head === 'table2') return parts.length === 3 ? `${rowName('table2', parts[1])}/${columnName('table2', parts[2])}` : rowName('table2', parts[1]);
  if (head === 'table3' || head === 'table3Groups') return `${table3RowName(parts.slice(1, -1).join('.'))}/${table3ColumnName(parts[parts.length - 1])}`;
  return `${TABLE4_GROUP_LABELS[parts[1] as Table4Group] ?? parts[1]}/${columnName('table4', parts[2])}`;
}
