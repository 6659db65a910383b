import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { PARTIES, PUBLIC, TASK_FORCE } from './http.js';
import { RESPONSE_OUTCOMES, RESPONSE_STAGES } from './model/labels.js';
import { START_STAGES } from './model/projects.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Literals = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const Kind = Literals(['demand', 'achievement']);
const Filters = { stage: Type.Optional(Literals(Object.keys(RESPONSE_STAGES))), targetKind: Type.Optional(Kind), ...Paging };
const Reason = Type.Object({ reason: Str(1000) });
type Id = { id: string };

/**
 * Responses between the parties, their thread, and the public funnel. Every response route is
 * for the parties (and the task force); the service answers 404 to anyone not one of the two
 * organisations, so a response's existence does not leak.
 */
export async function responseRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];

  app.get('/api/pilot/funnel', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '对接漏斗：发布、响应、洽谈、签约、完成数及匹配率（公开，仅数量）Funnel counts and matching rate (public, counts only)',
      querystring: Type.Object({ list: Literals(['demands', 'achievements']), editionId: Type.Optional(Uuid) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.responses.funnel(req.ctx, req.query as never));

  app.post('/api/pilot/responses', {
    config: { access: { allow: PARTIES } },
    schema: {
      tags, summary: '响应已发布的生产需求或成果（代表本机构）Respond to a published demand or achievement',
      body: Type.Object({ targetKind: Kind, itemId: Uuid, messageZh: Str(4000), achievementId: Opt(Uuid), platformId: Opt(Uuid) }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.responses.respond(req.ctx, req.body as never)));

  app.get('/api/pilot/responses', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '全部响应（工作专班）All responses (task force)', querystring: Type.Object(Filters), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.responses.all(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/pilot/responses/mine', {
    config: { access: { allow: PARTIES } },
    schema: {
      tags, summary: '本机构的响应（作为发布方或响应方）My organisation\'s responses',
      querystring: Type.Object({ as: Type.Optional(Literals(['owner', 'responder'])), ...Filters }), response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => s.responses.mine(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/pilot/responses/items/:kind/:id', {
    config: { access: { allow: PARTIES } },
    schema: {
      tags, summary: '某条目收到的响应（发布方见全部，响应方见本方）Responses to one item',
      params: Type.Object({ kind: Kind, id: Uuid }), response: { 200: Type.Array(AnyObject), ...errorResponses },
    },
  }, (req) => { const p = req.params as { kind: 'demand' | 'achievement'; id: string }; return s.responses.forItem(req.ctx, p.kind, p.id); });

  app.get('/api/pilot/responses/:id', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '响应详情（仅双方与专班）One response (the two parties and the task force)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.responses.get(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/responses/:id/accept', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '发布方接受响应，进入洽谈并向响应方开放详情 The owner accepts: negotiation opens', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.responses.accept(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/responses/:id/decline', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '发布方谢绝响应（须说明理由）The owner declines, with a reason', params: IdParams, body: Reason, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.responses.decline(req.ctx, (req.params as Id).id, (req.body as { reason: string }).reason));

  app.post('/api/pilot/responses/:id/stage', {
    config: { access: { allow: PARTIES } },
    schema: {
      tags, summary: '推进：签约，或完成并写明结果 Move on: signed, or done with an outcome', params: IdParams,
      body: Type.Object({
        stage: Literals(['signed', 'done']), contractWan: Opt(Type.Number({ minimum: 0 })), outcome: Type.Optional(Literals(Object.keys(RESPONSE_OUTCOMES))),
        outcomeNoteZh: Opt(Str(2000)), projectNameZh: Opt(Str()), projectStage: Type.Optional(Literals(START_STAGES)),
      }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.responses.move(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/pilot/responses/:id/close', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '关闭响应（任一方，须说明理由）Close a response, with a reason', params: IdParams, body: Reason, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.responses.close(req.ctx, (req.params as Id).id, (req.body as { reason: string }).reason));

  app.get('/api/pilot/responses/:id/messages', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '洽谈留言（仅双方与专班）The conversation thread', params: IdParams, response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.responses.messages(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/responses/:id/messages', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '留言 Write in the thread', params: IdParams, body: Type.Object({ textZh: Str(4000) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.responses.postMessage(req.ctx, (req.params as Id).id, (req.body as { textZh: string }).textZh)));
}
