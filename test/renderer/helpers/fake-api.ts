/**
 * A small in-memory ReviewApi for renderer tests: one real document (read and checked with the shared engine),
 * annotations kept in memory, corrections re-run through the rules like the main side does.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { API, type ApiMethod, type ApiRequest, type ApiResponse, type DocumentReview, type ReviewApi } from '../../../shared/api/contract';
import { checkReviewDocument, reviewContent } from '../../../shared/engine/check';
import { emptyAnnotations, findingKey, type Annotations } from '../../../shared/model/annotations';
import { readDocx } from '../../../shared/read/docx';

export const D19_PATH = resolve(__dirname, '../../fixtures/corpus/d19_docx.docx');

export interface FakeApi extends ReviewApi {
  calls: { method: ApiMethod; request: unknown }[];
  saved: Annotations[];
}

function reviewFor(path: string, annotations: Annotations): DocumentReview {
  const base = reviewContent(readDocx(new Uint8Array(readFileSync(path))));
  const corrections = Object.fromEntries(Object.entries(annotations.corrections).map(([id, c]) => [id, c.value]));
  const { doc, findings } = checkReviewDocument(base, { corrections });
  const counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return {
    summary: {
      id: 'd19', path, name: 'd19_docx.docx', fileType: 'docx', status: 'checked', organ: doc.report.organ, year: doc.report.year,
      counts, error: null, reviewState: 'unreviewed', verdict: annotations.verdict.value,
    },
    report: doc.report,
    findings: findings.map((finding) => ({ ...finding, key: findingKey(finding) })),
    cells: doc.cells,
    sections: [],
    annotations,
    annotationsInfo: { path: `${path}.review.json`, fallback: false, warning: null, message: null },
    sha256: 'a'.repeat(64),
    previousFile: null,
  };
}

export function createFakeApi(path = D19_PATH): FakeApi {
  let annotations = emptyAnnotations('d19_docx.docx', 'a'.repeat(64));
  const calls: FakeApi['calls'] = [];
  const saved: Annotations[] = [];
  const handlers: { [M in ApiMethod]?: (request: ApiRequest<M>) => unknown } = {
    listSession: () => ({ documents: [reviewFor(path, annotations).summary] }),
    getReview: () => reviewFor(path, annotations),
    getOriginal: () => ({ kind: 'none', message: '测试中不显示原文' }),
    recentFiles: () => ({ files: [] }),
    saveAnnotations: (request) => {
      annotations = (request as ApiRequest<'saveAnnotations'>).annotations;
      saved.push(annotations);
      return reviewFor(path, annotations);
    },
  };
  return {
    calls,
    saved,
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      calls.push({ method, request });
      const handler = handlers[method] as ((request: ApiRequest<M>) => unknown) | undefined;
      if (!handler) throw new Error(`fake api: ${method} not implemented`);
      return API[method].response.parse(handler(API[method].request.parse(request) as ApiRequest<M>)) as ApiResponse<M>;
    },
    documentUrl: (id) => `/document/${id}`,
  };
}
