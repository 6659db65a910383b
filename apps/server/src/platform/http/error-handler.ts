import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createRequire } from 'node:module';
import { AppError, errorBody, type ErrorDetail } from './errors.js';

// ajv-i18n is CommonJS with a default-export typing that NodeNext cannot see through.
const localizeZh = createRequire(import.meta.url)('ajv-i18n/localize/zh') as (errors: unknown[]) => void;

type AjvError = { instancePath: string; schemaPath: string; message?: string; keyword: string; params: Record<string, unknown> };
type Item = { e: AjvError; zh: string; en: string };

const isNullBranch = (x: Item) => x.e.keyword === 'type' && x.e.params.type === 'null';
const isValueBranch = (x: Item) => x.e.keyword === 'const' || x.e.keyword === 'enum' || isNullBranch(x);
const allowedValues = (x: Item): unknown[] =>
  x.e.keyword === 'const' ? [x.e.params.allowedValue] : x.e.keyword === 'enum' ? (x.e.params.allowedValues as unknown[]) : [null];

/**
 * Ajv reports a failed union (anyOf) as one error per branch plus one for the union: a role
 * outside the list gives ten "must be equal to constant", a malformed nullable string gives
 * "must match pattern", "must be null" and "must match a schema in anyOf". A person needs one
 * line per field: a union of values becomes "must be one of …", and otherwise the branches
 * that say something (not the `null` of a nullable field) stand for the union. Innermost first.
 */
function collapseUnions(items: Item[]): Item[] {
  const unions = items.filter((x) => x.e.keyword === 'anyOf').sort((a, b) => b.e.schemaPath.length - a.e.schemaPath.length);
  for (const union of unions) {
    const prefix = `${union.e.schemaPath}/`;
    const branches = items.filter((x) => x !== union && x.e.schemaPath.startsWith(prefix) && x.e.instancePath.startsWith(union.e.instancePath));
    let replacement: Item[];
    if (branches.length > 0 && branches.every((b) => isValueBranch(b) && b.e.instancePath === union.e.instancePath)) {
      const values = branches.flatMap(allowedValues);
      const list = values.map((v) => JSON.stringify(v)).join(', ');
      replacement = [{ e: { ...union.e, keyword: 'enum', params: { allowedValues: values } }, zh: `应当是以下之一：${list}`, en: `must be one of: ${list}` }];
    } else {
      const meaningful = branches.filter((b) => !isNullBranch(b));
      replacement = meaningful.length ? meaningful : [union];
    }
    const at = items.indexOf(union);
    items = [...items.slice(0, at).filter((x) => !branches.includes(x)), ...replacement, ...items.slice(at + 1).filter((x) => !branches.includes(x))];
  }
  return items;
}

/** Ajv's own messages in English, and the same errors through ajv-i18n in Chinese. */
function validationDetails(context: string, errors: AjvError[]): ErrorDetail[] {
  const zh = errors.map((e) => ({ ...e }));
  localizeZh(zh as never);
  const items = collapseUnions(errors.map((e, i) => ({ e, zh: zh[i].message ?? '无效', en: e.message ?? 'invalid' })));
  return items.map(({ e, zh: zhMessage, en }) => {
    const missing = e.keyword === 'required' ? `/${String(e.params.missingProperty)}` : '';
    const extra = e.keyword === 'additionalProperties' ? `/${String(e.params.additionalProperty)}` : '';
    // Paths point into the input the way services name fields ('/username'); only query and
    // path parameters say which part of the request they are in.
    const part = context === 'body' ? '' : `/${context}`;
    return { path: `${part}${e.instancePath}${missing}${extra}`, message: `${zhMessage}（${en}）` };
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
      // Fastify's own client errors say what is wrong with the request; any other error that
      // carries a status may carry internals in its text, so only the status goes out.
      const own = typeof err.code === 'string' && err.code.startsWith('FST_');
      e = new AppError(err.statusCode, 'bad_request', { zh: '请求无效', en: (own && err.message) || 'Bad request' });
    } else if (err.code === '23503' || err.code === '23505') {
      // A backstop: services check what they refer to and what must be unique, so reaching here is a
      // race or a missed check. It is still the client's input, not a server fault; logged to be fixed.
      request.log.warn({ err }, 'constraint violation reached the error handler');
      e = err.code === '23503'
        ? new AppError(422, 'validation_failed', { zh: '引用的记录不存在', en: 'A referenced record does not exist' })
        : new AppError(409, 'conflict', { zh: '记录已存在', en: 'The record already exists' });
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

/**
 * Failures Fastify meets before routing (a URL that does not decode, a parameter over the
 * length limit) bypass the error handler and every hook. Pass this as Fastify's
 * `frameworkErrors` option so that they, too, answer in the one shape with a request id.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let e: AppError;
  if (err.code === 'FST_ERR_BAD_URL') e = new AppError(400, 'bad_url', { zh: '网址格式错误', en: 'Malformed URL' });
  else if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') e = new AppError(414, 'uri_too_long', { zh: '网址参数过长', en: 'URL parameter too long' });
  else e = new AppError(400, 'bad_request', { zh: '请求无效', en: 'Bad request' });
  reply.header('x-request-id', request.id);
  return reply.status(e.status).send(errorBody(e));
}
