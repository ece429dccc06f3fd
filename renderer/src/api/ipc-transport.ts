/** The Electron transport: the preload's `window.nianbao.call`, validated on this side too. */
import type { ApiMethod, ApiRequest, ApiResponse, ReviewApi } from '../../../shared/api/contract';
import type { NianbaoBridge } from './bridge';
import { ApiCallError, toApiError } from './errors';
import { validRequest, validResponse } from './validate';

/** The preload may wrap results as `{ok: true, value}` / `{ok: false, error}`; a bare value is accepted too. */
function unwrap(result: unknown): unknown {
  if (result && typeof result === 'object' && 'ok' in result) {
    const envelope = result as { ok: boolean; value?: unknown; error?: unknown };
    if (envelope.ok) return envelope.value;
    throw toApiError(envelope.error) ?? new ApiCallError('INTERNAL', '主程序处理请求时出错');
  }
  return result;
}

/** Electron prefixes errors thrown in a handler with "Error invoking remote method …: Error: ". */
function cleanIpcError(error: unknown): ApiCallError {
  const known = toApiError(error);
  if (known) return known;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiCallError('IPC', message.replace(/^Error invoking remote method '[^']*': (\w*Error: )?/, ''));
}

export function createIpcApi(bridge: NianbaoBridge): ReviewApi {
  return {
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
      const valid = validRequest(method, request);
      let result: unknown;
      try {
        result = await bridge.call(method, valid);
      } catch (error) {
        throw cleanIpcError(error);
      }
      return validResponse(method, unwrap(result));
    },
    documentUrl: (id) => bridge.documentUrl(id),
  };
}
