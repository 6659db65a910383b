import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses } from '../../platform/http/schemas.js';
import type { StatusService } from './status.service.js';
import type { RemindersService } from './reminders.service.js';
import type { NotificationsService } from './notifications.js';
import type { SupervisionTaskView } from './task-view.js';
import { AnyObject, IsoDateString, Paging, page, PARTICIPANTS, readBy, TASK_FORCE } from './http.js';

/** The cockpit's figures, the calendar, the inbox, settings and the reminder pass. */
export async function statusRoutes(app: FastifyInstance, deps: { status: StatusService; reminders: RemindersService; notifications: NotificationsService; taskView: SupervisionTaskView }) {
  const { status } = deps;
  const tags = ['supervision'];

  app.get('/api/supervision/rollup', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '督办总览 Colours and progress rolled up to tasks and actions', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2024, maximum: 2027 })) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => status.rollup(req.ctx, req.query as never));

  app.get('/api/supervision/units', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '按单位、按行动的按时报送率 On-time rates by unit and by action', querystring: Type.Object({ quarter: Type.Optional(Type.String({ maxLength: 7 })) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => status.units(req.ctx, req.query as never));

  app.get('/api/supervision/calendar', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '时限日历 Deadlines between two dates', querystring: Type.Object({ from: IsoDateString, to: IsoDateString }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => status.calendar(req.ctx, req.query as never));

  app.get('/api/supervision/inbox', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '待办 What the caller\'s organisation owes, or what awaits the task force', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => status.inbox(req.ctx));

  app.get('/api/supervision/tasks/:no', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '任务督办 A task\'s owners, work points, reports, indicators and inspections', params: Type.Object({ no: Type.Integer({ minimum: 1, maximum: 99 }) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deps.taskView(req.ctx, (req.params as { no: number }).no));

  app.get('/api/supervision/settings', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '督办设置 Supervision settings', response: { 200: AnyObject, ...errorResponses } },
  }, () => status.settings());

  app.patch('/api/supervision/settings', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '修改督办设置 Change supervision settings',
      body: Type.Object({ nearDays: Type.Optional(Type.Integer()), reminderDaysBefore: Type.Optional(Type.Integer()), paceTolerancePct: Type.Optional(Type.Number()) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => status.updateSettings(req.ctx, req.body as never));

  app.post('/api/supervision/reminders/run', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '立即发送提醒 Run the reminder pass now', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deps.reminders.run(req.ctx));

  app.get('/api/mail-outbox', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '邮件发件箱 Mail sent or recorded', querystring: Type.Object(Paging), response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => deps.notifications.outbox(page(req.query as never)));

  app.get('/api/notifications', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags: ['notifications'], summary: '我的通知 My notifications', querystring: Type.Object({ unread: Type.Optional(Type.Boolean()), ...Paging }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deps.notifications.list(req.ctx, { ...(req.query as { unread?: boolean }), ...page(req.query as never) }));

  app.post('/api/notifications/read-all', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags: ['notifications'], summary: '全部已读 Mark all read', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deps.notifications.markRead(req.ctx, 'all'));

  app.post('/api/notifications/:id/read', {
    config: { access: { allow: 'authenticated' } },
    schema: { tags: ['notifications'], summary: '标为已读 Mark one read', params: Type.Object({ id: Type.String({ format: 'uuid' }) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => deps.notifications.markRead(req.ctx, (req.params as { id: string }).id));
}
