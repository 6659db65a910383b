import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { InnovationServices } from './index.js';
import { PLATFORM_KEEPERS, PUBLIC, PUBLIC_READ, TASK_FORCE } from './http.js';
import { PLATFORM_KINDS, PLATFORM_LEVELS, PLATFORM_STATUSES } from './model/labels.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Enum = (o: object) => Type.Union(Object.keys(o).map((k) => Type.Literal(k)));

const Filter = {
  kind: Type.Optional(Str(200)), level: Type.Optional(Str(100)), status: Type.Optional(Str(100)),
  field: Type.Optional(Str(40)), domain: Type.Optional(Str(20)), hostId: Type.Optional(Uuid), q: Type.Optional(Str(100)),
};
const FILTER_NOTE = 'kind、level、status 可逗号分隔多个值 · kind, level and status take comma-separated values';

const Fields = {
  nameZh: Str(), nameEn: Opt(Str(300)), kind: Enum(PLATFORM_KINDS), level: Enum(PLATFORM_LEVELS), status: Type.Optional(Enum(PLATFORM_STATUSES)),
  fields: Type.Optional(Type.Array(Str(40), { maxItems: 20 })), domains: Type.Optional(Type.Array(Str(20), { maxItems: 4 })),
  recognisedOn: Opt(IsoDateString), recognisedByZh: Opt(Str()), districtCode: Opt(Str(6)), summaryZh: Opt(Str(4000)), contactZh: Opt(Str(500)),
  hostIds: Type.Array(Uuid, { maxItems: 20, description: '依托单位（按认定文件顺序）Host organisations, in the order of the recognition' }),
};
const InstrumentFields = {
  nameZh: Str(), model: Opt(Str()), valueWan: Opt(Type.Number({ description: '原值（万元）Value in 10k yuan' })), openToShare: Type.Optional(Type.Boolean()),
  bookingContactZh: Opt(Str(500)), noteZh: Opt(Str(2000)),
};
const InstrumentParams = Type.Object({ id: Uuid, instrumentId: Uuid });
type Id = { id: string };
type InstrumentId = { id: string; instrumentId: string };

/** Innovation platforms: the public list with its chart and export, a platform's page, recognition, and shared instruments. */
export async function platformRoutes(app: FastifyInstance, s: InnovationServices) {
  const tags = ['innovation'];
  const p = s.platforms;
  const base = '/api/innovation/platforms';

  app.get(base, {
    config: { access: PUBLIC_READ },
    schema: { tags, summary: '科技创新平台列表（按类型、级别、状态、技术方向、领域、依托单位筛选，可中文检索）Innovation platforms, filtered and searchable', description: FILTER_NOTE, querystring: Type.Object({ ...Filter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => p.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get(`${base}/export.xlsx`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出科技创新平台（按筛选条件）Export innovation platforms as filtered (Excel)', description: FILTER_NOTE, querystring: Type.Object(Filter) },
  }, async (req, reply) => {
    const { buffer, fileName } = await p.exportXlsx(req.ctx, req.query as never);
    return sendXlsx(reply, buffer, fileName);
  });

  app.get(`${base}/summary`, {
    config: { access: PUBLIC_READ },
    schema: { tags, summary: '按类型和级别统计平台数，计入目标的平台数与目标值 Platforms by kind and level, the count toward the target and the target', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => p.summary(req.ctx));

  app.get(`${base}/:id`, {
    config: { access: PUBLIC_READ },
    schema: { tags, summary: '科技创新平台详情（依托单位、共享仪器、“从0到1”成果）One platform with its hosts, shared instruments and results from 0 to 1', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => p.get(req.ctx, (req.params as Id).id));

  app.post(base, {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '登记科技创新平台 Record an innovation platform', body: Type.Object(Fields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await p.create(req.ctx, req.body as never)));

  app.patch(`${base}/:id`, {
    config: { access: { allow: PLATFORM_KEEPERS } },
    schema: { tags, summary: '修改平台（依托单位可改简介、方向、领域、联系方式；认定信息仅工作专班）Edit a platform; hosts edit the description, the task force the recognition', params: IdParams, body: Type.Partial(Type.Object(Fields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => p.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/instruments`, {
    config: { access: { allow: PLATFORM_KEEPERS } },
    schema: { tags, summary: '新增共享仪器 Add a shared instrument', params: IdParams, body: Type.Object(InstrumentFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await p.addInstrument(req.ctx, (req.params as Id).id, req.body as never)));

  app.patch(`${base}/:id/instruments/:instrumentId`, {
    config: { access: { allow: PLATFORM_KEEPERS } },
    schema: { tags, summary: '修改共享仪器 Edit a shared instrument', params: InstrumentParams, body: Type.Partial(Type.Object(InstrumentFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const x = req.params as InstrumentId; return p.updateInstrument(req.ctx, x.id, x.instrumentId, req.body as never); });

  app.delete(`${base}/:id/instruments/:instrumentId`, {
    config: { access: { allow: PLATFORM_KEEPERS } },
    schema: { tags, summary: '删除共享仪器 Remove a shared instrument', params: InstrumentParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const x = req.params as InstrumentId; return p.removeInstrument(req.ctx, x.id, x.instrumentId); });
}
