import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { LeadsService } from './leads.service.js';
import type { IndustryExcelService } from './excel.service.js';
import { LEAD_STAGES } from './model/leads.js';
import { MANAGERS, PUBLIC, readBy, TASK_FORCE } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Amount = Type.Optional(Nullable(Type.Number({ minimum: 0 })));
const Stage = Type.Union(LEAD_STAGES.map((s) => Type.Literal(s)));
const LeadFields = {
  targetNameZh: Str(), targetCreditCode: Type.Optional(Nullable(Str(30))), chainNodeCode: Type.Optional(Nullable(Str(60))), ownerDistrictCode: Type.Optional(Str(6)),
  coordinatorUserId: Type.Optional(Nullable(Uuid)), expectedRevenueWan: Amount, contractedWan: Amount, arrivedWan: Amount,
  nextActionZh: Type.Optional(Nullable(Str(500))), nextActionOn: Type.Optional(Nullable(IsoDateString)), eventId: Type.Optional(Nullable(Uuid)), enterpriseId: Type.Optional(Nullable(Uuid)),
};
type Id = { id: string };

/** Investment leads (招商): pipeline, stages, follow-ups, overlaps and the coordinator's decision, clocks, events. */
export async function leadRoutes(app: FastifyInstance, s: { leads: LeadsService; excel: IndustryExcelService }) {
  const tags = ['industry'];

  app.get('/api/industry/leads', {
    config: { access: readBy(MANAGERS) },
    schema: { tags, summary: '招商线索（区县见本区县，专班见全部）Leads', querystring: Type.Object({ stage: Type.Optional(Stage), status: Type.Optional(Str(20)), districtCode: Type.Optional(Str(6)), q: Type.Optional(Str(100)), nodeCode: Type.Optional(Str(60)), clock: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('due'), Type.Literal('overdue')])), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.leads.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/industry/leads/pipeline', {
    config: { access: readBy(MANAGERS) },
    schema: { tags, summary: '招商漏斗：各阶段数量，签约项目按企业只计一次 Pipeline counts (a signed project counts once)', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.leads.pipeline(req.ctx));

  app.get('/api/industry/leads/overlaps', {
    config: { access: readBy(MANAGERS) },
    schema: { tags, summary: '多个区县同时跟进的企业 Companies chased by more than one district', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.leads.overlaps(req.ctx));

  app.post('/api/industry/leads/overlaps/decide', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '联合协同招商：市级协调确定主办线索 The coordinator decides who leads', body: Type.Object({ targetKey: Str(300), primaryLeadId: Uuid, mode: Type.Union([Type.Literal('joint'), Type.Literal('withdraw')]), noteZh: Type.Optional(Nullable(Str(1000))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.leads.decide(req.ctx, req.body as never));

  app.get('/api/industry/leads/clocks', {
    config: { access: readBy(MANAGERS) },
    schema: { tags, summary: '各阶段响应时限 Response clocks per stage', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, () => s.leads.clocks());

  app.put('/api/industry/leads/clocks', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '设置响应时限（天）Set response clocks (days)', body: Type.Record(Type.String(), Type.Integer()), response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.leads.setClocks(req.ctx, req.body as Record<string, number>));

  app.get('/api/industry/leads/export.xlsx', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '导出招商线索 Export leads (Excel)' },
  }, async (req, reply) => sendXlsx(reply, await s.excel.exportLeads(req.ctx), '招商线索.xlsx'));

  app.get('/api/industry/leads/:id', {
    config: { access: readBy(MANAGERS) },
    schema: { tags, summary: '线索详情：跟进记录、重叠情况、时钟 One lead', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.leads.get(req.ctx, (req.params as Id).id));

  app.post('/api/industry/leads', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '登记招商线索 Record a lead', body: Type.Object(LeadFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.leads.create(req.ctx, req.body as never)));

  app.patch('/api/industry/leads/:id', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '修改线索 Edit a lead', params: IdParams, body: Type.Partial(Type.Object(LeadFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.leads.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/industry/leads/:id/stage', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '推进阶段 Move a lead forward', params: IdParams, body: Type.Object({ stage: Stage, contractedWan: Amount, arrivedWan: Amount, noteZh: Type.Optional(Nullable(Str(1000))), enterpriseId: Type.Optional(Nullable(Uuid)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.leads.moveStage(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/industry/leads/:id/activities', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '记录跟进 Record a follow-up', params: IdParams, body: Type.Object({ textZh: Str(2000), nextActionZh: Type.Optional(Nullable(Str(500))), nextActionOn: Type.Optional(Nullable(IsoDateString)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.leads.addActivity(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/industry/leads/:id/close', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '关闭线索 Close a lead with a reason', params: IdParams, body: Type.Object({ reason: Str(1000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.leads.close(req.ctx, (req.params as Id).id, (req.body as { reason: string }).reason));

  app.get('/api/industry/events', {
    config: { access: PUBLIC },
    schema: { tags, summary: '招商推介活动 Promotion events', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.leads.events(req.ctx));

  app.post('/api/industry/events', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '新增招商推介活动 Add an event', body: Type.Object({ nameZh: Str(), heldOn: Type.Optional(Nullable(IsoDateString)), placeZh: Type.Optional(Nullable(Str())), organiserZh: Type.Optional(Nullable(Str())) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.leads.addEvent(req.ctx, req.body as never)));
}
