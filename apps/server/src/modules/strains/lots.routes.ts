import type { FastifyInstance } from 'fastify';
import { Type, type TProperties } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import { CURATORS, readBy } from './http.js';
import type { StrainServices } from './index.js';
import { LOCATION_KIND_CODES, LOT_METHOD_CODES, MANUAL_MOVE_KINDS, VIABILITY_METHOD_CODES } from './model/stock.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Closed = <P extends TProperties>(p: P) => Type.Object(p, { additionalProperties: false });
const Patch = <P extends TProperties>(p: P) => Type.Partial(Type.Object(p), { additionalProperties: false, minProperties: 1 });
const codes = (xs: readonly string[]) => ` (${xs.join(' | ')})`;

const LocationFields = {
  code: Str(30), nameZh: Str(), nameEn: Opt(Str()), kind: Type.String({ maxLength: 30, description: `设备类型 Kind${codes(LOCATION_KIND_CODES)}` }),
  temperatureC: Opt(Type.Number()), roomZh: Opt(Str()), status: Type.Optional(Type.Union([Type.Literal('inUse'), Type.Literal('retired')])), noteZh: Opt(Str(2000)),
};
const Place = { locationId: Opt(Uuid), rack: Opt(Str(20)), box: Opt(Str(20)), position: Opt(Str(5)) };
const Settings = {
  alertLevel: Type.Optional(Type.Integer({ description: '预警数量：现存不高于此数即预警 Alert when vials on hand fall to this or below' })),
  viabilityIntervalMonths: Opt(Type.Integer({ description: '活力检测周期（月）Viability test interval in months' })), passage: Opt(Type.Integer()), noteZh: Opt(Str(2000)),
};
const LotFields = {
  strainId: Opt(Uuid), germplasmId: Opt(Uuid), method: Type.String({ maxLength: 30, description: `保藏方式 Method${codes(LOT_METHOD_CODES)}` }),
  preparedOn: IsoDateString, vialsPrepared: Type.Integer(), ...Settings, ...Place,
};
const LotFilter = {
  method: Type.Optional(Str(30)), locationId: Type.Optional(Uuid), status: Type.Optional(Type.Union(['active', 'exhausted', 'discarded'].map((s) => Type.Literal(s)))),
  alert: Type.Optional(Type.Union(['low', 'due', 'overdue', 'failed', 'any'].map((s) => Type.Literal(s)), { description: '预警类型 Alert kind' })),
  strainId: Type.Optional(Uuid), germplasmId: Type.Optional(Uuid), q: Type.Optional(Str(100)), dueWithinDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
};
type Id = { id: string };

/** Storage locations, preservation lots, their moves and viability tests, and the alerts panel: the curators' routes. */
export async function lotsRoutes(app: FastifyInstance, s: StrainServices) {
  const tags = ['strains'];

  app.get('/api/storage-locations', {
    config: { access: readBy(CURATORS) },
    schema: { tags, summary: '保藏设备登记（冰箱、液氮罐、冷库）及在库批次数 The storage location register with active lots', querystring: Type.Object({ status: Type.Optional(Type.Union([Type.Literal('inUse'), Type.Literal('retired')])), kind: Type.Optional(Str(30)) }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.locations.list(req.ctx, req.query as never));

  app.get('/api/storage-locations/:id', {
    config: { access: readBy(CURATORS) },
    schema: { tags, summary: '保藏设备详情：架 → 盒 → 位置及在库批次 One location: racks, boxes and positions with their lots', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.locations.get(req.ctx, (req.params as Id).id));

  app.post('/api/storage-locations', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '登记保藏设备 Register a storage location', body: Closed(LocationFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.locations.create(req.ctx, req.body as never)));

  app.patch('/api/storage-locations/:id', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '修改或停用保藏设备 Edit or retire a storage location', params: IdParams, body: Patch(LocationFields), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.locations.update(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/strain-lots', {
    config: { access: readBy(CURATORS) },
    schema: { tags, summary: '保藏批次（按方式、设备、预警筛选）Preservation lots, filtered by method, freezer and alert', querystring: Type.Object({ ...LotFilter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.lots.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/strain-lots/export.xlsx', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '导出保藏批次（按筛选条件，Excel）Export the lots as filtered (Excel)', querystring: Type.Object(LotFilter) },
  }, async (req, reply) => {
    const { buffer, fileName } = await s.lots.exportXlsx(req.ctx, req.query as never);
    return sendXlsx(reply, buffer, fileName);
  });

  app.get('/api/strain-lots/:id', {
    config: { access: readBy(CURATORS) },
    schema: { tags, summary: '保藏批次详情：出入库台账与活力检测 One lot with its ledger and viability tests', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.lots.get(req.ctx, (req.params as Id).id));

  app.post('/api/strain-lots', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '制备保藏批次（已入库菌种或在保种质资源）Prepare a lot of an accessioned strain or a kept germplasm record', body: Closed(LotFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.lots.create(req.ctx, req.body as never)));

  app.patch('/api/strain-lots/:id', {
    config: { access: { allow: CURATORS } },
    schema: { tags, summary: '修改批次设置或位置 Change a lot’s settings or place', params: IdParams, body: Patch({ ...Settings, ...Place }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.lots.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/strain-lots/:id/moves', {
    config: { access: { allow: CURATORS } },
    schema: {
      tags, summary: '登记出入库：领用、销毁或盘点调整（库存不足 409）Record a withdrawal, discard or adjustment (409 when too few vials)', params: IdParams,
      body: Closed({ kind: Type.String({ maxLength: 20, description: `类型 Kind${codes(MANUAL_MOVE_KINDS)}` }), vials: Type.Integer({ description: '数量；调整时可为负 Vials; an adjustment may be below zero' }), reasonZh: Opt(Str(1000)), movedOn: Type.Optional(IsoDateString) }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.lots.move(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/strain-lots/:id/viability-tests', {
    config: { access: { allow: CURATORS } },
    schema: {
      tags, summary: '记录活力检测（设定下次检测日期，不合格则标记批次）Record a viability test (sets the next due date; a failure flags the lot)', params: IdParams,
      body: Closed({
        testedOn: IsoDateString, method: Type.String({ maxLength: 30, description: `方法 Method${codes(VIABILITY_METHOD_CODES)}` }), resultValue: Opt(Type.Number()), resultUnit: Opt(Str(30)),
        passed: Type.Boolean(), vialsUsed: Type.Optional(Type.Integer()), noteZh: Opt(Str(2000)),
      }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.viability.record(req.ctx, (req.params as Id).id, req.body as never)));

  app.get('/api/strains/:id/lots', {
    config: { access: readBy(CURATORS) },
    schema: { tags, summary: '菌种的保藏批次与最近出入库 A strain’s lots and latest moves', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.lots.ofStrain(req.ctx, (req.params as Id).id));

  app.get('/api/strains/stock/alerts', {
    config: { access: readBy(CURATORS) },
    schema: {
      tags, summary: '库存预警：低于预警数量、活力检测到期或逾期、检测不合格、无在库批次的菌种 Stock alerts: low lots, tests due or overdue, failed tests, strains with no active lot',
      querystring: Type.Object({ days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, default: 30, description: '到期窗口（天）Days ahead for tests due' })) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.stockAlerts.alerts(req.ctx, req.query as never));
}
