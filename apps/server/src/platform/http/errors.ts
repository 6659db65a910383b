/**
 * Errors are values: a code, an HTTP status, a message in Chinese with English beside it,
 * and details that point at the field. They are thrown at the edge of a use case and
 * rendered in one place (error-handler.ts).
 */
export interface ErrorDetail {
  path: string;
  message: string;
}

export interface Bilingual {
  zh: string;
  en: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Bilingual,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(`${text.zh}（${text.en}）`);
    this.name = 'AppError';
  }
}

export const bilingual = (t: Bilingual) => `${t.zh}（${t.en}）`;

export const badRequest = (zh: string, en: string, details: ErrorDetail[] = []) =>
  new AppError(400, 'bad_request', { zh, en }, details);
export const unauthorized = (zh = '请先登录', en = 'Authentication required') =>
  new AppError(401, 'unauthorized', { zh, en });
export const forbidden = (zh = '无权执行此操作', en = 'You are not allowed to do this') =>
  new AppError(403, 'forbidden', { zh, en });
export const notFound = (zh = '未找到', en = 'Not found') => new AppError(404, 'not_found', { zh, en });
export const conflict = (zh: string, en: string, details: ErrorDetail[] = []) =>
  new AppError(409, 'conflict', { zh, en }, details);
export const invalid = (details: ErrorDetail[], zh = '输入有误', en = 'Invalid input') =>
  new AppError(422, 'validation_failed', { zh, en }, details);
export const tooMany = (zh: string, en: string, retryAfterSeconds?: number) =>
  new AppError(429, 'too_many_requests', { zh, en }, [], retryAfterSeconds ? { 'retry-after': String(retryAfterSeconds) } : {});

export interface ErrorBody {
  error: { code: string; message: string; details: ErrorDetail[] };
}

export const errorBody = (e: AppError): ErrorBody => ({
  error: { code: e.code, message: bilingual(e.text), details: e.details },
});
