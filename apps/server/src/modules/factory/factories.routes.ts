import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CBV } from '@cq-biomfg/epcis';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { FactoryServices } from './index.js';
import { FACTORY_READERS, PUBLIC } from './http.js';
import { FACTORY_KINDS } from './model/factory-input.js';

const FactoryFields = {
  nameZh: Type.String({ minLength: 1, maxLength: 100 }),
  nameEn: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  kind: Type.Union(FACTORY_KINDS.map((k) => Type.Literal(k))),
  districtCode: Type.Optional(Nullable(Type.String({ maxLength: 12 }))),
  addressZh: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  sgln: Type.Optional(Nullable(Type.String({ maxLength: 80, description: '工厂的 GS1 位置 SGLN URN · The site\'s SGLN URN, e.g. urn:epc:id:sgln:6901234.00001.0' }))),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
};

/** Factories: the public list and page, registration and edits; the CBV labels the pages use. */
export async function factoriesRoutes(app: FastifyInstance, s: FactoryServices) {
  const tags = ['factory'];

  app.get('/api/factory/factories', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '智能工厂与数字化车间（是否接入、事件与批次数）Smart factories and digital workshops: connected or not, events and batches',
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })), districtCode: Type.Optional(Type.String({ maxLength: 12 })), kind: Type.Optional(Type.Union(FACTORY_KINDS.map((k) => Type.Literal(k)))), organisationId: Type.Optional(Uuid), ...Paging }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => s.factories.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/factory/factories/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '工厂详情（本机构与监管部门另见接入方式与事件统计）One factory; its organisation and overseers also see how to connect and its event figures', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.factories.get(req.ctx, (req.params as { id: string }).id));

  app.get('/api/factory/vocabularies', {
    config: { access: PUBLIC },
    schema: { tags, summary: 'CBV 2.0 词表（中英文标签）The CBV 2.0 vocabularies with Chinese and English labels', response: { 200: AnyObject, ...errorResponses } },
  }, (_req, reply) => reply.header('cache-control', 'public, max-age=3600').send(CBV));

  app.post('/api/factory/factories', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '登记工厂（本机构；监管部门可为任何机构）Register a factory: your organisation\'s, or any for overseers', body: Type.Object({ ...FactoryFields, organisationId: Type.Optional(Nullable(Uuid)) }, { additionalProperties: false }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.factories.create(req.ctx, req.body as never)));

  app.patch('/api/factory/factories/:id', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '修改工厂 Edit a factory', params: IdParams, body: Type.Partial(Type.Object(FactoryFields, { additionalProperties: false })), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.factories.update(req.ctx, (req.params as { id: string }).id, req.body as never));
}
