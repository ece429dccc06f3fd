import { API, type ApiMethod, type ApiRequest, type ApiResponse } from '../../../shared/api/contract';
import { ApiCallError } from './errors';

export function validRequest<M extends ApiMethod>(method: M, request: ApiRequest<M>): ApiRequest<M> {
  const parsed = API[method].request.safeParse(request);
  if (!parsed.success) throw new ApiCallError('BAD_REQUEST', `请求参数无效（${method}）`);
  return parsed.data as ApiRequest<M>;
}

export function validResponse<M extends ApiMethod>(method: M, response: unknown): ApiResponse<M> {
  const parsed = API[method].response.safeParse(response);
  if (!parsed.success) {
    console.error(`invalid ${method} response`, parsed.error.issues.slice(0, 5));
    throw new ApiCallError('BAD_RESPONSE', `主程序返回的数据格式不符（${method}）`);
  }
  return parsed.data as ApiResponse<M>;
}
