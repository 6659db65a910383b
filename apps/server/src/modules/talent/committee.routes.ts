import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging } from '../supervision/http.js';
import type { TalentServices } from './index.js';
import { DIRECTORY, PUBLIC, readBy, TASK_FORCE } from './http.js';
import { COMMITTEE_ROLES, CONSULTATION_KINDS } from './model/labels.js';

const Role = Type.Union(Object.keys(COMMITTEE_ROLES).map((k) => Type.Literal(k)), { description: '主任委员 chair · 副主任委员 viceChair · 委员 member' });
const Kind = Type.Union(Object.keys(CONSULTATION_KINDS).map((k) => Type.Literal(k)), { description: '决策咨询 decision · 项目咨询 project' });
type Id = { id: string };

/** 重庆市生物制造产业专家委员会: the public roster, terms and their renewal, consultation records. */
export async function committeeRoutes(app: FastifyInstance, s: TalentServices) {
  const tags = ['talent'];
  const c = s.committee;

  app.get('/api/talent/committee/roster', {
    config: { access: PUBLIC },
    schema: { tags, summary: '专家委员会现任委员名单（公开：姓名、职称、机构、领域、职务）The committee\'s current roster (public: name, title, organisation, fields, role)', response: { 200: AnyObject, ...errorResponses } },
  }, () => c.roster());

  app.get('/api/talent/committee', {
    config: { access: readBy(DIRECTORY) },
    schema: { tags, summary: '专家委员会（按职务的现任委员与全部任期）The committee: current members by role and every term', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.committee(req.ctx));

  app.post('/api/talent/committee/members', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '聘任委员（任期不得与本人其他任期重叠；同一时期一位主任委员）Appoint a member for a term', body: Type.Object({ expertId: Uuid, role: Role, termStart: IsoDateString, termEnd: IsoDateString }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await c.addMember(req.ctx, req.body as never)));

  app.patch('/api/talent/committee/members/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '更正任期（职务、起止日期）Correct a term: role or dates', params: IdParams, body: Type.Object({ role: Type.Optional(Role), termStart: Type.Optional(IsoDateString), termEnd: Type.Optional(IsoDateString) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => c.updateMember(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/talent/committee/members/:id/renew', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '续聘（新任期自上一任期结束次日起，原任期保留）Renew: the next term starts the day after this one ends; the past term stays on record', params: IdParams, body: Type.Object({ termEnd: IsoDateString, role: Type.Optional(Role) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await c.renew(req.ctx, (req.params as Id).id, req.body as never)));

  app.get('/api/talent/committee/consultations', {
    config: { access: readBy(DIRECTORY) },
    schema: { tags, summary: '咨询记录（决策咨询、项目咨询）Consultation records', querystring: Type.Object({ kind: Type.Optional(Kind), taskNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 26 })), expertId: Type.Optional(Uuid), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => c.consultations(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.post('/api/talent/committee/consultations', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '记录一次咨询（事项、日期、参加专家、咨询意见，可关联行动计划任务）Record a consultation',
      body: Type.Object({ kind: Kind, subjectZh: Type.String({ maxLength: 300 }), heldOn: IsoDateString, adviceZh: Type.String({ maxLength: 20000 }), taskNo: Type.Optional(Nullable(Type.Integer())), expertIds: Type.Array(Uuid, { maxItems: 100 }) }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await c.recordConsultation(req.ctx, req.body as never)));
}
