import {
  TABLE3_COLUMNS,
  TABLE3_GROUPS,
  table3CellId,
  table3GroupCellId,
  table3GroupRows,
  type Table3Group,
  type Table3Row,
} from '../../../shared/model/ids';
import { TABLE3_COLUMN_LABELS, TABLE3_GROUP_LABELS, TABLE3_ROW_LABELS, TABLE_TITLES } from '../../../shared/model/labels';
import { GridCell } from './GridCell';
import { useGridMarks } from './grid-context';

const LEGAL_PERSON_COLUMNS = TABLE3_COLUMNS.slice(1, 6);

function ValueCells({ cellId }: { cellId: (column: (typeof TABLE3_COLUMNS)[number]) => string }) {
  return (
    <>
      {TABLE3_COLUMNS.map((column) => (
        <GridCell key={column} id={cellId(column)} />
      ))}
    </>
  );
}

function RowCells({ row }: { row: Table3Row }) {
  return <ValueCells cellId={(column) => table3CellId(row, column)} />;
}

function Header() {
  return (
    <thead>
      <tr>
        <th className="grid-head grid-note" colSpan={3} rowSpan={3}>
          （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）
        </th>
        <th className="grid-head" colSpan={7}>申请人情况</th>
      </tr>
      <tr>
        <th className="grid-head" rowSpan={2}>{TABLE3_COLUMN_LABELS.naturalPerson}</th>
        <th className="grid-head" colSpan={5}>法人或其他组织</th>
        <th className="grid-head" rowSpan={2}>{TABLE3_COLUMN_LABELS.total}</th>
      </tr>
      <tr>
        {LEGAL_PERSON_COLUMNS.map((column) => (
          <th key={column} className="grid-head grid-narrow-head">{TABLE3_COLUMN_LABELS[column]}</th>
        ))}
      </tr>
    </thead>
  );
}

/** A group (三)–(六): its label spans its rows; a group the document reports as one row gets that row first. */
function GroupRows({ group, collapsed }: { group: Table3Group; collapsed: boolean }) {
  const rows = table3GroupRows(group);
  const span = rows.length + (collapsed ? 1 : 0);
  const [number, name] = TABLE3_GROUP_LABELS[group].split('）');
  const label = (
    <th className="grid-label grid-group" rowSpan={span}>
      {number}）<br />{name}
    </th>
  );
  return (
    <>
      {collapsed && (
        <tr className="grid-group-total">
          {label}
          <th className="grid-label">（合并填报）</th>
          <ValueCells cellId={(column) => table3GroupCellId(group, column)} />
        </tr>
      )}
      {rows.map((row, index) => (
        <tr key={row}>
          {!collapsed && index === 0 && label}
          <th className="grid-label">{TABLE3_ROW_LABELS[row]}</th>
          <RowCells row={row} />
        </tr>
      ))}
    </>
  );
}

function hasGroupCells(cells: Record<string, unknown>, group: Table3Group): boolean {
  return TABLE3_COLUMNS.some((column) => cells[table3GroupCellId(group, column)]);
}

/** Rows from （一） to （七）: all under the merged “三、本年度办理结果” label. */
function ResultRows() {
  const { cells } = useGridMarks();
  const collapsed = TABLE3_GROUPS.filter((group) => hasGroupCells(cells, group));
  const resultRowCount = 22 + collapsed.length; // （一）…（六）3. and （七）总计
  return (
    <>
      <tr>
        <th className="grid-label grid-vertical" rowSpan={resultRowCount}>三、本年度办理结果</th>
        <th className="grid-label" colSpan={2}>{TABLE3_ROW_LABELS.granted}</th>
        <RowCells row="granted" />
      </tr>
      <tr>
        <th className="grid-label" colSpan={2}>{TABLE3_ROW_LABELS.partiallyGranted}</th>
        <RowCells row="partiallyGranted" />
      </tr>
      {TABLE3_GROUPS.map((group) => (
        <GroupRows key={group} group={group} collapsed={collapsed.includes(group)} />
      ))}
      <tr className="grid-total-row">
        <th className="grid-label" colSpan={2}>{TABLE3_ROW_LABELS.resultTotal}</th>
        <RowCells row="resultTotal" />
      </tr>
    </>
  );
}

function FullWidthRow({ row }: { row: Table3Row }) {
  return (
    <tr>
      <th className="grid-label" colSpan={3}>{TABLE3_ROW_LABELS[row]}</th>
      <RowCells row={row} />
    </tr>
  );
}

export function Table3Grid() {
  return (
    <table className="grid grid-table3" data-table="table3">
      <caption>{TABLE_TITLES.table3}</caption>
      <colgroup>
        <col className="col-vertical" />
        <col className="col-group" />
        <col className="col-item" />
        <col span={7} className="col-value3" />
      </colgroup>
      <Header />
      <tbody>
        <FullWidthRow row="newReceived" />
        <FullWidthRow row="carriedOver" />
        <ResultRows />
        <FullWidthRow row="carriedForward" />
      </tbody>
    </table>
  );
}
