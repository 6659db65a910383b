import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { problem, problemTypeForStatus, type Problem, type ProblemTypeName } from '@cq-biomfg/epcis';
import { AppError } from '../../platform/http/errors.js';

export const PROBLEM_JSON = 'application/problem+json';

/**
 * A failure of the EPCIS interface, carrying the REST binding's problem document (RFC 9457). It is
 * an AppError, so that outside /epcis (a service called from the demo or the trace part) it still
 * reads as one of ours.
 */
export class EpcisProblemError extends AppError {
  constructor(readonly problem: Problem, headers: Record<string, string> = {}) {
    super(problem.status, problem.type.replace(/^epcisException:/, ''), { zh: problem.title.replace(/（.*$/, ''), en: problem.title.replace(/^.*（|）$/g, '') },
      (problem.errors ?? []).map((e) => ({ path: e.path, message: e.message })), headers);
  }
}

export const epcisProblem = (type: ProblemTypeName, detail?: string, errors?: { path: string; message: string }[], status?: number) =>
  new EpcisProblemError(problem(type, detail, errors, status));

export const queryParameterProblem = (path: string, zh: string, en: string) =>
  epcisProblem('QueryParameterException', `${zh}（${en}）`, [{ path, message: `${zh}（${en}）` }]);

export const noSuchResource = (zh: string, en: string) => epcisProblem('NoSuchNameException', `${zh}（${en}）`);

export function problemOf(e: AppError): Problem {
  if (e instanceof EpcisProblemError) return e.problem;
  return problem(problemTypeForStatus(e.status), `${e.text.zh}（${e.text.en}）`, e.details, e.status);
}

export function sendProblem(reply: FastifyReply, p: Problem) {
  return reply.status(p.status).header('content-type', PROBLEM_JSON).send(p);
}

/**
 * Inside the EPCIS plugin every failure — including the access gate's 401/403, thrown by the
 * global onRequest hook but handled by the route's own error handler — answers with a problem
 * document. Anything else is turned into an AppError by the platform's handler's rules first.
 */
export function installProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError & { validation?: unknown[] }, request, reply) => {
    let e: AppError;
    if (err instanceof AppError) e = err;
    else if (err.validation) e = new AppError(400, 'validation_failed', { zh: '请求参数有误', en: 'Invalid request' }, (err.validation as { instancePath: string; message?: string }[]).map((v) => ({ path: v.instancePath || '/', message: v.message ?? 'invalid' })));
    else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') e = new AppError(413, 'payload_too_large', { zh: '文档超过采集文件大小上限', en: 'The document exceeds the capture file size limit' });
    else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') e = new AppError(415, 'unsupported_media_type', { zh: '不支持的内容类型，请用 application/json 或 application/ld+json', en: 'Unsupported media type: use application/json or application/ld+json' });
    else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err instanceof SyntaxError) e = new AppError(400, 'malformed_json', { zh: 'JSON 格式错误', en: 'Malformed JSON' });
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) e = new AppError(err.statusCode, 'bad_request', { zh: '请求无效', en: 'Bad request' });
    else {
      request.log.error({ err }, 'unhandled error in the EPCIS interface');
      e = new AppError(500, 'internal_error', { zh: '服务器内部错误', en: 'Internal server error' });
    }
    for (const [k, v] of Object.entries(e.headers)) reply.header(k, v);
    return sendProblem(reply, problemOf(e));
  });
}

/** A route's path as the router matches it: a `:param` is one non-empty segment. */
const pathPattern = (url: string) => new RegExp(`^${url.split('/').map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('/')}$`);

/**
 * A request no route of the binding serves answers as the binding would, not with the platform's
 * `{"error"}` body: a path it serves with another method is 405 with `Allow` (the binding names no
 * type for 405; like 406 and 415 it is a limit of this implementation), any other path under the
 * plugin's prefix is the binding's 404ResourceNotFound. The methods come from the routes as they
 * are added, so call this before adding them; the plugin must have a prefix of its own, since the
 * platform's handler already holds '/'.
 */
export function installNotFoundHandler(app: FastifyInstance) {
  const served: { method: string; path: RegExp }[] = [];
  app.addHook('onRoute', (opts) => {
    for (const method of [opts.method].flat()) {
      // Fastify's automatic HEAD twins of GET routes are not announced, as in OPTIONS' Allow.
      if (method !== 'HEAD') served.push({ method, path: pathPattern(opts.url) });
    }
  });
  const notServed = (request: FastifyRequest) => {
    // The query string is left out of the answer: it may carry a token.
    const path = request.url.split('?')[0];
    const allow = [...new Set(served.filter((r) => r.path.test(path)).map((r) => r.method))];
    if (!allow.length) return noSuchResource(`没有此资源：${path}`, `No such resource: ${path}`);
    const text = `${path} 不支持 ${request.method}，可用 ${allow.join(', ')}（${path} does not support ${request.method}; it allows ${allow.join(', ')}）`;
    return new EpcisProblemError(problem('ImplementationException', text, undefined, 405), { allow: allow.join(', ') });
  };
  // Answered on arrival, before a body the request cannot use is read (or refused as malformed).
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url) throw notServed(request);
  });
  app.setNotFoundHandler(async (request) => { throw notServed(request); });
}
