/**
 * Table 2 (主动公开政府信息情况): one table, or two or four small ones, each block a caption row
 * (第二十条第（N）项), a header row (信息内容 | 本年制发件数 …) and item rows.
 */
import type { GridCell } from '../model/grid';
import {
  TABLE2_DOCUMENT_COLUMNS,
  TABLE2_DOCUMENT_ITEMS,
  TABLE2_ITEMS,
  table2CellId,
  type CellId,
  type Table2DocumentColumn,
  type Table2Item,
} from '../model/ids';
import { TABLE2_COLUMN_LABELS, TABLE2_ITEM_LABELS } from '../model/labels';
import type { LabelReading } from '../model/review-document';
import { compactText } from '../text/normalize';
import type { CellSlot } from './cell-slot';
import { GridView } from './grid-view';
import { columnsByPlace, compareLabel, isOneOff, labelCore } from './label-match';

type HeaderKind = Table2DocumentColumn | 'decisions' | 'amount' | 'content' | 'old' | 'oldIssued';

export interface Table2Mapping {
  slots: Record<CellId, CellSlot>;
  labels: LabelReading[];
  oldFormatMarkers: { marker: string; cell: GridCell }[];
  /** Item rows found (a missing one is MISSING-ROW). */
  itemsFound: Table2Item[];
}

const ITEM_PATTERNS: { id: Table2Item; pattern: RegExp }[] = [
  { id: 'regulations', pattern: /^规章$/ },
  { id: 'normativeDocuments', pattern: /规范性文件$/ },
  { id: 'licensing', pattern: /^行政许可$/ },
  { id: 'punishment', pattern: /^行政处罚$/ },
  { id: 'coercion', pattern: /^行政强制$/ },
  { id: 'fees', pattern: /事业性收费$/ },
];

const OLD_ITEM_MARKERS = /其他对外管理服务事项|政府集中采购/;
const OLD_CAPTION_MARKER = /第二十条第\(?九\)?项/;

const ITEM_VARIANTS: Partial<Record<Table2Item, string[]>> = { normativeDocuments: ['规范性文件'] };

function matchHeader(text: string): HeaderKind | null {
  const core = labelCore(text);
  if (!core) return null;
  if (/^信息内容$/.test(core)) return 'content';
  if (/制发/.test(core)) return 'issued';
  if (/止件数|废止/.test(core)) return 'repealed';
  if (/现行有效/.test(core)) return 'inForce';
  if (/处理决定数量|处理决定数/.test(core)) return 'decisions';
  if (/收费金额/.test(core)) return 'amount';
  if (/本年新制作数量/.test(core)) return 'oldIssued';
  if (/本年新公开数量|对外公开总数量|上一年项目数量|本年增减|采购项目数量|采购总金额/.test(core)) return 'old';
  return null;
}

function matchItem(text: string): Table2Item | null {
  const core = labelCore(text);
  const matched = ITEM_PATTERNS.find(({ pattern }) => pattern.test(core))?.id;
  if (matched) return matched;
  const near = TABLE2_ITEMS.filter((item) => [TABLE2_ITEM_LABELS[item], ...(ITEM_VARIANTS[item] ?? [])].some((label) => isOneOff(text, label)));
  return near.length === 1 ? near[0] : null;
}

export function mapTable2(views: GridView[]): Table2Mapping {
  const mapping: Table2Mapping = { slots: {}, labels: [], oldFormatMarkers: [], itemsFound: [] };
  for (const view of views) {
    let header = new Map<number, HeaderKind>();
    for (let r = 0; r < view.rowCount; r++) {
      const cells = view.cellsInRow(r).filter((cell) => cell.row === r);
      const caption = cells.find((cell) => /第二十条/.test(compactText(cell.text)));
      if (caption) {
        if (OLD_CAPTION_MARKER.test(compactText(caption.text))) mapping.oldFormatMarkers.push({ marker: compactText(caption.text), cell: caption });
        continue;
      }
      const headerCells = cells.filter((cell) => matchHeader(cell.text) !== null);
      if (headerCells.length > 0 && !cells.some((cell) => matchItem(cell.text))) {
        header = readHeaderRow(cells, mapping);
        continue;
      }
      readItemRow(view, r, header, mapping);
    }
  }
  for (const item of TABLE2_ITEMS) {
    if (mapping.itemsFound.includes(item)) continue;
    for (const id of cellIdsOf(item)) mapping.slots[id] = { status: 'missing' };
  }
  return mapping;
}

function cellIdsOf(item: Table2Item): CellId[] {
  return (TABLE2_DOCUMENT_ITEMS as readonly string[]).includes(item)
    ? TABLE2_DOCUMENT_COLUMNS.map((column) => table2CellId(item, column))
    : [table2CellId(item)];
}

