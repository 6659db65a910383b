import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { SafetyServices } from './index.js';
import { ASPECT_CODES, ASSESSMENT_CODES, CONCLUSION_CODES } from './model/labels.js';
import { MAX_FIELDS } from './model/evaluations.js';
import { MAX_REVIEWERS } from './reviewers.service.js';
import { BODY, readBy, REVIEWERS } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const OneOf = (codes: readonly string[]) => Type.Union(codes.map((c) => Type.Literal(c)));
const Fields = Type.Array(Str(40), { maxItems: MAX_FIELDS });
type Id = { id: string };

/** Reviewers: the body's proposal, assignment, replacement and removal; the expert's desk, findings and declining. */
export async function reviewRoutes(app: FastifyInstance, s: SafetyServices) {
  const tags = ['safety'];

  app.get('/api/safety/evaluations/:id/reviewer-proposal', {
    config: { access: readBy(BODY) },
    schema: {
      tags, summary: '评审专家自动建议（按领域关键词、回避利益冲突；列出被排除者及原因）Proposed reviewers by field keywords, conflict-free, with those ruled out and why',
      params: IdParams, querystring: Type.Object({ n: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_REVIEWERS })), fields: Type.Optional(Fields) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.reviewers.proposal(req.ctx, (req.params as Id).id, req.query as never));

  app.post('/api/safety/evaluations/:id/reviewers', {
    config: { access: { allow: BODY } },
    schema: { tags, summary: '分配评审专家（逐一核查利益冲突）Assign reviewers, each checked for conflicts of interest', params: IdParams, body: Type.Object({ expertIds: Type.Array(Uuid, { minItems: 1, maxItems: MAX_REVIEWERS }), fields: Type.Optional(Fields) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.reviewers.assign(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/safety/reviews/:id/replace', {
    config: { access: { allow: BODY } },
    schema: { tags, summary: '更换评审专家（指定或由系统选下一位）Replace a reviewer by the expert named or the next best', params: IdParams, body: Type.Object({ reasonZh: Opt(Str(2000)), expertId: Opt(Uuid) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.reviewers.replace(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/safety/reviews/:id/remove', {
    config: { access: { allow: BODY } },
    schema: { tags, summary: '撤销未提交的评审 Remove a reviewer who has not submitted', params: IdParams, body: Type.Object({ reasonZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.reviewers.remove(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/safety/reviews/mine', {
    config: { access: readBy(REVIEWERS) },
    schema: { tags, summary: '我评审的安全评价 Evaluations I review', querystring: Type.Object({ status: Type.Optional(OneOf(['assigned', 'submitted'])), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.reviews.mine(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.post('/api/safety/reviews/:id/submit', {
    config: { access: { allow: REVIEWERS } },
    schema: {
      tags, summary: '提交评审意见（逐项评估并给出建议，提交后锁定）Submit findings on every aspect with a recommendation; locked once submitted', params: IdParams,
      body: Type.Object({
        findings: Type.Array(Type.Object({ aspect: OneOf(ASPECT_CODES), assessment: OneOf(ASSESSMENT_CODES), noteZh: Opt(Str(4000)) }), { maxItems: ASPECT_CODES.length }),
        recommendation: OneOf(CONCLUSION_CODES), conditionsZh: Opt(Str(4000)), summaryZh: Str(8000),
      }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.reviews.submit(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/safety/reviews/:id/decline', {
    config: { access: { allow: REVIEWERS } },
    schema: { tags, summary: '谢绝评审并说明理由 Decline the review with the reason', params: IdParams, body: Type.Object({ reasonZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.reviews.decline(req.ctx, (req.params as Id).id, req.body as never));
}
