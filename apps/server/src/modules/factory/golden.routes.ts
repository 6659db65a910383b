import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf } from '../supervision/http.js';
import { FACTORY_READERS, readBy } from './http.js';
import type { FactoryServices } from './index.js';

const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const GoldenBody = Type.Object({
  batchIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, description: '同一配方、已完成且合格的批次 Completed good batches of one recipe' }),
  k: Type.Optional(Type.Number({ description: '带宽倍数 k（均值 ± k·σ），默认 3 Band width k (mean ± k·σ), default 3' })),
  stepMinutes: Type.Optional(Type.Number({ description: '网格步长（分钟），默认约 240 点 Grid step in minutes; default about 240 points' })),
  equipment: Opt(Type.String({ maxLength: 100 })), nameZh: Opt(Type.String({ maxLength: 200 })), noteZh: Opt(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
type Id = { id: string };

/** Golden profiles: list, preview, create, read, retire. */
export async function goldenRoutes(app: FastifyInstance, s: FactoryServices) {
  const tags = ['factory'];

  app.get('/api/factory/golden', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '黄金批次列表 Golden profiles', querystring: Type.Object({ recipe: Type.Optional(Type.String({ maxLength: 100 })), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired')])) }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.golden.list(req.ctx, req.query as never));

  app.post('/api/factory/golden/preview', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '预览黄金批次带宽（按阶段对齐，不保存）Preview the golden band of chosen batches (aligned by phase; not saved)', body: GoldenBody, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.golden.preview(req.ctx, req.body as never));

  app.post('/api/factory/golden', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '建立黄金批次（取代同配方同设备的现行黄金批次）Create a golden profile (it replaces the active one of the same recipe and equipment)', body: GoldenBody, response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.golden.create(req.ctx, req.body as never)));

  app.get('/api/factory/golden/:id', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '黄金批次详情：网格、各变量均值与带宽 One golden profile: grid, each variable’s mean and band', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.golden.get(req.ctx, (req.params as Id).id));

  app.post('/api/factory/golden/:id/retire', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '停用黄金批次 Retire a golden profile', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.golden.retire(req.ctx, (req.params as Id).id));
}
