import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { ChallengeServices } from './index.js';
import { APPLICATION_STATUSES } from './model/labels.js';
import { APPLICANTS, ORGANISERS, OVERSEERS, readBy } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Status = Type.Union(Object.keys(APPLICATION_STATUSES).map((k) => Type.Literal(k)));

const ApplicationFields = {
  titleZh: Str(200), planZh: Type.Optional(Str(20000)),
  budgetWan: Type.Optional(Type.Number({ description: '申请经费（万元）= 各科目之和 · Budget in 10k yuan, the sum of its lines' })),
  currentTrl: Opt(Type.Integer({ description: '当前技术成熟度 1–9 · Current TRL' })), targetTrl: Opt(Type.Integer({ description: '目标技术成熟度 1–9，不低于当前 · Target TRL' })),
  leadUserEnterprise: Type.Optional(Type.Boolean({ description: '牵头单位即应用企业 · The lead is the user enterprise' })),
  members: Type.Optional(Type.Array(Type.Object({ organisationId: Uuid, userEnterprise: Type.Optional(Type.Boolean()), roleZh: Opt(Str(200)) }), { maxItems: 30 })),
  people: Type.Optional(Type.Array(Type.Object({ nameZh: Str(60), organisationId: Opt(Uuid), expertId: Opt(Uuid), roleZh: Opt(Str(60)) }), { maxItems: 200 })),
  milestones: Type.Optional(Type.Array(Type.Object({ titleZh: Str(200), month: Type.Integer(), deliverableZh: Opt(Str(2000)) }), { maxItems: 60 })),
  budgetLines: Type.Optional(Type.Array(Type.Object({ itemZh: Str(100), amountWan: Type.Number() }), { maxItems: 60 })),
};
type Id = { id: string };

/** Who reads an application at all: its parties (lead, members) and the overseers; the service narrows it to the object. */
const READERS = [...new Set([...APPLICANTS, ...OVERSEERS])];

/** Applications (揭榜申请): the consortium's drafts and moves, the overseers' lists, the formal check. */
export async function applicationRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];
  const a = s.applications;

  app.get('/api/challenges/:id/applications', {
    config: { access: readBy(OVERSEERS) },
    schema: { tags, summary: '榜单的全部申请（管理方与监督方）Every application of a challenge, for organisers and overseers', params: IdParams, querystring: Type.Object({ status: Type.Optional(Status), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => a.listForChallenge(req.ctx, (req.params as Id).id, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/challenges/:id/applications/export.xlsx', {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '导出榜单的申请（Excel）Export a challenge\'s applications (Excel)', params: IdParams },
  }, async (req, reply) => {
    const { buffer, fileName } = await a.exportForChallenge(req.ctx, (req.params as Id).id);
    return sendXlsx(reply, buffer, fileName);
  });

  app.post('/api/challenges/:id/applications', {
    config: { access: { allow: APPLICANTS } },
    schema: {
      tags, summary: '起草揭榜申请（本单位牵头；每个牵头单位每个榜单一份；截止后不可）Draft an application led by your organisation: one per lead, none after the deadline',
      params: IdParams, body: Type.Object({ ...ApplicationFields, leadOrganisationId: Opt(Uuid) }), response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await a.create(req.ctx, (req.params as Id).id, req.body as never)));

  app.get('/api/challenges/applications/mine', {
    config: { access: readBy(APPLICANTS) },
    schema: { tags, summary: '本单位牵头或参与的申请 Applications your organisation leads or is a member of', querystring: Type.Object({ status: Type.Optional(Status), challengeId: Type.Optional(Uuid), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => a.mine(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/challenges/applications/:id', {
    config: { access: readBy(READERS) },
    schema: { tags, summary: '申请详情（牵头与成员单位、管理方与监督方）One application, with its checklist: for its lead and members, organisers and overseers', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => a.get(req.ctx, (req.params as Id).id));

  app.patch('/api/challenges/applications/:id', {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '修改申请草稿（牵头单位，截止前）Edit a draft application: the lead, before the deadline', params: IdParams, body: Type.Partial(Type.Object(ApplicationFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => a.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/applications/:id/submit', {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '提交申请（截止前）Submit an application before the deadline', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => a.submit(req.ctx, (req.params as Id).id));

  app.post('/api/challenges/applications/:id/withdraw', {
    config: { access: { allow: APPLICANTS } },
    schema: { tags, summary: '撤回申请（截止前）Withdraw an application before the deadline', params: IdParams, body: Type.Object({ reasonZh: Opt(Str(1000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => a.withdraw(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/challenges/applications/:id/formal-check', {
    config: { access: { allow: ORGANISERS } },
    schema: {
      tags, summary: '形式审查：通过或不通过（不通过须说明理由）Formal check: eligible or ineligible, with the reason when ineligible',
      params: IdParams, body: Type.Object({ decision: Type.Union([Type.Literal('eligible'), Type.Literal('ineligible')]), noteZh: Opt(Str(2000)) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => a.formalCheck(req.ctx, (req.params as Id).id, req.body as never));
}
