import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { AuthService } from './service.js';
import { SESSION_COOKIE } from '../http/access-hook.js';
import { errorResponses } from '../http/schemas.js';
import { UserSchema } from '../identity/routes.js';

export interface AuthRouteOptions {
  auth: AuthService;
  secureCookies: boolean;
}

const Me = Type.Object({ user: UserSchema, csrfToken: Type.String() });

export async function authRoutes(app: FastifyInstance, { auth, secureCookies }: AuthRouteOptions) {
  app.post('/api/auth/login', {
    config: { access: { allow: 'public' }, csrf: false, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'], summary: '登录 Sign in',
      body: Type.Object({ username: Type.String({ minLength: 1, maxLength: 100 }), password: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 200: Me, 423: Type.Ref('Error'), ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body as { username: string; password: string };
    const r = await auth.login(request.ctx, { ...body, userAgent: request.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, r.sessionId, { httpOnly: true, sameSite: 'lax', secure: secureCookies, path: '/', expires: r.expiresAt });
    return { user: r.user, csrfToken: r.csrfToken };
  });

  app.post('/api/auth/logout', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags: ['auth'], summary: '退出 Sign out', response: { 204: Type.Null(), ...errorResponses } },
  }, async (request, reply) => {
    await auth.logout(request.ctx);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  app.get('/api/auth/me', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags: ['auth'], summary: '当前用户 Who am I', response: { 200: Me, ...errorResponses } },
  }, async (request) => {
    return { user: await auth.me(request.ctx), csrfToken: request.csrfToken ?? '' };
  });

  app.post('/api/auth/password', {
    config: { access: { allow: 'authenticated' } },
    schema: {
      tags: ['auth'], summary: '修改密码 Change own password',
      body: Type.Object({ currentPassword: Type.String({ minLength: 1 }), newPassword: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...errorResponses },
    },
  }, async (request, reply) => {
    const b = request.body as { currentPassword: string; newPassword: string };
    await auth.changeOwnPassword(request.ctx, b.currentPassword, b.newPassword);
    return reply.status(204).send();
  });
}
