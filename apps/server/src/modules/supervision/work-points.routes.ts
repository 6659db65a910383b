import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { oneUploadedFile } from '../../platform/files/files.js';
import type { WorkPointsService } from './work-points.service.js';
import type { WorkPointFilter } from './work-points.store.js';
import { AnyObject, importResult, IsoDateString, PaceCurveSchema, ListOf, Open, page, Paging, PARTICIPANTS, readBy, sendXlsx, TASK_FORCE } from './http.js';

const Str = Type.String();
const Reason = Type.Object({ zh: Str, en: Str });
export const WorkPoint = Open({
  id: Str, code: Str, taskNo: Type.Integer(), year: Type.Integer(), kind: Str, titleZh: Str, deliverableZh: Str, ownerOrganisationId: Str,
  dueOn: Str, frequency: Str, progressPct: Type.Number(), colour: Type.Optional(Str), reasons: Type.Optional(Type.Array(Reason)),
}, '年度工作要点 Annual work point');

const Input = {
  taskNo: Type.Integer({ minimum: 1, maximum: 99 }), year: Type.Integer(), kind: Type.Optional(Type.Union([Type.Literal('work'), Type.Literal('project')])),
  titleZh: Type.String({ maxLength: 200 }), deliverableZh: Type.String({ maxLength: 500 }), ownerOrganisationId: Uuid,
  districtCode: Type.Optional(Nullable(Str)), investmentYiYuan: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
  startsOn: Type.Optional(Nullable(IsoDateString)), dueOn: IsoDateString, frequency: Type.Union([Type.Literal('monthly'), Type.Literal('quarterly')]),
  indicatorCode: Type.Optional(Nullable(Str)), weight: Type.Optional(Type.Number()), paceCurve: Type.Optional(Nullable(PaceCurveSchema)),
};
const Filter = Type.Object({
  taskNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })), year: Type.Optional(Type.Integer()), ownerId: Type.Optional(Uuid),
  districtCode: Type.Optional(Str), kind: Type.Optional(Str), q: Type.Optional(Type.String({ maxLength: 100 })),
  colour: Type.Optional(Type.Union(['red', 'yellow', 'blue', 'green', 'closed'].map((c) => Type.Literal(c)))), indicatorCode: Type.Optional(Str), ...Paging,
});

/** Work points, task assignments and the year plan. */
export async function workPointRoutes(app: FastifyInstance, { workPoints }: { workPoints: WorkPointsService }) {
  const tags = ['supervision'];

  app.get('/api/assignments', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '任务分工 Lead units, co-units and districts of each task', querystring: Type.Object({ taskNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })) }), response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => workPoints.assignments((req.query as { taskNo?: number }).taskNo));

  app.put('/api/assignments/:taskNo', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '调整任务分工 Set who owns a task', params: Type.Object({ taskNo: Type.Integer({ minimum: 1, maximum: 99 }) }),
      body: Type.Object({ leadIds: Type.Array(Uuid), coIds: Type.Array(Uuid), districtIds: Type.Array(Uuid), weight: Type.Optional(Type.Number()) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => workPoints.assign(req.ctx, (req.params as { taskNo: number }).taskNo, req.body as never));

  app.get('/api/work-points', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '年度工作要点 Work points, with status (filter, search, page)', querystring: Filter, response: { 200: ListOf(WorkPoint), ...errorResponses } },
  }, (req) => { const q = req.query as WorkPointFilter & { limit?: number; offset?: number }; return workPoints.list(req.ctx, q, page(q)); });

  app.get('/api/work-points/export.xlsx', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '导出工作要点 Export work points (Excel)', querystring: Filter },
  }, async (req, reply) => sendXlsx(reply, await workPoints.exportXlsx(req.ctx, req.query as never), '年度工作要点.xlsx'));

  app.get('/api/work-points/template.xlsx', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '工作要点导入模板 Import template (Excel)' },
  }, async (_req, reply) => sendXlsx(reply, await workPoints.template(), '年度工作要点-导入模板.xlsx'));

  app.post('/api/work-points/import', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '导入工作要点 Import work points (Excel; all rows or none)', consumes: ['multipart/form-data'], response: { 200: AnyObject, ...errorResponses } },
  }, async (req) => importResult(await workPoints.importXlsx(req.ctx, (await oneUploadedFile(req)).content)));

  app.get('/api/work-points/:id', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '工作要点详情 One work point with its reporting periods', params: IdParams, response: { 200: WorkPoint, ...errorResponses } },
  }, (req) => workPoints.get(req.ctx, (req.params as { id: string }).id));

  app.post('/api/work-points', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '新增工作要点 Add a work point', body: Type.Object(Input), response: { 201: WorkPoint, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await workPoints.create(req.ctx, req.body as never)));

  app.patch('/api/work-points/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '修改工作要点 Change a work point', params: IdParams, body: Type.Partial(Type.Object(Input)), response: { 200: WorkPoint, ...errorResponses } },
  }, (req) => workPoints.update(req.ctx, (req.params as { id: string }).id, req.body as never));

  const Year = Type.Object({ year: Type.Integer({ minimum: 2024, maximum: 2027 }) });
  app.get('/api/year-plan', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '分年度推进计划和项目安排清单 The year plan and project schedule', querystring: Year, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => workPoints.yearPlan(req.ctx, (req.query as { year: number }).year));

  app.get('/api/year-plan/export.xlsx', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '导出年度推进计划 Export the year plan (Excel)', querystring: Year },
  }, async (req, reply) => {
    const { year } = req.query as { year: number };
    return sendXlsx(reply, await workPoints.exportXlsx(req.ctx, { year }, `${year}年推进计划和项目安排`), `${year}年分年度推进计划和项目安排清单.xlsx`);
  });
}
