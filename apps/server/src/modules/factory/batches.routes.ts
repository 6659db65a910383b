import type { FastifyInstance } from 'fastify';
import { Type, type TProperties } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import { FACTORY_READERS, OPERATORS, readBy, SCOPES } from './http.js';
import type { FactoryServices } from './index.js';
import { BATCH_STATES, OUTCOMES, PHASES } from './model/process-batches.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Closed = <P extends TProperties>(p: P) => Type.Object(p, { additionalProperties: false });
const Literals = (xs: readonly string[], description?: string) => Type.Union(xs.map((x) => Type.Literal(x)), description ? { description } : {});
const Instant = Type.String({ maxLength: 40, description: 'ISO 8601 时刻（带时区）An ISO 8601 instant with its offset' });

const BatchFilter = {
  factoryId: Type.Optional(Uuid), state: Type.Optional(Literals(Object.keys(BATCH_STATES))), recipe: Type.Optional(Str(100)), equipment: Type.Optional(Str(100)),
  strain: Type.Optional(Str(60)), outcome: Type.Optional(Literals(Object.keys(OUTCOMES))), q: Type.Optional(Str(100)),
};
type Id = { id: string };
/** Operators, and their systems with an ingest token, run batches. */
const RUN = { allow: OPERATORS, scope: SCOPES.ingest };

/** Batches: registering, phases, end and outcome, reading them and their series. */
export async function batchRoutes(app: FastifyInstance, s: FactoryServices) {
  const tags = ['factory'];

  app.get('/api/factory/batches', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '批次列表（按工厂、状态、配方、设备、菌种筛选）Batches, filtered by factory, state, recipe, equipment and strain', querystring: Type.Object({ ...BatchFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.batches.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/factory/batches/export.xlsx', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '导出批次（按筛选条件，Excel）Export the batches as filtered (Excel)', querystring: Type.Object(BatchFilter) },
  }, async (req, reply) => {
    const { buffer, fileName } = await s.batches.exportXlsx(req.ctx, req.query as never);
    return sendXlsx(reply, buffer, fileName);
  });

  app.post('/api/factory/batches', {
    config: { access: RUN },
    schema: {
      tags, summary: '登记批次（本单位工厂；菌种按保藏号关联菌种库）Register a batch of one of your factories (the strain by its accession)',
      body: Closed({
        factory: Type.String({ maxLength: 60, description: '工厂编码 Factory code' }), externalId: Type.String({ maxLength: 60, description: '工厂自己的批次号（MQTT 主题中使用）The factory’s own batch number (used in MQTT topics)' }),
        equipment: Str(100), recipe: Str(100), productZh: Opt(Str(100)), strainAccession: Opt(Str(40)), lotEpc: Opt(Str(200)),
        state: Type.Optional(Literals(['planned', 'running'], '默认 running Default running')), startedAt: Opt(Instant),
        phase: Opt(Type.String({ maxLength: 40, description: `首个阶段，默认 batch First phase, default batch (${Object.keys(PHASES).join(' | ')} …)` })),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.batches.create(req.ctx, req.body as never)));

  app.get('/api/factory/batches/:id', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '批次详情：阶段与各变量数据概况 One batch: its phases and what its series hold', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.batches.get(req.ctx, (req.params as Id).id));

  app.post('/api/factory/batches/:id/phases', {
    config: { access: RUN },
    schema: { tags, summary: '批次进入新阶段（计划中的批次随之开始）A batch enters a phase (a planned batch starts)', params: IdParams, body: Closed({ name: Type.String({ maxLength: 40 }), at: Type.Optional(Instant) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.batches.phase(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/factory/batches/:id/end', {
    config: { access: RUN },
    schema: { tags, summary: '结束批次：完成或中止 End a batch: completed or aborted', params: IdParams, body: Closed({ state: Literals(['completed', 'aborted']), at: Type.Optional(Instant) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.batches.end(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/factory/batches/:id/outcome', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '判定批次结论：合格或不合格（不合格须说明）Judge an ended batch good or bad (bad says why)', params: IdParams, body: Closed({ outcome: Literals(Object.keys(OUTCOMES)), noteZh: Opt(Str(2000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.batches.outcome(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/factory/batches/:id/series', {
    config: { access: readBy(FACTORY_READERS) },
    schema: {
      tags, summary: '批次时间序列（按时间分桶降采样，含每桶最小最大值）A batch’s series, downsampled into time buckets (with each bucket’s min and max)', params: IdParams,
      querystring: Type.Object({ variables: Type.Optional(Type.String({ maxLength: 500, description: '逗号分隔 Comma-separated' })), from: Type.Optional(Instant), to: Type.Optional(Instant), points: Type.Optional(Type.Integer({ minimum: 10, maximum: 5000, default: 400 })) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.batches.series(req.ctx, (req.params as Id).id, req.query as never));

  app.get('/api/factory/batches/:id/golden-comparison', {
    config: { access: readBy(FACTORY_READERS) },
    schema: {
      tags, summary: '批次与黄金批次对比：各变量的带宽与超出点 A batch against its golden profile: each variable’s band and the points outside', params: IdParams,
      querystring: Type.Object({ profileId: Type.Optional(Uuid) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.golden.compare(req.ctx, (req.params as Id).id, req.query as never));
}
