/** The browser transport: the loopback HTTP bridge (`npm run serve`), authorised by the page's token. */
import type { ApiMethod, ApiRequest, ApiResponse, ReviewApi } from '../../../shared/api/contract';
import { ApiCallError, toApiError } from './errors';
import { validRequest, validResponse } from './validate';

export const TOKEN_HEADER = 'X-Nianbao-Token';
const TOKEN_STORAGE_KEY = 'nianbao.token';

/** The token from the URL's `token` parameter, remembered for the tab's session (reloads, #/ routes). */
export function resolveToken(search: string, storage: Pick<Storage, 'getItem' | 'setItem'> | null): string {
  const fromUrl = new URLSearchParams(search).get('token');
  if (fromUrl) {
    storage?.setItem(TOKEN_STORAGE_KEY, fromUrl);
    return fromUrl;
  }
  return storage?.getItem(TOKEN_STORAGE_KEY) ?? '';
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

export function createHttpApi(token: string, fetchImpl: typeof fetch = (...args) => fetch(...args)): ReviewApi {
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      const body = JSON.stringify(validRequest(method, request));
      let response: Response;
      try {
        response = await fetchImpl(`/api/${method}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
          body,
        });
      } catch {
        throw new ApiCallError('NETWORK', '无法连接本机审核服务，请确认 serve 仍在运行');
      }
      const answer = await readJson(response);
      if (!response.ok) throw toApiError(answer) ?? new ApiCallError(`HTTP_${response.status}`, `请求失败（HTTP ${response.status}）`);
      return validResponse(method, answer);
    },
    documentUrl: (id) => `/document/${encodeURIComponent(id)}?token=${encodeURIComponent(token)}`,
    downloadUrl: (route) => `${route}?token=${encodeURIComponent(token)}`,
  };
}
