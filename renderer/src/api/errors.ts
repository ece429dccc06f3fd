import { apiErrorSchema } from '../../../shared/api/contract';

/** An error from the main side (with its Chinese message) or from the transport itself. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** Reads `{code, message}` or `{error: {code, message}}`; null when the value is neither. */
export function toApiError(value: unknown): ApiCallError | null {
  const direct = apiErrorSchema.safeParse(value);
  if (direct.success) return new ApiCallError(direct.data.code, direct.data.message);
  if (value && typeof value === 'object' && 'error' in value) {
    const nested = apiErrorSchema.safeParse((value as { error: unknown }).error);
    if (nested.success) return new ApiCallError(nested.data.code, nested.data.message);
  }
  return null;
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiCallError) return error.message;
  if (error instanceof Error) return error.message || '未知错误';
  return String(error);
}
