import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Uuid } from '../../platform/http/schemas.js';
import { oneUploadedFile } from '../../platform/files/files.js';
import type { ReportsService } from './reports.service.js';
import type { ReportFilter } from './reports.store.js';
import { AnyObject, importResult, ListOf, Open, OWNERS, page, Paging, PARTICIPANTS, readBy, sendXlsx, TASK_FORCE } from './http.js';

const Str = Type.String();
const Report = Open({ id: Str, workPointId: Str, periodLabel: Str, deadline: Str, state: Str, progressPct: Type.Number() }, '进展报告 Progress report');
const Figure = Type.Object({ nameZh: Type.String({ maxLength: 60 }), value: Type.Number(), unit: Type.Optional(Type.Union([Type.String({ maxLength: 20 }), Type.Null()])) });
const Content = {
  textZh: Type.Optional(Type.String()), progressPct: Type.Optional(Type.Number()), figures: Type.Optional(Type.Array(Figure, { maxItems: 20 })),
  complete: Type.Optional(Type.Boolean()), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 10 })),
};
const Filter = Type.Object({
  workPointId: Type.Optional(Uuid), taskNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })),
  state: Type.Optional(Type.Union(['draft', 'submitted', 'returned', 'accepted'].map((s) => Type.Literal(s)))), ownerId: Type.Optional(Uuid),
  period: Type.Optional(Type.String({ maxLength: 7 })), late: Type.Optional(Type.Boolean()), q: Type.Optional(Type.String({ maxLength: 100 })), ...Paging,
});
type Id = { id: string };

/** Progress reports and their review. */
export async function reportRoutes(app: FastifyInstance, { reports }: { reports: ReportsService }) {
  const tags = ['supervision'];

  app.get('/api/reports', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '进展报告 Progress reports (own, or all for the task force)', querystring: Filter, response: { 200: ListOf(Report), ...errorResponses } },
  }, (req) => { const q = req.query as ReportFilter & { limit?: number; offset?: number }; return reports.list(req.ctx, q, page(q)); });

  app.get('/api/reports/export.xlsx', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '导出进展报告 Export progress reports (Excel)', querystring: Filter },
  }, async (req, reply) => sendXlsx(reply, await reports.exportXlsx(req.ctx, req.query as never), '进展报告.xlsx'));

  app.get('/api/reports/template.xlsx', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '进展报告导入模板 Import template (Excel)' },
  }, async (_req, reply) => sendXlsx(reply, await reports.template(), '进展报告-导入模板.xlsx'));

  app.post('/api/reports/import', {
    config: { access: { allow: OWNERS } },
    schema: { tags, summary: '导入进展报告 Import own reports as drafts (Excel; all rows or none)', consumes: ['multipart/form-data'], response: { 200: AnyObject, ...errorResponses } },
  }, async (req) => importResult(await reports.importXlsx(req.ctx, (await oneUploadedFile(req)).content)));

  app.get('/api/reports/:id', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '进展报告详情 One report with its timeline and the steps the caller may take', params: IdParams, response: { 200: Report, ...errorResponses } },
  }, (req) => reports.get(req.ctx, (req.params as Id).id));

  app.post('/api/reports', {
    config: { access: { allow: OWNERS } },
    schema: { tags, summary: '起草进展报告 Draft a report for a period', body: Type.Object({ workPointId: Uuid, periodLabel: Type.String({ maxLength: 7 }), ...Content }), response: { 201: Report, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await reports.create(req.ctx, req.body as never)));

  app.patch('/api/reports/:id', {
    config: { access: { allow: OWNERS } },
    schema: { tags, summary: '修改进展报告 Edit a draft or returned report', params: IdParams, body: Type.Object(Content), response: { 200: Report, ...errorResponses } },
  }, (req) => reports.edit(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/reports/:id/submit', {
    config: { access: { allow: OWNERS } },
    schema: { tags, summary: '报送 Submit (or resubmit) a report', params: IdParams, response: { 200: Report, ...errorResponses } },
  }, (req) => reports.submit(req.ctx, (req.params as Id).id));

  app.post('/api/reports/:id/return', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '退回 Return a report with comments', params: IdParams, body: Type.Object({ comment: Type.String({ maxLength: 2000 }) }), response: { 200: Report, ...errorResponses } },
  }, (req) => reports.returnReport(req.ctx, (req.params as Id).id, (req.body as { comment: string }).comment));

  app.post('/api/reports/:id/accept', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '审核通过 Accept a report', params: IdParams, body: Type.Object({ comment: Type.Optional(Type.String({ maxLength: 2000 })) }), response: { 200: Report, ...errorResponses } },
  }, (req) => reports.accept(req.ctx, (req.params as Id).id, (req.body as { comment?: string }).comment ?? null));
}
