import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams } from '../../platform/http/schemas.js';
import type { NoticesService } from './notices.service.js';
import { AnyObject, ListOf, page, Paging, SCOPE, sendDocx, sendXlsx, TASK_FORCE } from './http.js';

const Paragraph = Type.Union([Type.String({ maxLength: 5000 }), Type.Object({ heading: Type.String({ maxLength: 200 }), level: Type.Union([Type.Literal(1), Type.Literal(2)]) })]);
type Id = { id: string };

/** Notices: the task force drafts, approves and publishes; published notices are public. */
export async function noticeRoutes(app: FastifyInstance, { notices }: { notices: NoticesService }) {
  const tags = ['supervision'];
  const open = { allow: 'public' as const, scope: SCOPE };

  app.get('/api/notices', {
    config: { access: open },
    schema: { tags, summary: '通报 Notices (published; drafts too for the task force)', querystring: Type.Object({ status: Type.Optional(Type.String()), q: Type.Optional(Type.String({ maxLength: 100 })), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => notices.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/notices/export.xlsx', {
    config: { access: { allow: 'public' } },
    schema: { tags, summary: '导出通报列表 Export the notices list (Excel)', querystring: Type.Object({ status: Type.Optional(Type.String()), q: Type.Optional(Type.String({ maxLength: 100 })) }) },
  }, async (req, reply) => sendXlsx(reply, await notices.exportXlsx(req.ctx, req.query as never), '通报.xlsx'));

  app.get('/api/notices/:id', {
    config: { access: open },
    schema: { tags, summary: '通报详情 One notice', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => notices.get(req.ctx, (req.params as Id).id));

  app.get('/api/notices/:id/docx', {
    config: { access: open },
    schema: { tags, summary: '下载通报（Word）Download as an official document (.docx)', params: IdParams },
  }, async (req, reply) => { const d = await notices.docx(req.ctx, (req.params as Id).id); return sendDocx(reply, d.buffer, d.fileName); });

  app.post('/api/notices', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '依据数据起草通报 Draft a notice from a quarter\'s records',
      body: Type.Object({ kind: Type.Union([Type.Literal('progress'), Type.Literal('commendation'), Type.Literal('criticism')]), quarter: Type.String({ maxLength: 7 }) }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await notices.draft(req.ctx, req.body as never)));

  app.patch('/api/notices/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '修改通报草稿 Edit a draft', params: IdParams,
      body: Type.Object({ titleZh: Type.Optional(Type.String({ maxLength: 200 })), recipientsZh: Type.Optional(Type.String({ maxLength: 200 })), paragraphs: Type.Optional(Type.Array(Paragraph, { maxItems: 200 })) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => notices.edit(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/notices/:id/approve', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '审定通报 Approve a draft', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => notices.approve(req.ctx, (req.params as Id).id));

  app.post('/api/notices/:id/publish', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '发布通报 Publish (numbered, dated, public)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => notices.publish(req.ctx, (req.params as Id).id));
}
