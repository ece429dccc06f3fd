import type { Rule } from './rule';
import type { LayoutNoteKind } from '../model/review-document';
import { TABLE_TITLES } from '../model/labels';
import { quoted } from './quote';

const KIND_TEXT: Record<LayoutNoteKind, string> = {
  extraColumn: '多出格式中没有的列',
  subtotalRow: '多出格式中没有的小计行',
  reorderedColumns: '列的顺序与格式不同',
  extraRow: '多出格式中没有的行',
};

export const tableLayout: Rule = {
  id: 'TABLE-LAYOUT',
  severity: 'warning',
  title: '表格结构与格式不符',
  description:
    '表格中出现格式没有的行或列（如“法人或其他组织”小计列、（三）至（六）的小计行），或列的顺序被调换。表二拆成几张小表是允许的。',
  source: '年度报告格式（国办公开办函〔2021〕30号）表格样式',
  check({ doc }) {
    return doc.layoutNotes.map((note) => ({
      table: note.table,
      ...(note.row ? { row: note.row } : {}),
      ...(note.column ? { column: note.column } : {}),
      text: note.text,
      message: `${TABLE_TITLES[note.table]}${KIND_TEXT[note.kind]}：“${quoted(note.text)}”`,
    }));
  },
};
