import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import { FACTORY_READERS, OPERATORS, readBy } from './http.js';
import type { FactoryServices } from './index.js';
import { ALARM_STATES, STATISTICS } from './model/monitoring-labels.js';

const Literals = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)));
const AlarmFilter = {
  state: Type.Optional(Literals(Object.keys(ALARM_STATES))), factoryId: Type.Optional(Uuid), statistic: Type.Optional(Literals(Object.keys(STATISTICS))),
  batchId: Type.Optional(Uuid), q: Type.Optional(Type.String({ maxLength: 100 })),
};
const NoteBody = (description: string) => Type.Object({ noteZh: Type.Optional(Nullable(Type.String({ maxLength: 4000, description }))) }, { additionalProperties: false });
type Id = { id: string };

/** Alarms: list and export, one alarm, acknowledge, notes, close. */
export async function alarmRoutes(app: FastifyInstance, s: FactoryServices) {
  const tags = ['factory'];

  app.get('/api/factory/alarms', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '过程监控报警（按状态、工厂、统计量筛选）Process alarms, filtered by state, factory and statistic', querystring: Type.Object({ ...AlarmFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.alarms.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/factory/alarms/export.xlsx', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '导出报警（按筛选条件，Excel）Export the alarms as filtered (Excel)', querystring: Type.Object(AlarmFilter) },
  }, async (req, reply) => {
    const { buffer, fileName } = await s.alarms.exportXlsx(req.ctx, req.query as never);
    return sendXlsx(reply, buffer, fileName);
  });

  app.get('/api/factory/alarms/:id', {
    config: { access: readBy(FACTORY_READERS) },
    schema: { tags, summary: '报警详情：贡献变量与说明 One alarm with its contributions and notes', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.alarms.get(req.ctx, (req.params as Id).id));

  app.post('/api/factory/alarms/:id/acknowledge', {
    config: { access: { allow: OPERATORS } },
    schema: { tags, summary: '确认报警（须填写说明）Acknowledge an alarm (with a note)', params: IdParams, body: NoteBody('确认说明 What was found or done'), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.alarms.acknowledge(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/factory/alarms/:id/notes', {
    config: { access: { allow: FACTORY_READERS } },
    schema: { tags, summary: '为报警添加说明 Add a note to an alarm', params: IdParams, body: NoteBody('说明 Note'), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.alarms.addNote(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/factory/alarms/:id/close', {
    config: { access: { allow: OPERATORS } },
    schema: { tags, summary: '关闭报警 Close an alarm', params: IdParams, body: NoteBody('关闭说明（可选）Closing note (optional)'), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.alarms.close(req.ctx, (req.params as Id).id, req.body as never));
}
