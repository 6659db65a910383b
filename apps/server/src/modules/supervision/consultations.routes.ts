import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable } from '../../platform/http/schemas.js';
import type { ConsultationsService } from './consultations.service.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, SCOPE, sendXlsx, TASK_FORCE } from './http.js';

type Id = { id: string };
const Short = (max: number) => Type.Optional(Nullable(Type.String({ maxLength: max })));

/** Public consultations: anyone reads and comments within the window; the task force answers. */
export async function consultationRoutes(app: FastifyInstance, { consultations }: { consultations: ConsultationsService }) {
  const tags = ['consultation'];
  const open = { allow: 'public' as const, scope: SCOPE };

  app.get('/api/consultations', {
    config: { access: open },
    schema: { tags, summary: '征求意见 Consultations', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }), response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => consultations.list(req.ctx, req.query as never));

  app.get('/api/consultations/export.xlsx', {
    config: { access: { allow: 'public' } },
    schema: { tags, summary: '导出征求意见列表 Export the consultations list (Excel)', querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }) },
  }, async (req, reply) => sendXlsx(reply, await consultations.exportXlsx(req.ctx, req.query as never), '征求意见.xlsx'));

  app.get('/api/consultations/:id', {
    config: { access: open },
    schema: { tags, summary: '征求意见稿 One consultation with its draft', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => consultations.get(req.ctx, (req.params as Id).id));

  app.post('/api/consultations', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '起草征求意见 Draft a consultation',
      body: Type.Object({ titleZh: Type.String({ maxLength: 200 }), summaryZh: Short(2000), draftText: Type.String({ maxLength: 200_000 }), opensOn: IsoDateString, closesOn: IsoDateString }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await consultations.create(req.ctx, req.body as never)));

  app.post('/api/consultations/:id/publish', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '发布征求意见 Publish', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => consultations.publish(req.ctx, (req.params as Id).id));

  app.post('/api/consultations/:id/comments', {
    // Anyone may comment: limited per address, and by length (the body limit is checked again in the service).
    config: { access: { allow: 'public' }, rateLimit: { max: 10, timeWindow: '1 minute' } },
    schema: {
      tags, summary: '提交意见 Comment within the window (public, rate-limited)', params: IdParams,
      body: Type.Object({ body: Type.String({ maxLength: 2000 }), authorName: Short(50), organisationName: Short(100), contact: Short(100), sectionRef: Short(100) }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await consultations.comment(req.ctx, (req.params as Id).id, req.body as never)));

  app.get('/api/consultations/:id/comments', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '收到的意见 Comments received', params: IdParams, querystring: Type.Object(Paging), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => consultations.comments(req.ctx, (req.params as Id).id, page(req.query as never)));

  app.post('/api/consultation-comments/:id/answer', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '答复意见 Answer a comment', params: IdParams,
      body: Type.Object({ answerZh: Type.String({ maxLength: 2000 }), disposition: Type.Union(['adopted', 'partlyAdopted', 'notAdopted', 'explained'].map((d) => Type.Literal(d))) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => consultations.answer(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/consultations/:id/feedback.xlsx', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '意见采纳情况汇总表 Feedback report (Excel)', params: IdParams },
  }, async (req, reply) => sendXlsx(reply, await consultations.feedbackXlsx(req.ctx, (req.params as Id).id), '征求意见采纳情况汇总表.xlsx'));
}
