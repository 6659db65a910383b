import type { FastifyInstance, FastifyRequest } from 'fastify';
import { decide } from '../access/model.js';
import type { AuthService } from '../auth/service.js';
import { sameSecret } from '../auth/service.js';
import { AppError, forbidden, unauthorized } from './errors.js';
import type { RegisteredRoute } from './types.js';

export const SESSION_COOKIE = 'cqb_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves who is calling (session cookie or Bearer token), then applies the route's access
 * rule before the body is even read. Every route is recorded with its rule, so that a test
 * can walk them all.
 */
export function installAccess(app: FastifyInstance, auth: AuthService, routes: RegisteredRoute[]) {
  app.decorateRequest('principal', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('ctx', null as never);

  app.addHook('onRoute', (opts) => {
    const methods = Array.isArray(opts.method) ? opts.method : [opts.method];
    for (const method of methods) {
      if (method === 'HEAD') continue; // Fastify's automatic twins of GET routes share their rule.
      routes.push({ method, url: opts.url, access: opts.config?.access });
    }
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply) => {
    reply.header('x-request-id', request.id);
    request.ctx = { principal: null, requestId: String(request.id), ip: request.ip };
    const config = request.routeOptions.config;
    // Unmatched URLs reach the not-found handler, which has no rule and needs none.
    if (!request.routeOptions.url) return;
    const header = request.headers.authorization;
    // The scheme name is case-insensitive (RFC 7235 §2.1); a malformed Bearer header is a bad token, not no token.
    if (header && /^bearer(\s|$)/i.test(header)) {
      const principal = await auth.principalFromToken(header.slice(6).trim());
      if (!principal) throw new AppError(401, 'invalid_token', { zh: 'API 令牌无效、已过期或已撤销', en: 'API token invalid, expired or revoked' });
      request.principal = principal;
    } else {
      const sid = request.cookies?.[SESSION_COOKIE];
      if (sid) {
        const principal = await auth.principalFromSession(sid);
        if (principal) {
          const { csrfToken, ...rest } = principal;
          request.principal = rest;
          request.csrfToken = csrfToken;
        }
      }
    }
    request.ctx.principal = request.principal;

    const rule = config.access;
    if (!rule) throw forbidden('此接口未声明访问规则，默认拒绝', 'This route declares no access rule and is denied by default');
    const decision = decide(rule, request.principal);
    if (decision === 'unauthenticated') throw unauthorized();
    if (decision === 'forbidden') throw forbidden();
    // A token reaches a public route it holds no scope for as what it is there: anyone. It
    // must not carry its user's powers (a task force member's drafts) past its scopes.
    if (rule.allow === 'public' && request.principal?.via === 'token' && !(rule.scope && request.principal.scopes?.includes(rule.scope))) {
      request.principal = null;
      request.ctx.principal = null;
    }

    if (request.principal?.via === 'session' && UNSAFE.has(request.method) && config.csrf !== false) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.csrfToken || !sameSecret(sent, request.csrfToken))
        throw new AppError(403, 'csrf_failed', { zh: '缺少或错误的 CSRF 令牌', en: 'Missing or wrong CSRF token' });
    }
  });
}
