import type { FastifyInstance } from 'fastify';
import { Type, type TProperties } from 'typebox';
import { errorResponses, IdParams, Nullable, Paging, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page } from '../supervision/http.js';
import type { PilotServices } from './index.js';
import { BASE_KEEPERS, PUBLIC, TASK_FORCE } from './http.js';
import { BASE_TIER_CODES, DOMAINS, ORGANISM_CODES, PROCESS_NAMES, QUALITY_GRADE_CODES } from './model/labels.js';
import { EQUIPMENT_STATUS_CODES } from './model/bases.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Text = (max = 2000) => Type.Optional(Nullable(Type.String({ maxLength: max })));
const OneOf = (values: readonly string[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Closed = <P extends TProperties>(p: P) => Type.Object(p, { additionalProperties: false });
const Patch = <P extends TProperties>(p: P) => Type.Partial(Type.Object(p), { additionalProperties: false, minProperties: 1 });
const District = Type.String({ pattern: '^\\d{6}$' });
const Litres = Type.Number({ minimum: 0, maximum: 1e7 });
const Yuan = Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e9 })));
const Tier = OneOf(BASE_TIER_CODES);
type Id = { id: string };

const BaseFields = {
  nameZh: Str(), nameEn: Text(200), operatorZh: Str(), districtCode: District, addressZh: Text(300),
  lng: Type.Optional(Nullable(Type.Number())), lat: Type.Optional(Nullable(Type.Number())),
  domains: Type.Optional(Type.Array(OneOf(DOMAINS), { maxItems: 4 })), summaryZh: Text(4000), contactZh: Text(300),
};
const Recognition = { recognisedOn: Type.Optional(Nullable(IsoDateString)), recognisedByZh: Type.Optional(Nullable(Str())) };
const PlatformFields = { nameZh: Str(), nameEn: Text(200), summaryZh: Text(4000) };
const CapabilityFields = {
  nameZh: Str(), processes: Type.Optional(Type.Array(OneOf(PROCESS_NAMES), { maxItems: 20 })), organisms: Type.Optional(Type.Array(OneOf(ORGANISM_CODES), { maxItems: 20 })),
  volumeMinL: Litres, volumeMaxL: Litres, qualityGrade: Type.Optional(OneOf(QUALITY_GRADE_CODES)), biosafetyLevel: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  descriptionZh: Text(4000),
};
const ServiceFields = { nameZh: Str(), descriptionZh: Text(4000), priceYuan: Yuan, priceUnitZh: Text(50), leadTimeDays: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 3650 }))) };
const EquipmentFields = {
  code: Type.Optional(Nullable(Str(40))), platformId: Type.Optional(Nullable(Uuid)), nameZh: Str(), typeZh: Str(100), model: Text(200), capacityZh: Text(200),
  capacityL: Type.Optional(Nullable(Litres)), status: Type.Optional(OneOf(EQUIPMENT_STATUS_CODES)),
  priceMemberYuan: Yuan, priceEnterpriseYuan: Yuan, priceInstituteYuan: Yuan,
};
const Deleted = Type.Object({ id: Uuid, deleted: Type.Boolean() });

