import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import type { InspectionsService } from './inspections.service.js';
import { AnyObject, IsoDateString, ListOf, OWNERS, page, Paging, PARTICIPANTS, readBy, sendXlsx, TASK_FORCE } from './http.js';

const Scope = Type.Object({ taskNos: Type.Array(Type.Integer()), organisationIds: Type.Array(Uuid), districtCodes: Type.Array(Type.String()) });
const Input = {
  kind: Type.Union([Type.Literal('scheduled'), Type.Literal('special')]), titleZh: Type.String({ maxLength: 200 }), plannedOn: IsoDateString,
  scope: Scope, findingsZh: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))),
};
type Id = { id: string };
const Filter = { status: Type.Optional(Type.String()), kind: Type.Optional(Type.String()), taskNo: Type.Optional(Type.Integer({ minimum: 1, maximum: 99 })), q: Type.Optional(Type.String({ maxLength: 100 })) };

/** Inspections and their rectification items. */
export async function inspectionRoutes(app: FastifyInstance, { inspections }: { inspections: InspectionsService }) {
  const tags = ['supervision'];

  app.get('/api/inspections', {
    config: { access: readBy(PARTICIPANTS) },
    schema: {
      tags, summary: '督查 Inspections (those that involve the caller, or all for the task force)',
      querystring: Type.Object({ ...Filter, ...Paging }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => inspections.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/inspections/export.xlsx', {
    config: { access: { allow: PARTICIPANTS } },
    schema: { tags, summary: '导出督查与整改 Export inspections and rectifications (Excel)', querystring: Type.Object(Filter) },
  }, async (req, reply) => sendXlsx(reply, await inspections.exportXlsx(req.ctx, req.query as never), '督促检查与整改事项.xlsx'));

  app.get('/api/inspections/:id', {
    config: { access: readBy(PARTICIPANTS) },
    schema: { tags, summary: '督查详情 One inspection with its rectifications', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => inspections.get(req.ctx, (req.params as Id).id));

  app.post('/api/inspections', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '安排督查 Schedule an inspection', body: Type.Object(Input), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await inspections.create(req.ctx, req.body as never)));

  app.patch('/api/inspections/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '更新督查（发现问题等）Update an inspection (findings …)', params: IdParams, body: Type.Partial(Type.Object({ ...Input, status: Type.Union([Type.Literal('planned'), Type.Literal('inProgress')]) })), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => inspections.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/inspections/:id/rectifications', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '交办整改事项 Assign a rectification', params: IdParams, body: Type.Object({ descriptionZh: Type.String({ maxLength: 2000 }), ownerOrganisationId: Uuid, dueOn: IsoDateString }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await inspections.addRectification(req.ctx, (req.params as Id).id, req.body as never)));

  app.post('/api/inspections/:id/close', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '结束督查 Close an inspection (all rectifications closed)', params: IdParams, body: Type.Object({ findingsZh: Type.Optional(Nullable(Type.String({ maxLength: 10000 }))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => inspections.close(req.ctx, (req.params as Id).id, (req.body as { findingsZh?: string | null }).findingsZh));

  app.post('/api/rectifications/:id/evidence', {
    config: { access: { allow: OWNERS } },
    schema: { tags, summary: '报送整改情况 The owner reports with evidence', params: IdParams, body: Type.Object({ evidenceZh: Type.String({ maxLength: 5000 }), evidenceFileId: Type.Optional(Nullable(Uuid)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => inspections.respond(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/rectifications/:id/close', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '整改销号 Accept the evidence and close', params: IdParams, body: Type.Object({ comment: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => inspections.review(req.ctx, (req.params as Id).id, 'close', (req.body as { comment?: string | null }).comment ?? null));

  app.post('/api/rectifications/:id/reopen', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '退回整改 Send a rectification back with a comment', params: IdParams, body: Type.Object({ comment: Type.String({ maxLength: 2000 }) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => inspections.review(req.ctx, (req.params as Id).id, 'reopen', (req.body as { comment: string }).comment));
}
