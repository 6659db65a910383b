import type { FastifyError, FastifyInstance } from 'fastify';
import { createRequire } from 'node:module';
import { AppError, errorBody, type ErrorDetail } from './errors.js';

// ajv-i18n is CommonJS with a default-export typing that NodeNext cannot see through.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (errors: unknown[]) => void;

type AjvError = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

/** Ajv's own messages in English, and the same errors through ajv-i18n in Chinese. */
function validationDetails(context: string, errors: AjvError[]): ErrorDetail[] {
  const zh = errors.map((e) => ({ ...e }));
  localizeZh(zh as never);
  return errors.map((e, i) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    return {
      path: `/${context}${e.instancePath}${missing}${extra}`,
      message: `${zh[i].message ?? '无效'}（${e.message ?? 'invalid'}）`,
    };
  });
}

/** The one place where failures become responses: one shape, no stack traces. */
export function installErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: AjvError[]; validationContext?: string }, request, reply) => {
    let e: AppError;
    if (err instanceof AppError) {
      e = err;
    } else if (err.validation) {
      e = new AppError(422, 'validation_failed', { zh: '输入有误', en: 'Invalid input' },
        validationDetails(err.validationContext ?? 'body', err.validation));
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      e = new AppError(413, 'payload_too_large', { zh: '请求体过大', en: 'Request body too large' });
    } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (err.statusCode === 400 && err instanceof SyntaxError)) {
      e = new AppError(400, 'malformed_json', { zh: 'JSON 格式错误', en: 'Malformed JSON' });
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      e = new AppError(415, 'unsupported_media_type', { zh: '不支持的内容类型', en: 'Unsupported media type' });
    } else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      e = new AppError(400, 'malformed_json', { zh: '请求体为空', en: 'Empty JSON body' });
    } else if (err.statusCode === 429) {
      e = new AppError(429, 'too_many_requests', { zh: '请求过于频繁，请稍后再试', en: 'Too many requests, try again later' });
    } else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      e = new AppError(err.statusCode, 'bad_request', { zh: '请求无效', en: err.message || 'Bad request' });
    } else {
      request.log.error({ err }, 'unhandled error');
      e = new AppError(500, 'internal_error', { zh: '服务器内部错误', en: 'Internal server error' });
    }
    for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
    return reply.status(e.status).send(errorBody(e));
  });

  app.setNotFoundHandler((request, reply) => {
    const e = new AppError(404, 'not_found', { zh: '接口不存在', en: `No route ${request.method} ${request.url.split('?')[0]}` });
    return reply.status(404).send(errorBody(e));
  });
}
