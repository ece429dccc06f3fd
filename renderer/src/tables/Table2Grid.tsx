import { TABLE2_DOCUMENT_COLUMNS, TABLE2_DOCUMENT_ITEMS, table2CellId, type Table2SingleItem } from '../../../shared/model/ids';
import { TABLE2_COLUMN_LABELS, TABLE2_ITEM_LABELS, TABLE_TITLES } from '../../../shared/model/labels';
import { GridCell } from './GridCell';

/** The template's blocks: article item, value column header, items. */
const SINGLE_BLOCKS: { article: string; header: string; items: Table2SingleItem[] }[] = [
  { article: '第二十条第（五）项', header: '本年处理决定数量', items: ['licensing'] },
  { article: '第二十条第（六）项', header: '本年处理决定数量', items: ['punishment', 'coercion'] },
  { article: '第二十条第（八）项', header: '本年收费金额（单位：万元）', items: ['fees'] },
];

function BlockHeader({ article, columns }: { article: string; columns: string[] }) {
  return (
    <>
      <tr>
        <th colSpan={4} className="grid-article">{article}</th>
      </tr>
      <tr>
        <th className="grid-head">信息内容</th>
        {columns.map((label) => (
          <th key={label} className="grid-head" colSpan={columns.length === 1 ? 3 : 1}>{label}</th>
        ))}
      </tr>
    </>
  );
}

export function Table2Grid() {
  return (
    <table className="grid grid-table2" data-table="table2">
      <caption>{TABLE_TITLES.table2}</caption>
      <colgroup>
        <col className="col-label2" />
        <col span={3} className="col-value2" />
      </colgroup>
      <tbody>
        <BlockHeader article="第二十条第（一）项" columns={TABLE2_DOCUMENT_COLUMNS.map((column) => TABLE2_COLUMN_LABELS[column])} />
        {TABLE2_DOCUMENT_ITEMS.map((item) => (
          <tr key={item}>
            <th className="grid-label">{TABLE2_ITEM_LABELS[item]}</th>
            {TABLE2_DOCUMENT_COLUMNS.map((column) => <GridCell key={column} id={table2CellId(item, column)} />)}
          </tr>
        ))}
        {SINGLE_BLOCKS.map((block) => (
          <SingleBlock key={block.article} {...block} />
        ))}
      </tbody>
    </table>
  );
}

function SingleBlock({ article, header, items }: (typeof SINGLE_BLOCKS)[number]) {
  return (
    <>
      <BlockHeader article={article} columns={[header]} />
      {items.map((item) => (
        <tr key={item}>
          <th className="grid-label">{TABLE2_ITEM_LABELS[item]}</th>
          <GridCell id={table2CellId(item)} colSpan={3} />
        </tr>
      ))}
    </>
  );
}