function readHeaderRow(cells: GridCell[], mapping: Table2Mapping): Map<number, HeaderKind> {
  const header = new Map<number, HeaderKind>();
  const kinds = headerKinds(cells);
  for (const [i, cell] of cells.entries()) {
    const kind = kinds[i];
    if (!kind) continue;
    for (let c = cell.col; c < cell.col + cell.colSpan; c++) header.set(c, kind);
    if (kind === 'old' || kind === 'oldIssued') mapping.oldFormatMarkers.push({ marker: compactText(cell.text), cell });
    else if (kind !== 'content') mapping.labels.push(headerLabel(cell, kind));
  }
  return header;
}

/**
 * Each header cell's kind. A document block's header (信息内容 and three columns) whose column label names
 * nothing known (a typo, a glyph the PDF gives wrong) takes the column of its place, when the labels that are
 * known stand in their places.
 */
function headerKinds(cells: GridCell[]): (HeaderKind | null)[] {
  const kinds = cells.map((cell) => matchHeader(cell.text));
  if (kinds[0] !== 'content') return kinds;
  const columns = cells.map((_, i) => i).filter((i) => kinds[i] !== 'content' && compactText(cells[i].text) !== '');
  const placed = columnsByPlace(columns.map((i) => kinds[i]), TABLE2_DOCUMENT_COLUMNS);
  columns.forEach((i, k) => (kinds[i] = placed?.[k] ?? kinds[i]));
  return kinds;
}

function headerLabel(cell: GridCell, kind: Table2DocumentColumn | 'decisions' | 'amount'): LabelReading {
  const official = kind === 'decisions' ? '本年处理决定数量' : kind === 'amount' ? '本年收费金额（单位：万元）' : TABLE2_COLUMN_LABELS[kind];
  const variants = kind === 'amount' ? ['本年收费金额（万元）', '本年收费金额'] : kind === 'decisions' ? ['处理决定数量'] : [];
  return { table: 'table2', kind: 'column', id: kind, expected: official, actual: compactText(cell.text), status: compareLabel(cell.text, official, variants), source: cell.source };
}

function readItemRow(view: GridView, r: number, header: Map<number, HeaderKind>, mapping: Table2Mapping): void {
  const cells = view.cellsInRow(r);
  const labelCell = cells.find((cell) => compactText(cell.text) !== '');
  if (!labelCell) return;
  if (OLD_ITEM_MARKERS.test(compactText(labelCell.text))) {
    mapping.oldFormatMarkers.push({ marker: compactText(labelCell.text), cell: labelCell });
    return;
  }
  const item = matchItem(labelCell.text);
  if (!item || mapping.itemsFound.includes(item)) return;
  mapping.itemsFound.push(item);
  mapping.labels.push({
    table: 'table2',
    kind: 'row',
    id: item,
    expected: TABLE2_ITEM_LABELS[item],
    actual: compactText(labelCell.text),
    status: compareLabel(labelCell.text, TABLE2_ITEM_LABELS[item], ITEM_VARIANTS[item]),
    source: labelCell.source,
  });
  const valueCells = cells.filter((cell) => cell.col > labelCell.col && cell.row === r);
  if ((TABLE2_DOCUMENT_ITEMS as readonly string[]).includes(item)) readDocumentItem(item, valueCells, header, mapping);
  else readSingleItem(item, valueCells, header, mapping);
}

function readDocumentItem(item: Table2Item, values: GridCell[], header: Map<number, HeaderKind>, mapping: Table2Mapping): void {
  const isOld = [...header.values()].some((kind) => kind === 'oldIssued' || kind === 'old');
  TABLE2_DOCUMENT_COLUMNS.forEach((column, i) => {
    const id = table2CellId(item, column);
    if (isOld) {
      const cell = column === 'issued' ? cellUnder(values, header, 'oldIssued') : undefined;
      mapping.slots[id] = cell ? { cell } : { status: column === 'issued' ? 'unreadable' : 'notInFormat' };
      return;
    }
    const cell = header.size > 0 ? cellUnder(values, header, column) : values[i];
    mapping.slots[id] = cell ? { cell } : { status: 'unreadable' };
  });
}

function readSingleItem(item: Table2Item, values: GridCell[], header: Map<number, HeaderKind>, mapping: Table2Mapping): void {
  const id = table2CellId(item);
  const wanted: HeaderKind = item === 'fees' ? 'amount' : 'decisions';
  const hasOldHeader = [...header.values()].some((kind) => kind === 'old');
  let cell = cellUnder(values, header, wanted);
  if (!cell && !hasOldHeader && values.length === 1) cell = values[0];
  if (cell) mapping.slots[id] = { cell };
  else mapping.slots[id] = { status: hasOldHeader && !cellUnder(values, header, wanted) ? 'notInFormat' : 'unreadable' };
}

/** The value cell of a row that sits under the header column of the given kind. */
function cellUnder(values: GridCell[], header: Map<number, HeaderKind>, kind: HeaderKind): GridCell | undefined {
  const columns = [...header.entries()].filter(([, k]) => k === kind).map(([c]) => c);
  if (columns.length === 0) return undefined;
  return values.find((cell) => columns.some((c) => c >= cell.col && c < cell.col + cell.colSpan));
}
