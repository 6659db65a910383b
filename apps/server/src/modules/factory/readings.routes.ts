import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, Uuid } from '../../platform/http/schemas.js';
import { AnyObject } from '../supervision/http.js';
import { FACTORY_READERS, OPERATORS, readBy, SCOPES } from './http.js';
import type { FactoryServices } from './index.js';

/** The most readings one HTTP request may carry; more go in several requests. */
export const MAX_READINGS_PER_REQUEST = 200_000;
const BODY_LIMIT = 32 * 1024 * 1024;

/** Readings in by HTTP, the rejection counters, and the variables vocabulary. */
export async function readingRoutes(app: FastifyInstance, s: FactoryServices) {
  const tags = ['factory'];

  app.post('/api/factory/readings', {
    config: { access: { allow: OPERATORS, scope: SCOPES.ingest } },
    bodyLimit: BODY_LIMIT,
    schema: {
      tags,
      summary: '批量上报传感器读数（逐条校验：接收、重复（先到者保留）、拒收及原因）Post sensor readings in bulk (each checked: stored, duplicate — the first stays — or rejected with its reason)',
      // Items are checked one by one in the service, so that one bad reading is counted, not the whole body refused.
      body: Type.Object({
        factory: Type.String({ minLength: 1, maxLength: 60, description: '工厂编码 Factory code' }),
        readings: Type.Optional(Type.Array(Type.Unknown(), { maxItems: MAX_READINGS_PER_REQUEST, description: '[{ batch, variable, at, value }]' })),
        series: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 10_000, description: '[{ batch, variable, points: [[at, value], …] }]' })),
      }, { additionalProperties: false }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.readings.ingest(req.ctx, req.body as never));

  app.get('/api/factory/rejections', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '被拒读数计数（工厂 × 来源 × 原因）Rejected readings counted per factory, source and reason', querystring: Type.Object({ factoryId: Type.Optional(Uuid) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.readings.rejections(req.ctx, req.query as never));

  app.get('/api/factory/variables', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '传感器变量词表与拒收原因 The sensor variables vocabulary and the rejection reasons', response: { 200: AnyObject, ...errorResponses } },
  }, () => s.readings.vocabulary());
}
