import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Paging, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { BASE_KEEPERS, OVERSEERS, PARTIES, PUBLIC, readBy } from './http.js';
import { BOOKING_STATES } from './model/labels.js';

const Instant = Type.String({ maxLength: 40, description: '带时区的 ISO 时间，如 2026-03-10T09:00:00+08:00' });
const WindowQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 40, description: '日期 YYYY-MM-DD（重庆时间零点）或带时区的 ISO 时间' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: '不含；日期 YYYY-MM-DD 或带时区的 ISO 时间' })),
});
const Closed = <P extends Parameters<typeof Type.Object>[0]>(p: P) => Type.Object(p, { additionalProperties: false });
/** Who reads utilisation: a base's keepers (their own), and the overseers. */
const UTILISATION_READERS = [...new Set([...BASE_KEEPERS, ...OVERSEERS])];
type Id = { id: string };

/** Equipment calendars and bookings: request, approve or reject, cancel, check in, record usage; utilisation. */
export async function bookingRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];

  app.get('/api/pilot/equipment/:id/bookings', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '设备日历：公开显示已占用时段；预约人与本基地可见预约人和用途 An item\'s calendar (busy slots; who and why for the requester and the base)',
      params: IdParams, querystring: WindowQuery, response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.bookings.calendar(req.ctx, (req.params as Id).id, req.query as never));

  app.post('/api/pilot/equipment/:id/bookings', {
    config: { access: { allow: PARTIES } },
    schema: {
      tags, summary: '预约设备时段 [from, to)，按用户类别计价 Request a slot, priced by user category', params: IdParams,
      body: Closed({ from: Instant, to: Instant, purposeZh: Type.String({ maxLength: 1000 }) }), response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.bookings.request(req.ctx, (req.params as Id).id, req.body as never)));

  app.get('/api/pilot/bookings', {
    config: { access: { allow: PARTIES } },
    schema: {
      tags, summary: '设备预约：本人及本机构的，本基地的（专班见全部）Bookings the caller may see',
      querystring: Type.Object({
        state: Type.Optional(Type.Union(Object.keys(BOOKING_STATES).map((k) => Type.Literal(k)))), equipmentId: Type.Optional(Uuid), baseId: Type.Optional(Uuid),
        mine: Type.Optional(Type.Boolean()), ...Paging,
      }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => s.bookings.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/pilot/bookings/:id', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '预约详情 One booking', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bookings.get(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/bookings/:id/approve', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '基地批准预约 The base approves', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bookings.approve(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/bookings/:id/reject', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '基地驳回预约（须说明理由）The base rejects, with a reason', params: IdParams, body: Closed({ reason: Type.String({ maxLength: 1000 }) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bookings.reject(req.ctx, (req.params as Id).id, (req.body as { reason: string }).reason));

  app.post('/api/pilot/bookings/:id/cancel', {
    config: { access: { allow: PARTIES } },
    schema: { tags, summary: '签到前取消预约（预约人或基地）Cancel before check-in', params: IdParams, body: Closed({ reason: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bookings.cancel(req.ctx, (req.params as Id).id, (req.body as { reason?: string | null }).reason));

  app.post('/api/pilot/bookings/:id/check-in', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '签到使用 Check the user in', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bookings.checkIn(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/bookings/:id/usage', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: {
      tags, summary: '记录使用时长与情况，预约完成 Record the hours used; the booking is complete', params: IdParams,
      body: Closed({ usageHours: Type.Number({ minimum: 0, maximum: 10_000 }), noteZh: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.bookings.recordUsage(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/pilot/bases/:id/utilisation', {
    config: { access: readBy(UTILISATION_READERS) },
    schema: {
      tags, summary: '基地设备利用率：各设备可用、已约、待批、已用小时 Equipment utilisation of a base',
      params: IdParams, querystring: WindowQuery, response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.bookings.baseUtilisation(req.ctx, (req.params as Id).id, req.query as never));

  app.get('/api/pilot/utilisation', {
    config: { access: readBy(UTILISATION_READERS) },
    schema: { tags, summary: '各基地设备利用率 Equipment utilisation per base', querystring: WindowQuery, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bookings.utilisation(req.ctx, req.query as never));
}
