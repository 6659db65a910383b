import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { APPLICANTS, ORGANISERS, OVERSEERS, readBy } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
type Id = { id: string };

/** Milestones and their reports, and the reviews that give each team its verdict. */
export async function milestoneRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];

  app.put('/api/challenges/awards/:id/milestones', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '调整节点（整表，按顺序；带 id 为修改，不带为新增，未列出的删除；首份报告前）Set the milestones as a whole ordered list (id: keep and edit; none: add; unlisted: remove), until the first report', params: IdParams,
      body: Type.Object({ milestones: Type.Array(Type.Object({ id: Opt(Uuid), titleZh: Str(200), dueOn: IsoDateString, deliverableZh: Opt(Str(1000)) }), { maxItems: 60 }) }),
      response: { 200: Type.Array(AnyObject), ...errorResponses },
    },
  }, (req) => s.milestones.replaceMilestones(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/milestones/:id/reports', {
    config: { access: { allow: APPLICANTS } },
    schema: {
      tags, summary: '提交节点报告（仅牵头单位）：内容、附件、指标进展 Report on a milestone (the lead organisation only): text, attachments, progress on the indicators', params: IdParams,
      body: Type.Object({
        textZh: Str(20000), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })),
        progress: Type.Optional(Type.Array(Type.Object({ indicatorId: Uuid, value: Type.Number() }), { maxItems: 100 })),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.milestones.submitReport(req.ctx, (req.params as Id).id, req.body as never)));

  app.post('/api/challenges/milestone-reports/:id/decision', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '审核节点报告：通过，或需整改（须说明理由）Review a milestone report: passed, or rework with the reason', params: IdParams,
      body: Type.Object({ decision: Type.Union([Type.Literal('passed'), Type.Literal('rework')]), reasonZh: Opt(Str(2000)) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.milestones.decideReport(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/:id/delivery-reviews', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '记录评估（如中期评估）及每个在研团队的结论：继续、终止或合并 Record a review (mid-term or other) with each active team\'s verdict: continue, stop or merge', params: IdParams,
      body: Type.Object({
        titleZh: Str(200), heldOn: IsoDateString, noteZh: Opt(Str(4000)),
        verdicts: Type.Array(Type.Object({
          awardId: Uuid, verdict: Type.Union([Type.Literal('continue'), Type.Literal('stop'), Type.Literal('merge')]), mergeIntoAwardId: Opt(Uuid), reasonZh: Opt(Str(2000)),
        }), { maxItems: 50 }),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.verdicts.recordReview(req.ctx, (req.params as Id).id, req.body as never)));

  app.get('/api/challenges/:id/delivery-reviews', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '评估看板：榜单各团队并列，逐次评估的结论 Review board: the challenge\'s teams side by side, each review\'s verdicts', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.verdicts.board(req.ctx, (req.params as Id).id));
}
