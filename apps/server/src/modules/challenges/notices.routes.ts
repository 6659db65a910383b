import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { ORGANISERS, PUBLIC, SIGNED_IN } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
type Id = { id: string };

const Awardee = Type.Object({ applicationId: Uuid, shareWan: Opt(Type.Number({ description: '资助额度（万元）；揭榜挂帅可省略（全额）· Share in 10k yuan; a single award may omit it (the whole funding)' })) });

/** The public notice (公示), objections, and the confirmation of awards. */
export async function noticeRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];
  const n = s.notices;

  app.get('/api/challenges/notices', {
    config: { access: PUBLIC },
    schema: { tags, summary: '正在公示的榜单 Notices running now', querystring: Type.Object(Paging), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => n.listRunning(req.ctx, page(req.query as never)));

  app.get('/api/challenges/:id/notice', {
    config: { access: PUBLIC },
    schema: { tags, summary: '榜单的立项公示（拟立项单位、资助额度、公示期、异议方式）The notice: proposed awardees with shares, the period, how to object', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => n.get(req.ctx, (req.params as Id).id));

  app.post('/api/challenges/:id/notice', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '按排名提出拟立项并开始公示（揭榜挂帅一个；并行资助至多 max_teams 个，额度合计不超过经费）Propose awardees from the ranking and start the notice (single: one; parallel: up to max_teams, shares within the funding)',
      params: IdParams, body: Type.Object({ awardees: Type.Array(Awardee, { maxItems: 20 }), noteZh: Opt(Str(2000)) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => n.propose(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/:id/notice/confirm', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '公示期满且无待处理异议后确认立项 Confirm the awards after the period, with no objection pending', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => n.confirm(req.ctx, (req.params as Id).id));

  app.post('/api/challenges/:id/objections', {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '公示期内提出异议（针对公示或某一拟立项申报，须写明理由）Object during the notice, to it or to one proposed application, with the reason', params: IdParams, body: Type.Object({ applicationId: Opt(Uuid), reasonZh: Str(4000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => n.lodge(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/challenges/:id/objections', {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '公示异议及答复（组织单位看全部，其他人看自己提出的）Objections and answers: all for the organisers, one\'s own for others', params: IdParams, response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => n.objections(req.ctx, (req.params as Id).id));

  app.post('/api/challenges/objections/:id/decide', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '答复异议：成立（撤回拟立项）或不成立 Answer an objection: upheld (the proposal is withdrawn) or dismissed', params: IdParams, body: Type.Object({ decision: Type.Union([Type.Literal('upheld'), Type.Literal('dismissed')]), responseZh: Str(4000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => n.decide(req.ctx, (req.params as Id).id, req.body as never));
}