/** Pilot bases, their platforms, capabilities, services and equipment; the atlas (中试图谱). */
export async function baseRoutes(app: FastifyInstance, s: PilotServices) {
  const tags = ['pilot'];

  app.get('/api/pilot/bases', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '中试基地名录（公开）：按区县、领域、等级、联盟筛选，检索 Pilot bases (public)',
      querystring: Type.Object({
        districtCode: Type.Optional(District), domain: Type.Optional(OneOf(DOMAINS)),
        tier: Type.Optional(Type.String({ pattern: `^(${BASE_TIER_CODES.join('|')})(,(${BASE_TIER_CODES.join('|')}))*$`, description: '逗号分隔，如 key,national' })),
        alliance: Type.Optional(Type.Boolean()), q: Type.Optional(Str(100)), ...Paging,
      }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => s.bases.list({ ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/pilot/bases/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '中试基地详情：平台、能力、服务与设备（公开，价格公开）Pilot base profile', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bases.get(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/bases', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '登记中试基地（工作专班）Register a pilot base',
      body: Closed({ ...BaseFields, organisationId: Type.Optional(Nullable(Uuid)), tier: Type.Optional(Tier), ...Recognition, allianceMember: Type.Optional(Type.Boolean()) }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.bases.create(req.ctx, req.body as never)));

  app.patch('/api/pilot/bases/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: {
      tags, summary: '修改中试基地信息（专班或本基地）Edit a pilot base (the task force or its own keepers)', params: IdParams,
      body: Patch({ ...BaseFields, organisationId: Nullable(Uuid) }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.bases.update(req.ctx, (req.params as Id).id, req.body as never));

  app.put('/api/pilot/bases/:id/tier', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '认定等级：储备 → 重点 → 国家级，注明认定日期与机构 Set the tier with its recognition', params: IdParams,
      body: Closed({ tier: Tier, ...Recognition }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.bases.setTier(req.ctx, (req.params as Id).id, req.body as never));

  app.put('/api/pilot/bases/:id/alliance', {
    config: { access: { allow: TASK_FORCE } },
    schema: {
      tags, summary: '中试联盟成员资格 Alliance membership', params: IdParams,
      body: Closed({ allianceMember: Type.Boolean() }), response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.bases.setAlliance(req.ctx, (req.params as Id).id, (req.body as { allianceMember: boolean }).allianceMember));

  // Platforms and their capabilities
  app.post('/api/pilot/bases/:id/platforms', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '新增中试平台 Add a platform', params: IdParams, body: Closed(PlatformFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.bases.addPlatform(req.ctx, (req.params as Id).id, req.body as never)));

  app.patch('/api/pilot/platforms/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '修改中试平台 Edit a platform', params: IdParams, body: Patch(PlatformFields), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bases.updatePlatform(req.ctx, (req.params as Id).id, req.body as never));

  app.delete('/api/pilot/platforms/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '删除中试平台（连同其能力）Delete a platform with its capabilities', params: IdParams, response: { 200: Deleted, ...errorResponses } },
  }, (req) => s.bases.deletePlatform(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/platforms/:id/capabilities', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: {
      tags, summary: '新增平台能力：单元操作、生物体、工作体积（升）、质量等级、生物安全等级 Add a capability', params: IdParams,
      body: Closed(CapabilityFields), response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.bases.addCapability(req.ctx, (req.params as Id).id, req.body as never)));

  app.patch('/api/pilot/capabilities/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '修改平台能力 Edit a capability', params: IdParams, body: Patch(CapabilityFields), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bases.updateCapability(req.ctx, (req.params as Id).id, req.body as never));

  app.delete('/api/pilot/capabilities/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '删除平台能力 Delete a capability', params: IdParams, response: { 200: Deleted, ...errorResponses } },
  }, (req) => s.bases.deleteCapability(req.ctx, (req.params as Id).id));

  // Services
  app.post('/api/pilot/bases/:id/services', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '新增基地服务（价格、周期）Add a service with its price and lead time', params: IdParams, body: Closed(ServiceFields), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.bases.addService(req.ctx, (req.params as Id).id, req.body as never)));

  app.patch('/api/pilot/base-services/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '修改基地服务 Edit a service', params: IdParams, body: Patch(ServiceFields), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bases.updateService(req.ctx, (req.params as Id).id, req.body as never));

  app.delete('/api/pilot/base-services/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '删除基地服务 Delete a service', params: IdParams, response: { 200: Deleted, ...errorResponses } },
  }, (req) => s.bases.deleteService(req.ctx, (req.params as Id).id));

  // Equipment
  app.get('/api/pilot/equipment', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '共享设备（公开，含小时价格）Shared equipment (public, with hourly prices)',
      querystring: Type.Object({ baseId: Type.Optional(Uuid), districtCode: Type.Optional(District), status: Type.Optional(OneOf(EQUIPMENT_STATUS_CODES)), q: Type.Optional(Str(100)), ...Paging }),
      response: { 200: ListOf(AnyObject), ...errorResponses },
    },
  }, (req) => s.bases.listEquipment({ ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/pilot/equipment/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '设备详情（公开）One item of equipment', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bases.getEquipment(req.ctx, (req.params as Id).id));

  app.post('/api/pilot/bases/:id/equipment', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: {
      tags, summary: '新增设备：编号、类型、型号、容量、状态、各类用户小时价格 Add equipment', params: IdParams,
      body: Closed(EquipmentFields), response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await s.bases.addEquipment(req.ctx, (req.params as Id).id, req.body as never)));

  app.patch('/api/pilot/equipment/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '修改设备（含状态）Edit equipment, its status included', params: IdParams, body: Patch(EquipmentFields), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.bases.updateEquipment(req.ctx, (req.params as Id).id, req.body as never));

  app.delete('/api/pilot/equipment/:id', {
    config: { access: { allow: BASE_KEEPERS } },
    schema: { tags, summary: '删除设备（无预约记录时；否则改为停用）Delete equipment never booked', params: IdParams, response: { 200: Deleted, ...errorResponses } },
  }, (req) => s.bases.deleteEquipment(req.ctx, (req.params as Id).id));

  // The atlas
  app.get('/api/pilot/atlas', {
    config: { access: PUBLIC },
    schema: {
      tags, summary: '中试图谱：按单元操作、生物体、规模、质量等级、生物安全等级筛选，区县分布 Pilot capability map (public)',
      querystring: Type.Object({
        process: Type.Optional(OneOf(PROCESS_NAMES)), organism: Type.Optional(OneOf(ORGANISM_CODES)),
        scaleL: Type.Optional(Type.Number({ minimum: 0, description: '工作体积（升），能力的体积范围须覆盖它' })),
        grade: Type.Optional(OneOf(QUALITY_GRADE_CODES)), bsl: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
        domain: Type.Optional(OneOf(DOMAINS)), district: Type.Optional(District),
      }),
      response: { 200: AnyObject, ...errorResponses },
    },
  }, (req) => s.bases.atlas(req.query as never));
}
