/** N/P in the review follow the dashboard's filter and sort, keeping the report under review in its place. */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../shared/api/contract';
import { EMPTY_VIEW, navigationList } from '../../renderer/src/dashboard/dashboard-model';

function doc(id: string, errors: number, reviewState: DocumentSummary['reviewState'] = 'unreviewed'): DocumentSummary {
  return {
    id, path: `/r/${id}.docx`, name: `${id}.docx`, fileType: 'docx', status: 'checked', organ: `机关${id}`, year: 2023,
    counts: { error: errors, warning: 0, info: 0 }, error: null, reviewState, verdict: null,
  };
}

const DOCS = [doc('a', 0), doc('b', 3), doc('c', 1), doc('d', 0), doc('e', 2, 'done')];
const ids = (list: DocumentSummary[]) => list.map((d) => d.id);

describe('navigationList', () => {
  it('is the session order without filter or sort', () => {
    expect(ids(navigationList(DOCS, EMPTY_VIEW, 'a'))).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('follows the filter and the sort', () => {
    const view = { ...EMPTY_VIEW, onlyErrors: true, sort: { key: 'error' as const, descending: true } };
    expect(ids(navigationList(DOCS, view, 'b'))).toEqual(['b', 'e', 'c']);
    const search = { ...EMPTY_VIEW, search: '机关c' };
    expect(ids(navigationList(DOCS, search, 'c'))).toEqual(['c']);
  });

  it('keeps the current report in its sorted place when it no longer matches the filter', () => {
    const view = { ...EMPTY_VIEW, onlyUnreviewed: true, sort: { key: 'error' as const, descending: true } };
    // e (2 errors) was just reviewed: still between b (3) and c (1), so N goes on to c and P back to b.
    expect(ids(navigationList(DOCS, view, 'e'))).toEqual(['b', 'e', 'c', 'a', 'd']);
    expect(ids(navigationList(DOCS, view, 'b'))).toEqual(['b', 'c', 'a', 'd']);
  });
});
