import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { ROLES } from '../access/model.js';
import { DateTime, errorResponses, IdParams, Nullable, Paging, Uuid } from '../http/schemas.js';
import { ORGANISATION_KINDS, PASSWORD_MIN, USERNAME_PATTERN } from './model.js';
import type { IdentityService } from './service.js';

export const UserSchema = Type.Object({
  id: Uuid, username: Type.String(), displayName: Type.String(), email: Nullable(Type.String()),
  organisationId: Nullable(Uuid), organisationNameZh: Type.Optional(Nullable(Type.String())),
  roles: Type.Array(Type.String()), failedLogins: Type.Integer(), lockedUntil: Nullable(DateTime), locked: Type.Boolean(),
  disabled: Type.Boolean(), lastLoginAt: Nullable(DateTime), isDemo: Type.Boolean(), createdAt: DateTime, updatedAt: DateTime,
}, { $id: 'User' });

export const OrganisationSchema = Type.Object({
  id: Uuid, kind: Type.String(), nameZh: Type.String(), nameEn: Nullable(Type.String()), districtCode: Nullable(Type.String()),
  creditCode: Nullable(Type.String()), isDemo: Type.Boolean(), createdAt: DateTime, updatedAt: DateTime,
}, { $id: 'Organisation' });

const TokenSchema = Type.Object({
  id: Uuid, userId: Uuid, username: Type.Optional(Type.String()), name: Type.String(), prefix: Type.String(),
  scopes: Type.Array(Type.String()), createdAt: DateTime, expiresAt: Nullable(DateTime), revokedAt: Nullable(DateTime),
  lastUsedAt: Nullable(DateTime), token: Type.Optional(Type.String({ description: '只返回一次 Shown once' })),
});

const Role = Type.Union(ROLES.map((r) => Type.Literal(r)));
const Kind = Type.Union(ORGANISATION_KINDS.map((k) => Type.Literal(k)));
const admin = { allow: ['admin'] as const, scope: 'admin:read' };
const adminWrite = { allow: ['admin'] as const };

