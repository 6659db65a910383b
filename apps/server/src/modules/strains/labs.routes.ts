import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page } from '../supervision/http.js';
import type { StrainServices } from './index.js';
import { DEPOSITORS, OVERSEERS, PUBLIC, readBy, TASK_FORCE } from './http.js';
import { LabFields, LabQuery } from './strains.schemas.js';

type Id = { id: string };

/** Labs and biosafety facilities, and the biosafety officers. */
export async function labsRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];

  app.get('/api/biosafety-labs', {
    config: { access: PUBLIC },
    schema: { tags, summary: '实验室与生物安全设施（BSL-3/4 不公开地址；含当日有效等级）Labs and biosafety facilities with the level in effect today; no address for BSL-3/4', querystring: LabQuery, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.labs.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/biosafety-labs/mine', {
    config: { access: readBy(DEPOSITORS) },
    schema: { tags, summary: '本机构的实验室（含当日有效等级）My organisation\'s labs with the level in effect today', response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.labs.mine(req.ctx));

  app.get('/api/biosafety-labs/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '实验室详情 One lab', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.labs.get(req.ctx, (req.params as Id).id));

  app.post('/api/biosafety-labs', {
    config: { access: { allow: DEPOSITORS } },
    schema: { tags, summary: '登记实验室（本机构；管理员与工作专班可为任何机构）Record a lab: your organisation\'s, or any for curators and the task force', body: Type.Object({ ...LabFields, organisationId: Type.Optional(Nullable(Uuid)) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.labs.create(req.ctx, req.body as never)));

  app.patch('/api/biosafety-labs/:id', {
    config: { access: { allow: DEPOSITORS } },
    schema: { tags, summary: '修改实验室（等级、证书、状态）Edit a lab: level, certificate, status', params: IdParams, body: Type.Partial(Type.Object(LabFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.labs.update(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/biosafety-officers', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '生物安全负责人名单 The biosafety officers', response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.officers.list(req.ctx));

  app.get('/api/biosafety-officers/candidates', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '可任命为生物安全负责人的菌种库管理员账号 Curator accounts that may be appointed officers', response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.officers.candidates(req.ctx));

  app.post('/api/biosafety-officers', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '任命生物安全负责人（须为菌种库管理员账号）Appoint a biosafety officer (a curator account)', body: Type.Object({ userId: Uuid, noteZh: Type.Optional(Nullable(Type.String({ maxLength: 500 }))) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.officers.appoint(req.ctx, req.body as never)));

  app.delete('/api/biosafety-officers/:userId', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '免去生物安全负责人 Remove a biosafety officer', params: Type.Object({ userId: Uuid }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.officers.remove(req.ctx, (req.params as { userId: string }).userId));
}
