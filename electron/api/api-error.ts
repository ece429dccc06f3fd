/** An error the main side reports to the renderer as {code, message}, with a Chinese message. */
import type { ApiError } from '../../shared/api/contract';

export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status the bridge answers with. */
    readonly status = 400,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }

  toJSON(): ApiError {
    return { code: this.code, message: this.message };
  }
}

export const documentNotFound = (): ApiFailure => new ApiFailure('NOT_FOUND', '找不到该文档：它不在当前打开的文件中，请重新打开', 404);