/** Admin pages' API (users, organisations, tokens) and a user's own tokens. */
export async function identityRoutes(app: FastifyInstance, { identity }: { identity: IdentityService }) {
  app.addSchema(UserSchema);
  app.addSchema(OrganisationSchema);

  app.get('/api/admin/users', {
    config: { access: admin },
    schema: {
      tags: ['admin'], summary: '用户列表 Users',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), role: Type.Optional(Role), organisationId: Type.Optional(Uuid), ...Paging }),
      response: { 200: Type.Array(Type.Ref('User')), ...errorResponses },
    },
  }, (req) => identity.listUsers(req.ctx, req.query as never));

  app.post('/api/admin/users', {
    config: { access: adminWrite },
    schema: {
      tags: ['admin'], summary: '新建用户 Create user',
      body: Type.Object({
        username: Type.String({ pattern: USERNAME_PATTERN }), displayName: Type.String({ minLength: 1, maxLength: 100 }),
        email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 200 }))), organisationId: Type.Optional(Nullable(Uuid)),
        roles: Type.Array(Role, { minItems: 1, uniqueItems: true }), password: Type.String({ minLength: PASSWORD_MIN, maxLength: 200 }),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('User'), ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await identity.createUser(req.ctx, req.body as never)));

  app.get('/api/admin/users/:id', {
    config: { access: admin },
    schema: { tags: ['admin'], summary: '用户详情 User', params: IdParams, response: { 200: Type.Ref('User'), ...errorResponses } },
  }, (req) => identity.getUser(req.ctx, (req.params as { id: string }).id));

  app.patch('/api/admin/users/:id', {
    config: { access: adminWrite },
    schema: {
      tags: ['admin'], summary: '修改用户 Update user', params: IdParams,
      body: Type.Object({
        displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), email: Type.Optional(Nullable(Type.String({ format: 'email' }))),
        organisationId: Type.Optional(Nullable(Uuid)), roles: Type.Optional(Type.Array(Role, { minItems: 1, uniqueItems: true })),
        disabled: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Type.Ref('User'), ...errorResponses },
    },
  }, (req) => identity.updateUser(req.ctx, (req.params as { id: string }).id, req.body as never));

  app.post('/api/admin/users/:id/password', {
    config: { access: adminWrite },
    schema: {
      tags: ['admin'], summary: '重置密码 Reset password', params: IdParams,
      body: Type.Object({ password: Type.String({ minLength: PASSWORD_MIN, maxLength: 200 }) }, { additionalProperties: false }),
      response: { 204: Type.Null(), ...errorResponses },
    },
  }, async (req, reply) => {
    await identity.resetPassword(req.ctx, (req.params as { id: string }).id, (req.body as { password: string }).password);
    return reply.status(204).send();
  });

  app.post('/api/admin/users/:id/unlock', {
    config: { access: adminWrite },
    schema: { tags: ['admin'], summary: '解锁 Unlock', params: IdParams, response: { 200: Type.Ref('User'), ...errorResponses } },
  }, (req) => identity.unlockUser(req.ctx, (req.params as { id: string }).id));

  app.get('/api/organisations', {
    config: { access: { allow: 'authenticated' } },
    schema: {
      tags: ['admin'], summary: '按名称查找机构（选择联合体成员、专家所在机构、利益冲突对象、权利人）Organisations by name, for the forms that pick one',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), kind: Type.Optional(Kind) }),
      response: { 200: Type.Array(Type.Object({ id: Uuid, kind: Type.String(), nameZh: Type.String(), nameEn: Nullable(Type.String()) })), ...errorResponses },
    },
  }, (req) => identity.lookupOrganisations(req.ctx, req.query as never));

  app.get('/api/admin/organisations', {
    config: { access: { allow: ['admin', 'taskforce'], scope: 'admin:read' } },
    schema: {
      tags: ['admin'], summary: '机构列表 Organisations',
      querystring: Type.Object({ kind: Type.Optional(Kind), q: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }),
      response: { 200: Type.Array(Type.Ref('Organisation')), ...errorResponses },
    },
  }, (req) => identity.listOrganisations(req.ctx, req.query as never));

  app.post('/api/admin/organisations', {
    config: { access: adminWrite },
    schema: {
      tags: ['admin'], summary: '新建机构 Create organisation',
      body: Type.Object({
        kind: Kind, nameZh: Type.String({ minLength: 1, maxLength: 200 }), nameEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
        districtCode: Type.Optional(Nullable(Type.String({ pattern: '^50[0-9]{4}$' }))), creditCode: Type.Optional(Nullable(Type.String({ maxLength: 18 }))),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('Organisation'), ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await identity.createOrganisation(req.ctx, req.body as never)));

  app.patch('/api/admin/organisations/:id', {
    config: { access: adminWrite },
    schema: {
      tags: ['admin'], summary: '修改机构 Update organisation', params: IdParams,
      body: Type.Object({
        nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), nameEn: Type.Optional(Nullable(Type.String({ maxLength: 300 }))),
        districtCode: Type.Optional(Nullable(Type.String({ pattern: '^50[0-9]{4}$' }))), creditCode: Type.Optional(Nullable(Type.String({ maxLength: 18 }))),
      }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: Type.Ref('Organisation'), ...errorResponses },
    },
  }, (req) => identity.updateOrganisation(req.ctx, (req.params as { id: string }).id, req.body as never));

  app.get('/api/admin/tokens', {
    config: { access: admin },
    schema: { tags: ['admin'], summary: '全部 API 令牌 All API tokens', response: { 200: Type.Array(TokenSchema), ...errorResponses } },
  }, (req) => identity.listTokens(req.ctx, true));

  app.get('/api/tokens', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags: ['tokens'], summary: '我的 API 令牌 My API tokens', response: { 200: Type.Array(TokenSchema), ...errorResponses } },
  }, (req) => identity.listTokens(req.ctx, false));

  app.post('/api/tokens', {
    config: { access: { allow: 'authenticated' } },
    schema: {
      tags: ['tokens'], summary: '创建 API 令牌 Create an API token',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 100 }), scopes: Type.Array(Type.String(), { minItems: 1, uniqueItems: true }),
        expiresInDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650 })), userId: Type.Optional(Uuid),
      }, { additionalProperties: false }),
      response: { 201: TokenSchema, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await identity.createToken(req.ctx, req.body as never)));

  app.delete('/api/tokens/:id', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags: ['tokens'], summary: '撤销 API 令牌 Revoke an API token', params: IdParams, response: { 200: Type.Object({ id: Uuid, revokedAt: DateTime }), ...errorResponses } },
  }, (req) => identity.revokeToken(req.ctx, (req.params as { id: string }).id));
}
