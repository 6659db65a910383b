import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf } from '../supervision/http.js';
import { FACTORY_READERS, readBy } from './http.js';
import type { FactoryServices } from './index.js';

const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const ModelBody = Type.Object({
  batchIds: Type.Array(Uuid, { minItems: 1, maxItems: 200, description: '同一配方、已完成且合格的批次 Completed good batches of one recipe' }),
  components: Type.Optional(Type.Integer({ description: '主成分数（默认：特征值大于平均值的个数）Number of components (default: eigenvalues above their mean)' })),
  confidence: Type.Optional(Type.Number({ description: '控制限置信水平，默认 0.99 Confidence of the limits, default 0.99' })),
  consecutive: Type.Optional(Type.Integer({ description: '连续超限点数触发报警，默认 3 Points in a row above a limit that raise an alarm, default 3' })),
  stepMinutes: Type.Optional(Type.Number({ description: '对齐网格步长（分钟）Grid step in minutes' })),
  nameZh: Opt(Type.String({ maxLength: 200 })), noteZh: Opt(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
type Id = { id: string };

/** Monitoring models: list, preview, fit, read, retire; and a batch's scores. */
export async function monitorRoutes(app: FastifyInstance, s: FactoryServices) {
  const tags = ['factory'];

  app.get('/api/factory/models', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '监控模型列表 Monitoring models', querystring: Type.Object({ recipe: Type.Optional(Type.String({ maxLength: 100 })), status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired')])) }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.models.list(req.ctx, req.query as never));

  app.post('/api/factory/models/preview', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '预览监控模型：主成分、解释方差与控制限（不保存）Preview a monitoring model: components, explained variance and limits (not saved)', body: ModelBody, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.models.preview(req.ctx, req.body as never));

  app.post('/api/factory/models', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '以合格批次建立监控模型（PCA，T² 与 SPE 控制限；取代同配方的现行模型）Fit a monitoring model on good batches (PCA with T² and SPE limits; replaces the recipe’s active model)', body: ModelBody, response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.models.create(req.ctx, req.body as never)));

  app.get('/api/factory/models/:id', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '监控模型详情：解释方差、载荷、控制限、建模批次 One monitoring model: explained variance, loadings, limits, its batches', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.models.get(req.ctx, (req.params as Id).id));

  app.post('/api/factory/models/:id/retire', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '停用监控模型 Retire a monitoring model', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.models.retire(req.ctx, (req.params as Id).id));

  app.get('/api/factory/batches/:id/scores', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '批次的 T² 与 SPE 得分、控制限与报警 A batch’s T² and SPE scores with their limits and alarms', params: IdParams, querystring: Type.Object({ modelId: Type.Optional(Uuid) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.alarms.batchScores(req.ctx, (req.params as Id).id, req.query as never));
}
