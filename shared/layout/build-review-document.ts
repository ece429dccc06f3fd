/** From the intermediate form (DocumentContent) to the canonical report and everything the rules read. */
import type { Block, DocumentContent, GridCell, TableGrid } from '../model/grid';
import {
  TABLE3_COLUMNS,
  TABLE3_ROWS,
  TABLE_IDS,
  table3CellId,
  table3GroupCellId,
  type CellId,
  type SectionId,
  type Table3Group,
  type TableId,
} from '../model/ids';
import { emptyReport, type Report } from '../model/report';
import type { CellReading, ReviewDocument, TableReading } from '../model/review-document';
import { parseCellValue } from '../text/number';
import { compactText } from '../text/normalize';
import { assembleReport } from './assemble-report';
import type { CellSlot } from './cell-slot';
import { groupGrids } from './classify';
import { GridView } from './grid-view';
import { mapTable2 } from './map-table2';
import { mapTable3, type Table3Mapping } from './map-table3';
import { mapTable4 } from './map-table4';
import { analyseProse, organKindOf, type ProseAnalysis } from './prose';

const TABLE_SECTIONS: Record<TableId, SectionId> = { table2: '二', table3: '三', table4: '四' };

export function buildReviewDocument(content: DocumentContent): ReviewDocument {
  const grids = content.blocks.flatMap((block) => (block.type === 'table' ? [block.grid] : []));
  const grouped = groupGrids(grids);
  const views = (table: TableId) => grouped[table].map((grid) => new GridView(grid));
  const table2 = mapTable2(views('table2'));
  const table3 = mapTable3(views('table3'));
  const table4 = mapTable4(views('table4'));
  const prose = analyseProse(content.blocks);
  const tables = readTablePresence(content.blocks, grouped, prose);

  const slots: Record<CellId, CellSlot> = { ...table2.slots, ...table3Slots(table3), ...table4.slots };
  const cells = readCells(slots, tables);
  const strongMarkers = table2.oldFormatMarkers.map(({ marker, cell }) => ({ table: 'table2' as const, marker, source: cell.source }));
  const oldFormatMarkers: ReviewDocument['oldFormatMarkers'] = [...strongMarkers];
  if (strongMarkers.length > 0 && table3.collapsedOtherBeforeTotal) {
    oldFormatMarkers.push({ table: 'table3', marker: '（六）其他处理只有一行（2019年格式）' });
  }
  const organ = chooseOrgan(prose);
  const report: Report = assembleReport(emptyReport(), cells, {
    format: strongMarkers.length > 0 ? '2019' : tables.table3.status === 'found' || tables.table2.status === 'found' ? '2021' : null,
    organ,
    year: prose.titleYear ?? prose.statisticsPeriod?.fromYear ?? (prose.signature?.date ? Number(prose.signature.date.slice(0, 4)) - 1 : null),
    signedDate: prose.signature?.date ?? null,
  });

  return {
    report,
    sourceFormat: content.format,
    cells,
    labels: [...table2.labels, ...table3.labels, ...table4.labels],
    layoutNotes: table3.layoutNotes,
    oldFormatMarkers,
    tables,
    sections: prose.sections,
    paragraphs: prose.paragraphs,
    title: prose.title,
    signature: prose.signature ? { organ: prose.signature.organ, dateText: prose.signature.dateText, source: prose.signature.source } : null,
    organNames: { title: prose.titleOrgan, signature: prose.signature?.organ ?? null },
    statisticsPeriod: prose.statisticsPeriod,
    organKind: organKindOf(organ),
    ...noTextLayerOf(content),
  };
}

/** Pages without a text layer: all of them (a scan), some of them, or none. */
function noTextLayerOf(content: DocumentContent): Pick<ReviewDocument, 'noTextLayer'> {
  const pages = content.pagesWithoutText ?? [];
  if (pages.length === 0) return {};
  return { noTextLayer: { pages: pages.length === (content.pagesRead ?? content.pageCount) ? 'all' : pages } };
}

function table3Slots(mapping: Table3Mapping): Record<CellId, CellSlot> {
  const slots: Record<CellId, CellSlot> = {};
  for (const row of TABLE3_ROWS) {
    const printed = mapping.rows[row];
    for (const column of TABLE3_COLUMNS) {
      const cell = printed?.[column];
      slots[table3CellId(row, column)] = printed ? (cell ? { cell } : { status: 'unreadable' }) : { status: 'missing' };
    }
  }
  for (const [group, printed] of Object.entries(mapping.groups) as [Table3Group, Partial<Record<string, GridCell>>][]) {
    for (const column of TABLE3_COLUMNS) {
      const cell = printed[column];
      slots[table3GroupCellId(group, column)] = cell ? { cell } : { status: 'unreadable' };
    }
  }
  return slots;
}

function readCells(slots: Record<CellId, CellSlot>, tables: Record<TableId, TableReading>): Record<CellId, CellReading> {
  const cells: Record<CellId, CellReading> = {};
  for (const [id, slot] of Object.entries(slots)) {
    const table = id.startsWith('table2') ? 'table2' : id.startsWith('table4') ? 'table4' : 'table3';
    if (tables[table].status !== 'found') {
      cells[id] = { id, status: 'unreadable', value: null, raw: null };
    } else if ('cell' in slot) {
      cells[id] = readCell(id, slot.cell);
    } else {
      cells[id] = { id, status: slot.status, value: null, raw: null };
    }
  }
  return cells;
}

function readCell(id: CellId, cell: GridCell): CellReading {
  const parsed = parseCellValue(cell.text, { decimal: id === 'table2.fees' });
  const base = { id, raw: cell.text, source: cell.source, ...(cell.ocr ? { ocr: true } : {}) };
  if (parsed.kind === 'number') return { ...base, status: 'ok', value: parsed.value };
  return { ...base, status: parsed.kind, value: null };
}

function readTablePresence(blocks: Block[], grouped: Record<TableId, TableGrid[]>, prose: ProseAnalysis): Record<TableId, TableReading> {
  const presence = {} as Record<TableId, TableReading>;
  for (const table of TABLE_IDS) {
    const grids = grouped[table];
    if (grids.length > 0) {
      presence[table] = { status: 'found', grids: grids.map((grid) => grid.index) };
      continue;
    }
    const section = TABLE_SECTIONS[table];
    const pictures = blocks.filter(
      (block, i) =>
        prose.blockSections[i] === section &&
        (block.type === 'image' || (block.type === 'table' && block.grid.hasImage === true)),
    );
    const pages = [...new Set(pictures.flatMap((block) => (block.type === 'image' && block.source.kind === 'pdf' ? [block.source.page] : [])))];
    presence[table] = pictures.length === 0 ? { status: 'absent', grids: [] } : { status: 'image', grids: [], ...(pages.length > 0 ? { pages } : {}) };
  }
  return presence;
}

/**
 * The organ: the signature's name where there is one (it is the issuing organ, and titles often abbreviate),
 * unless the title's name is the longer form of the same name.
 */
function chooseOrgan(prose: ProseAnalysis): string | null {
  const fromTitle = prose.titleOrgan;
  const fromSignature = prose.signature?.organ ?? null;
  if (fromTitle && fromSignature) {
    return fromTitle.length > fromSignature.length && fromTitle.endsWith(compactText(fromSignature)) ? fromTitle : fromSignature;
  }
  return fromSignature ?? fromTitle;
}
