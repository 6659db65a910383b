import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { HANDLERS, PARTIES, PUBLIC, readBy, TASK_FORCE } from './http.js';
import { SERVICE_CATEGORIES, SERVICE_REQUEST_STATES } from './model/labels.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Literals = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Category = Literals(Object.keys(SERVICE_CATEGORIES));
/** Requesters and handlers read requests; the service shows each its own side. */
export const REQUEST_READERS = [...new Set([...PARTIES, ...HANDLERS])];
type Id = { id: string };

/** One-stop services (一站式服务, 绿色通道): routes, requests and their handling, public statistics. */
export async function oneStopRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];

  app.get('/api/pilot/services/routes', {
    config: { access: PUBLIC },
    schema: { tags, summary: '一站式服务类别、承办机构与办理时限 Service categories, their bodies and days', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, () => s.oneStop.routes());

  app.put('/api/pilot/services/routes/:category', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '调整承办机构或办理时限（工作专班）Change a category\'s body or days', params: Type.Object({ category: Category }),
      body: Type.Object({ organisationId: Type.Optional(Uuid), slaDays: Type.Optional(Type.Integer()) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.oneStop.setRoute(req.ctx, (req.params as { category: string }).category, req.body as never));

  app.get('/api/pilot/services/stats', {
    config: { access: PUBLIC },
    schema: { tags, summary: '一站式服务统计：申请数、办结数、办理用时中位数、按时办结率（公开）Public statistics', response: { 200: AnyObject, ...errorResponses } },
  }, () => s.oneStop.stats());

  app.post('/api/pilot/services/requests', {
    config: { access: { allow: PARTIES } },
    schema: {
      tags, summary: '提交一站式服务申请（可走绿色通道）File a service request',
      body: Type.Object({ category: Category, titleZh: Str(), detailZh: Str(4000), greenChannel: Type.Optional(Type.Boolean()), projectId: Opt(Uuid), districtCode: Opt(Str(6)) }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.oneStop.file(req.ctx, req.body as never)));

  app.get('/api/pilot/services/requests', {
    config: { access: readBy(REQUEST_READERS) },
    schema: {
      tags, summary: '服务申请：申请方见本方，承办单位见待办，专班见全部 Requests: mine, my queue, or all',
      querystring: Type.Object({
        as: Type.Optional(Literals(['requester', 'handler'])), state: Type.Optional(Literals(Object.keys(SERVICE_REQUEST_STATES))), category: Type.Optional(Category),
        clock: Type.Optional(Literals(['ok', 'due', 'overdue', 'met', 'missed'])), ...Paging,
      }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => s.oneStop.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/pilot/services/requests/:id', {
    config: { access: readBy(REQUEST_READERS) },
    schema: { tags, summary: '服务申请详情及办理记录 A request and its events', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.oneStop.get(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/services/requests/:id/accept', {
    config: { access: { allow: HANDLERS } },
    schema: { tags, summary: '受理 Accept a request', params: IdParams, body: Type.Object({ noteZh: Opt(Str(1000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.oneStop.accept(req.ctx, (req.params as Id).id, (req.body as { noteZh?: string | null }).noteZh));

  app.post('/api/pilot/services/requests/:id/finish', {
    config: { access: { allow: HANDLERS } },
    schema: { tags, summary: '办结（写明结果）Finish with an outcome', params: IdParams, body: Type.Object({ outcomeZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.oneStop.finish(req.ctx, (req.params as Id).id, (req.body as { outcomeZh: string }).outcomeZh));

  app.post('/api/pilot/services/requests/:id/reject', {
    config: { access: { allow: HANDLERS } },
    schema: { tags, summary: '不予受理（说明理由）Reject with a reason', params: IdParams, body: Type.Object({ reason: Str(1000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.oneStop.reject(req.ctx, (req.params as Id).id, (req.body as { reason: string }).reason));

  app.post('/api/pilot/services/requests/:id/withdraw', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '撤回申请（办结前）Withdraw a request before it is done', params: IdParams, body: Type.Object({ reason: Opt(Str(1000)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.oneStop.withdraw(req.ctx, (req.params as Id).id, (req.body as { reason?: string | null }).reason));
}
