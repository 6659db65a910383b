import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import type { MajorListsService } from './major-lists.service.js';
import { AnyObject, readBy, sendXlsx, TASK_FORCE } from './http.js';

const Kind = Type.Union(['project', 'policy', 'reform', 'platform'].map((k) => Type.Literal(k)));
const Edition = Type.Object({ kind: Kind, no: Type.Integer({ minimum: 1 }) });
const Diff = Type.Object({ from: Type.Integer({ minimum: 1 }), to: Type.Integer({ minimum: 1 }) });
const Item = {
  nameZh: Type.String({ maxLength: 200 }), ownerOrganisationId: Type.Optional(Nullable(Uuid)), taskNo: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 99 }))),
  districtCode: Type.Optional(Nullable(Type.String())), amountYiYuan: Type.Optional(Nullable(Type.Number({ minimum: 0 }))),
  startYear: Type.Optional(Nullable(Type.Integer({ minimum: 2000, maximum: 2100 }))), endYear: Type.Optional(Nullable(Type.Integer({ minimum: 2000, maximum: 2100 }))),
  progressZh: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))), noteZh: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
};
type E = { kind: string; no: number };

/** The four major lists in editions. Everyone signed in reads published editions; the task force edits drafts. */
export async function majorListRoutes(app: FastifyInstance, { majorLists }: { majorLists: MajorListsService }) {
  const tags = ['supervision'];
  const read = readBy(['admin', 'taskforce', 'unit', 'district', 'enterprise', 'institute', 'pilotBase', 'curator', 'expert']);

  app.get('/api/major-lists', {
    config: { access: read },
    schema: { tags, summary: '四张重大清单 The four major lists and their editions', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => majorLists.overview(req.ctx));

  app.get('/api/major-lists/:kind/editions/:no', {
    config: { access: read },
    schema: { tags, summary: '清单某版 One edition with its items', params: Edition, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const p = req.params as E; return majorLists.edition(req.ctx, p.kind, p.no); });

  app.get('/api/major-lists/:kind/editions/:no/export.xlsx', {
    config: { access: { allow: read.allow } },
    schema: { tags, summary: '导出清单 Export an edition (Excel)', params: Edition },
  }, async (req, reply) => { const p = req.params as E; return sendXlsx(reply, await majorLists.editionXlsx(req.ctx, p.kind, p.no), `重大清单-${p.kind}-第${p.no}版.xlsx`); });

  app.get('/api/major-lists/:kind/diff', {
    config: { access: read },
    schema: { tags, summary: '版本对比 What changed between two editions', params: Type.Object({ kind: Kind }), querystring: Diff, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const q = req.query as { from: number; to: number }; return majorLists.diff(req.ctx, (req.params as E).kind, q.from, q.to); });

  app.get('/api/major-lists/:kind/diff.xlsx', {
    config: { access: { allow: read.allow } },
    schema: { tags, summary: '导出版本对比 Export the difference (Excel)', params: Type.Object({ kind: Kind }), querystring: Diff },
  }, async (req, reply) => { const q = req.query as { from: number; to: number }; const k = (req.params as E).kind; return sendXlsx(reply, await majorLists.diffXlsx(req.ctx, k, q.from, q.to), `重大清单-${k}-第${q.from}版与第${q.to}版对比.xlsx`); });

  app.post('/api/major-lists/:kind/editions', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '新建版本（沿用上一版）Start a new edition as a copy of the last', params: Type.Object({ kind: Kind }), body: Type.Object({ titleZh: Type.Optional(Type.String({ maxLength: 200 })), noteZh: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await majorLists.newEdition(req.ctx, (req.params as E).kind, req.body as never)));

  app.post('/api/major-lists/:kind/editions/:no/items', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '新增事项 Add an item to a draft edition', params: Edition, body: Type.Object({ itemKey: Type.Optional(Type.String({ maxLength: 20 })), ...Item }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => { const p = req.params as E; return reply.status(201).send(await majorLists.addItem(req.ctx, p.kind, p.no, req.body as never)); });

  app.post('/api/major-lists/:kind/editions/:no/publish', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '发布版本 Publish a draft edition', params: Edition, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const p = req.params as E; return majorLists.publish(req.ctx, p.kind, p.no); });

  app.patch('/api/major-list-items/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '修改事项 Change an item of a draft edition', params: IdParams, body: Type.Partial(Type.Object(Item)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => majorLists.updateItem(req.ctx, (req.params as { id: string }).id, req.body as never));

  app.delete('/api/major-list-items/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '移出事项 Remove an item from a draft edition', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => majorLists.removeItem(req.ctx, (req.params as { id: string }).id));
}
