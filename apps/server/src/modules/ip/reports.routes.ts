import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging } from '../supervision/http.js';
import type { IpServices } from './index.js';
import { REPORT_HANDLERS, SIGNED_IN, SIGNED_IN_READ } from './http.js';
import { REPORT_STATUSES } from './model/labels.js';

const Str = (max = 200) => Type.String({ maxLength: max });
type Id = { id: string };

/** Infringement reports: reporting, the centre's handling queue and status changes, each report's history and evidence. */
export async function reportRoutes(app: FastifyInstance, s: IpServices) {
  const tags = ['ip'];
  const x = s.reports;
  const base = '/api/ip/reports';

  app.get(base, {
    config: { access: SIGNED_IN_READ },
    schema: { tags, summary: '侵权举报（运营中心与工作专班：全部；举报人：本人的；权利人：涉及本机构权利的）Infringement reports: all for the centre and the task force, one\'s own for a reporter, those about its rights for a holder', querystring: Type.Object({ status: Type.Optional(Str(100)), ipRightId: Type.Optional(Uuid), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => x.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get(`${base}/:id`, {
    config: { access: SIGNED_IN_READ },
    schema: { tags, summary: '侵权举报详情与处理记录 One infringement report with its history', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => x.get(req.ctx, (req.params as Id).id));

  app.get(`${base}/:id/files/:fileId`, {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '下载举报证据 Download a report\'s evidence file', params: Type.Object({ id: Uuid, fileId: Uuid }) },
  }, async (req, reply) => {
    const p = req.params as { id: string; fileId: string };
    const f = await x.file(req.ctx, p.id, p.fileId);
    return reply.header('content-type', f.mime).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
      .header('x-content-type-options', 'nosniff').send(Buffer.from(f.content));
  });

  app.post(base, {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '举报侵权（转知识产权运营中心受理）Report an infringement; it goes to the IP operations centre', body: Type.Object({ ipRightId: Uuid, infringerZh: Str(300), descriptionZh: Str(8000), fileIds: Type.Optional(Type.Array(Uuid, { maxItems: 20 })) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await x.create(req.ctx, req.body as never)));

  app.post(`${base}/:id/move`, {
    config: { access: { allow: REPORT_HANDLERS } },
    schema: { tags, summary: '处理侵权举报：已受理 → 调查中 → 已处理，或不予受理（须说明理由）Move a report: received → investigating → resolved, or dismissed with the reason', params: IdParams, body: Type.Object({ to: Type.Union(Object.keys(REPORT_STATUSES).map((k) => Type.Literal(k))), noteZh: Type.Optional(Nullable(Str(4000))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => x.move(req.ctx, (req.params as Id).id, req.body as never));
}
