import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { CHALLENGE_STATUSES, MODES } from './model/labels.js';
import { COMPARATORS } from './model/challenges.js';
import { ORGANISERS, OVERSEERS, PUBLIC, readBy } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Literals = (o: object) => Type.Union(Object.keys(o).map((k) => Type.Literal(k)));
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601，如 2026-06-30T09:00:00Z · an instant' });

const Indicator = Type.Object({
  nameZh: Str(200), comparator: Type.Union(COMPARATORS.map((c) => Type.Literal(c))), targetValue: Type.Number({ description: '目标值 Target value' }),
  unit: Opt(Str(40)), methodZh: Opt(Str(1000)),
});
const Criterion = Type.Object({ key: Str(40), nameZh: Str(100), nameEn: Str(200), weight: Type.Number(), max: Type.Number() });

const ChallengeFields = {
  needId: Opt(Uuid),
  titleZh: Str(200), titleEn: Opt(Str(300)), summaryZh: Opt(Str(4000)),
  fields: Type.Array(Str(40), { maxItems: 20, description: '领域关键词（专家按其匹配）Field keywords reviewers are matched on' }),
  domain: Opt(Str(20)), mode: Literals(MODES),
  fundingWan: Type.Number({ description: '支持经费（万元）Funding in 10k yuan' }), maxTeams: Type.Optional(Type.Integer({ description: '资助团队数：揭榜挂帅 1，并行资助 ≥ 2 · Teams funded' })),
  durationMonths: Type.Integer({ description: '实施期（月）Duration in months' }), eligibilityZh: Opt(Str(4000)),
  maxMembers: Type.Optional(Type.Integer({ description: '联合体成员单位上限（不含牵头单位）Most member organisations besides the lead' })),
  requiresUserEnterprise: Type.Optional(Type.Boolean()), deadline: Instant, blind: Type.Optional(Type.Boolean()),
  reviewersPerApplication: Type.Optional(Type.Integer()), rubric: Opt(Type.Array(Criterion, { maxItems: 20 })), noticeDays: Type.Optional(Type.Integer()),
  indicators: Type.Array(Indicator, { maxItems: 50, description: '可量化的验收指标，至少一项 · Measurable acceptance indicators, at least one' }),
};

const Filter = { mode: Type.Optional(Literals(MODES)), field: Type.Optional(Str(40)), q: Type.Optional(Str(100)) };
type Id = { id: string };

/** Challenges: the public open list, page, timeline and export; organisers' drafts and moves. */
export async function challengeRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];
  const c = s.challenges;

  app.get('/api/challenges/open', {
    config: { access: PUBLIC },
    schema: { tags, summary: '揭榜中的榜单（公开，含申报数，不含申报单位）Open challenges: public fields and the number of applications, no names', querystring: Type.Object({ ...Filter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => c.listOpen(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/challenges/open/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出揭榜中的榜单（Excel）Export open challenges as filtered (Excel)', querystring: Type.Object(Filter) },
  }, async (req, reply) => {
    const { buffer, fileName } = await c.exportOpen(req.ctx, req.query as never);
    return sendXlsx(reply, buffer, fileName);
  });

  app.get('/api/challenges', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '全部榜单（各状态）All challenges in every status', querystring: Type.Object({ ...Filter, status: Type.Optional(Literals(CHALLENGE_STATUSES)), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => c.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/challenges/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '榜单详情（公众看公开字段；草稿仅管理方可见）One challenge: public fields for everyone, the whole record for organisers and overseers', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.get(req.ctx, (req.params as Id).id));

  app.get('/api/challenges/:id/timeline', {
    config: { access: PUBLIC },
    schema: { tags, summary: '榜单时间线：发布、截止、形式审查、评审、公示、立项、里程碑、验收 · The timeline: each step with its date or planned date', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.timeline(req.ctx, (req.params as Id).id));

  app.post('/api/challenges', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '起草榜单（可从目录需求带入名称、领域、指标）Draft a challenge, from a catalog need (its title, field and indicators where not given) or from scratch',
      body: Type.Object({ ...Type.Partial(Type.Object(ChallengeFields)).properties, organiserId: Opt(Uuid) }), response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await c.create(req.ctx, req.body as never)));

  app.patch('/api/challenges/:id', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '修改榜单草稿 Edit a draft challenge', params: IdParams, body: Type.Partial(Type.Object(ChallengeFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/:id/publish', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '发布榜单（截止时间须在将来）Publish a challenge; its deadline must be ahead', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.publish(req.ctx, (req.params as Id).id));

  app.post('/api/challenges/:id/extend', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '延长申报截止时间（须说明理由）Extend the deadline of an open challenge, with the reason', params: IdParams, body: Type.Object({ deadline: Instant, reasonZh: Str(1000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.extend(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/:id/start-review', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '截止后转入评审（开始形式审查）Move to review once the deadline has passed; the formal check starts', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.startReview(req.ctx, (req.params as Id).id));

  app.post('/api/challenges/:id/cancel', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '取消榜单（须说明理由）Cancel a challenge, with the reason', params: IdParams, body: Type.Object({ reasonZh: Str(1000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.cancel(req.ctx, (req.params as Id).id, req.body as never));
}
