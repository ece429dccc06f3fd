// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { sanitizeDocumentHtml } from '../../renderer/src/original/sanitize-html';
import { findWordCell, tagWordCells } from '../../renderer/src/original/word-cells';

function render(html: string): HTMLElement {
  const root = document.createElement('div');
  root.appendChild(sanitizeDocumentHtml(html));
  return root;
}

describe('sanitizing mammoth HTML', () => {
  it('removes scripts, event handlers, external links and non-data images', () => {
    const root = render(
      '<p onclick="alert(1)">正文<script>alert(2)</script></p><a href="https://evil.example/x">链接</a><a href="#fn1">注</a>' +
        '<img src="https://evil.example/a.png"><img src="data:image/png;base64,AAAA" onerror="x()"><iframe src="x"></iframe><style>p{}</style>',
    );
    expect(root.querySelector('script, iframe, style')).toBeNull();
    expect(root.innerHTML).not.toMatch(/onclick|onerror|evil\.example/);
    expect(root.querySelectorAll('img')).toHaveLength(1);
    expect(root.querySelector('a[href="#fn1"]')).not.toBeNull();
    expect(root.textContent).toContain('正文');
  });

  it('keeps table structure and spans', () => {
    const root = render('<table><tr><td colspan="2" style="x">a</td></tr><tr><td>b</td><td rowspan="2">c</td></tr></table>');
    const table = root.querySelector('table')!;
    expect(table.rows).toHaveLength(2);
    expect(table.rows[0].cells[0].colSpan).toBe(2);
    expect(table.rows[0].cells[0].hasAttribute('style')).toBe(false);
  });
});

describe('Word cells through cellMap', () => {
  // Row 1 of table 1 lost its first w:tc in mammoth (a vMerge continuation): cellMap says which tcs remain.
  const html = '<table><tr><td>x</td></tr></table><table><tr><td>标签</td><td>1</td></tr><tr><td>2</td><td>3</td></tr></table>';
  const cellMap = [[[0]], [[0, 1], [1, 2]]];

  it('finds the td at the position of the w:tc index', () => {
    const root = render(html);
    const tables = [...root.querySelectorAll('table')];
    expect(findWordCell(tables, cellMap, 1, 1, 2)?.textContent).toBe('3');
    expect(findWordCell(tables, cellMap, 1, 1, 0)).toBeNull();
  });

  it('tags the tds of canonical cells with their ids', () => {
    const root = render(html);
    const byCell = tagWordCells(root, cellMap, new Map([['1:1:1', 'table2.fees']]));
    expect(byCell.get('table2.fees')?.textContent).toBe('2');
    expect(root.querySelector('[data-cell-id="table2.fees"]')?.textContent).toBe('2');
  });
});
