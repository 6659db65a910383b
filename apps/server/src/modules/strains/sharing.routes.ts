import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging } from '../supervision/http.js';
import { CURATORS, readBy, REQUESTERS, SHARING_READERS } from './http.js';
import type { StrainServices } from './index.js';
import { SHARING_STATUS_CODES } from './model/sharing.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Closed = <P extends Parameters<typeof Type.Object>[0]>(p: P) => Type.Object(p, { additionalProperties: false });
type Id = { id: string };

/** Sharing requests: the requester's side (terms, request, receipt, withdrawal) and the curators' and officers' decisions and shipment. */
export async function sharingRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];
  const sharing = s.sharing;

  app.get('/api/sharing-requests', {
    config: { access: readBy(SHARING_READERS) },
    schema: {
      tags, summary: '菌种共享申请（申请单位看本单位的；管理员、生物安全负责人和监管方看全部）Sharing requests: a requester its own, curators, officers and overseers all',
      querystring: Type.Object({
        status: Type.Optional(Type.Union(SHARING_STATUS_CODES.map((c) => Type.Literal(c)))),
        step: Type.Optional(Type.Union(['curator', 'officer', 'shipment', 'receipt'].map((c) => Type.Literal(c)), { description: '待谁处理 Whose step it waits for' })),
        strainId: Type.Optional(Uuid), organisationId: Type.Optional(Uuid), q: Type.Optional(Str(100)), ...Paging,
      }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => sharing.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/sharing-requests/terms', {
    config: { access: readBy(REQUESTERS) },
    schema: {
      tags, summary: '申请前须知：材料转移协议（含菌种附加条件）、本单位实验室及其现行等级、是否需生物安全负责人审批 Before requesting: the MTA with the strain’s conditions, the organisation’s labs and their levels today, whether the officer must approve',
      querystring: Type.Object({ strainId: Uuid, organisationId: Type.Optional(Uuid) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => sharing.terms(req.ctx, req.query as never));

  app.get('/api/sharing-requests/:id', {
    config: { access: readBy(SHARING_READERS) },
    schema: { tags, summary: '共享申请详情（含所接受的协议文本）One sharing request, with the MTA accepted', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => sharing.get(req.ctx, (req.params as Id).id));

  app.post('/api/sharing-requests', {
    config: { access: { allow: REQUESTERS } },
    schema: {
      tags, summary: '申请菌种（须接受材料转移协议；管理员可代为申请）Request a strain, accepting the MTA (a curator may file for an organisation)',
      body: Closed({
        strainId: Uuid, labId: Uuid, purposeZh: Str(2000), vials: Type.Integer(), mtaVersion: Str(40), mtaAccepted: Type.Boolean(),
        organisationId: Type.Optional(Nullable(Uuid)),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await sharing.create(req.ctx, req.body as never)));

  app.post('/api/sharing-requests/:id/approve', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '批准：管理员审核，需要时再由另一位生物安全负责人审批 Approve: the curator, then (when needed) an officer other than that curator', params: IdParams, body: Closed({ noteZh: Type.Optional(Nullable(Str(2000))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => sharing.approve(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/sharing-requests/:id/reject', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '不予批准并说明理由 Reject with the reason', params: IdParams, body: Closed({ reasonZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => sharing.reject(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/sharing-requests/:id/ship', {
    config: { access: { allow: CURATORS } },
    schema: {
      tags, summary: '发运（同一事务内扣减库存）Ship: the stock leaves in the same transaction', params: IdParams,
      body: Closed({ lotId: Uuid, vials: Type.Integer(), carrierZh: Str(100), trackingNo: Str(60), shippedOn: IsoDateString }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => sharing.ship(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/sharing-requests/:id/receive', {
    config: { access: { allow: REQUESTERS } },
    schema: { tags, summary: '确认签收（申请单位）Confirm receipt (the requester)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => sharing.receive(req.ctx, (req.params as Id).id));

  app.post('/api/sharing-requests/:id/withdraw', {
    config: { access: { allow: REQUESTERS } },
    schema: { tags, summary: '发运前撤回申请（申请单位）Withdraw before shipment (the requester)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => sharing.withdraw(req.ctx, (req.params as Id).id));
}
