/** 关联报告: last year's report set by hand, and a government's subordinate organs' reports (HIERARCHY-SUM). */
import { useState } from 'react';
import type { DocumentReview, DocumentSummary } from '../../../shared/api/contract';
import { useApiClient } from '../app/api-context';
import { useSession } from '../app/session';
import { errorMessage } from '../api/errors';

const AUTOMATIC = '';

function labelOf(doc: DocumentSummary): string {
  return `${doc.organ ?? '未识别机关'} · ${doc.year ?? '年度不详'} · ${doc.name}`;
}

export function LinksPanel({ review, onChanged }: { review: DocumentReview; onChanged(): void }) {
  const { api } = useApiClient();
  const { documents, updateSummary } = useSession();
  const self = review.summary;
  const others = documents.filter((doc) => doc.id !== self.id && doc.status === 'checked');
  const [previous, setPrevious] = useState(AUTOMATIC);
  const [subordinates, setSubordinates] = useState<string[]>(self.subordinateIds ?? []);
  const [message, setMessage] = useState<string | null>(null);
  const apply = async (action: () => Promise<{ document: DocumentSummary }>, done: string) => {
    try {
      updateSummary((await action()).document);
      setMessage(done);
      onChanged();
    } catch (failure) {
      setMessage(errorMessage(failure));
    }
  };
  const isGovernment = self.organKind === 'government';
  const sameYear = isGovernment ? others.filter((doc) => doc.year === self.year) : [];
  const current = documents.find((doc) => doc.id === self.previousId);
  return (
    <div className="links-panel">
      <h3>上一年度报告</h3>
      <p className="muted small">当前：{current ? labelOf(current) : '无'}（用于核对上年结转等跨年度关系）</p>
      <div className="links-row">
        <select aria-label="上一年度报告" value={previous} onChange={(event) => setPrevious(event.target.value)}>
          <option value={AUTOMATIC}>自动配对（同一机关的上一年度）</option>
          {others.map((doc) => <option key={doc.id} value={doc.id}>{labelOf(doc)}</option>)}
        </select>
        <button type="button" className="btn-small" onClick={() => void apply(() => api.call('setPrevious', { id: self.id, previousId: previous || null }), '已更新上一年度报告并重新检查')}>应用</button>
      </div>
      <h3>下级机关报告（汇总核对）</h3>
      {!isGovernment && <p className="muted small">仅人民政府的汇总报告需要选择下级机关报告。</p>}
      {isGovernment && sameYear.length === 0 && <p className="muted small">已打开的报告中没有同一年度的其他报告。</p>}
      <ul className="links-list">
        {sameYear.map((doc) => (
          <li key={doc.id}>
            <label>
              <input type="checkbox" checked={subordinates.includes(doc.id)} onChange={(event) => setSubordinates((ids) => (event.target.checked ? [...ids, doc.id] : ids.filter((id) => id !== doc.id)))} />
              {labelOf(doc)}
            </label>
          </li>
        ))}
      </ul>
      {sameYear.length > 0 && (
        <button type="button" className="btn-small" onClick={() => void apply(() => api.call('setSubordinates', { id: self.id, subordinateIds: subordinates }), `已保存 ${subordinates.length} 份下级报告并重新检查`)}>保存下级报告</button>
      )}
      {message && <p className="links-message">{message}</p>}
    </div>
  );
}
