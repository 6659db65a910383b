import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/http/schemas.js';
import { AnyObject } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { ACHIEVEMENT_POSTERS, BASE_KEEPERS, DEMAND_POSTERS, readBy, TASK_FORCE } from './http.js';

const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 }));
type Id = { id: string };

/** Matching (packages/match): a demand's achievements and capabilities, and the other way round. */
export async function matchRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];

  app.get('/api/pilot/demands/:id/matches', {
    config: { access: readBy(DEMAND_POSTERS) },
    schema: {
      tags, summary: '需求的匹配成果或中试能力（得分与理由；发布方与专班可见）A demand\'s matching achievements or pilot capabilities, with scores and reasons',
      params: IdParams, querystring: Type.Object({ kind: Type.Union([Type.Literal('achievement'), Type.Literal('capability')]), limit: Limit }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.match.demandMatches(req.ctx, (req.params as Id).id, req.query as never));

  app.get('/api/pilot/achievements/:id/matches', {
    config: { access: readBy(ACHIEVEMENT_POSTERS) },
    schema: { tags, summary: '成果可服务的需求（发布方与专班可见）The demands an achievement may serve', params: IdParams, querystring: Type.Object({ limit: Limit }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.match.achievementMatches(req.ctx, (req.params as Id).id, req.query as never));

  app.get('/api/pilot/platforms/:id/matches', {
    config: { access: readBy(BASE_KEEPERS) },
    schema: { tags, summary: '中试平台可服务的需求（本基地与专班可见）The demands a pilot platform may serve', params: IdParams, querystring: Type.Object({ limit: Limit }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.match.platformMatches(req.ctx, (req.params as Id).id, req.query as never));

  app.post('/api/pilot/matches/refresh', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '全量重新匹配 Re-match every published demand', body: Type.Optional(Type.Object({})), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.match.rematchAll(req.ctx));

  app.get('/api/pilot/matches/unserved', {
    config: { access: readBy(TASK_FORCE) },
    schema: {
      tags, summary: '尚无良好匹配的需求（据最近一次全量匹配）Demands nothing serves well yet (from the last re-matching)',
      querystring: Type.Object({ below: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })), offset: Type.Optional(Type.Integer({ minimum: 0 })) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.match.unserved(req.ctx, req.query as never));
}
