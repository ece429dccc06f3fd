import { TABLE4_COLUMNS, TABLE4_GROUPS, table4CellId } from '../../../shared/model/ids';
import { TABLE4_COLUMN_LABELS, TABLE_TITLES } from '../../../shared/model/labels';
import { GridCell } from './GridCell';

const LITIGATION_HEADS = ['未经复议直接起诉', '复议后起诉'];
const LITIGATION_GROUPS = TABLE4_GROUPS.slice(1);

export function Table4Grid() {
  return (
    <table className="grid grid-table4" data-table="table4">
      <caption>{TABLE_TITLES.table4}</caption>
      <thead>
        <tr>
          <th className="grid-head" colSpan={5}>行政复议</th>
          <th className="grid-head" colSpan={10}>行政诉讼</th>
        </tr>
        <tr>
          {TABLE4_COLUMNS.map((column) => (
            <th key={column} className="grid-head grid-narrow-head" rowSpan={2}>{TABLE4_COLUMN_LABELS[column]}</th>
          ))}
          {LITIGATION_HEADS.map((head) => (
            <th key={head} className="grid-head" colSpan={5}>{head}</th>
          ))}
        </tr>
        <tr>
          {LITIGATION_GROUPS.flatMap((group) =>
            TABLE4_COLUMNS.map((column) => (
              <th key={`${group}.${column}`} className="grid-head grid-narrow-head">{TABLE4_COLUMN_LABELS[column]}</th>
            )),
          )}
        </tr>
      </thead>
      <tbody>
        <tr>
          {TABLE4_GROUPS.flatMap((group) => TABLE4_COLUMNS.map((column) => <GridCell key={`${group}.${column}`} id={table4CellId(group, column)} />))}
        </tr>
      </tbody>
    </table>
  );
}
