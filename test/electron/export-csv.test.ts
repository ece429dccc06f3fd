/**
 * CSV export of text from hostile documents: an organ named “=2+5某某局” (read from a signature line) was
 * written as is, and Excel runs a field starting with “=”, “+”, “-” or “@” as a formula when opening the file.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../electron/export/write-export';

describe('CSV fields', () => {
  it('write text that starts like a formula as text, numbers as numbers', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'nianbao-csv-')), 'out.csv');
    await writeCsv(path, {
      name: '汇总',
      headers: ['机关', '数值'],
      widths: [20, 8],
      rows: [
        ['=2+5某某局', -1],
        ['=HYPERLINK("http://example.invalid","点击")', 3],
        ['+1', 0],
        ['@SUM(A1)', null],
        ['-', 2.5],
        ['某某局', 7],
      ],
    });
    const lines = readFileSync(path, 'utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    expect(lines).toEqual([
      '机关,数值',
      "'=2+5某某局,-1",
      `"'=HYPERLINK(""http://example.invalid"",""点击"")",3`,
      "'+1,0",
      "'@SUM(A1),",
      "'-,2.5",
      '某某局,7',
    ]);
  });
});
