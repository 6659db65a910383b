import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import type { EnterprisesService } from './enterprises.service.js';
import type { FiguresService } from './figures.service.js';
import type { IndustryExcelService } from './excel.service.js';
import { DESIGNATION_KINDS } from './model/labels.js';
import { EDITORS, FIGURE_READERS, MANAGERS, PUBLIC, readBy } from './http.js';
import { ImportResultSchema as ImportResult, runImport } from '../../platform/http/import-route.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const List = (max = 50) => Type.Array(Str(), { maxItems: max });
const EnterpriseFields = {
  creditCode: Type.String({ maxLength: 30, description: '统一社会信用代码 (GB 32100)' }), nameZh: Str(), nameEn: Type.Optional(Nullable(Str())),
  formerNames: Type.Optional(List(20)), districtCode: Type.String({ maxLength: 6 }), parkId: Type.Optional(Nullable(Uuid)),
  domains: Type.Optional(List(4)), products: Type.Optional(List(100)), origin: Type.Optional(Type.Union([Type.Literal('local'), Type.Literal('attracted')])),
  landedOn: Type.Optional(Nullable(IsoDateString)), summaryZh: Type.Optional(Nullable(Str(2000))), website: Type.Optional(Nullable(Str(300))),
};
const Filter = {
  q: Type.Optional(Str(100)), districtCode: Type.Optional(Type.String({ maxLength: 6 })), domain: Type.Optional(Str(20)), parkId: Type.Optional(Uuid),
  designation: Type.Optional(Type.Union(DESIGNATION_KINDS.map((k) => Type.Literal(k)))), origin: Type.Optional(Type.Union([Type.Literal('local'), Type.Literal('attracted')])),
  nodeCode: Type.Optional(Str(60)), tier: Type.Optional(Type.Union([Type.Literal('100'), Type.Literal('50')])),
};
const Figure = { revenueWan: Type.Optional(Nullable(Type.Number({ minimum: 0 }))), outputValueWan: Type.Optional(Nullable(Type.Number({ minimum: 0 }))), rdSpendWan: Type.Optional(Nullable(Type.Number({ minimum: 0 }))), employees: Type.Optional(Nullable(Type.Integer({ minimum: 0 }))), source: Type.Optional(Type.Union([Type.Literal('statistics'), Type.Literal('districtVerified')])) };
const Milestone = Type.Object({ titleZh: Str(200), dueOn: IsoDateString, doneOn: Nullable(IsoDateString) });
const Transformation = Type.Object({ category: Str(20), goalZh: Str(1000), startedOn: IsoDateString, milestones: Type.Array(Milestone, { maxItems: 30 }) });
const ImportKind = Type.Object({ kind: Type.Union([Type.Literal('enterprises'), Type.Literal('figures'), Type.Literal('leads')]) });
type Id = { id: string };

/** Enterprises, their designations, chain nodes, transformation programmes and figures; search; Excel. */
export async function enterpriseRoutes(app: FastifyInstance, s: { enterprises: EnterprisesService; figures: FiguresService; excel: IndustryExcelService }) {
  const tags = ['industry'];

  app.get('/api/industry/enterprises', {
    config: { access: PUBLIC },
    schema: { tags, summary: '企业名录（访客只见公开字段）Enterprises (visitors see public fields only)', querystring: Type.Object({ ...Filter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.enterprises.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/industry/search', {
    config: { access: PUBLIC },
    schema: { tags, summary: '中文检索企业、产品与产业链环节（jieba 分词）Search enterprises, products and chain nodes', querystring: Type.Object({ q: Str(100), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const q = req.query as { q: string; limit?: number }; return s.enterprises.search(req.ctx, q.q, q.limit); });

  app.get('/api/industry/enterprises/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出企业名录（公开字段）Export enterprises (public fields, Excel)', querystring: Type.Object({ districtCode: Filter.districtCode, domain: Filter.domain }) },
  }, async (req, reply) => sendXlsx(reply, await s.excel.exportEnterprises(req.query as never), '生物制造企业名录.xlsx'));

  app.get('/api/industry/enterprises/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '企业档案 Enterprise profile (figures, leads and history for those who may see them)', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.enterprises.get(req.ctx, (req.params as Id).id));

  app.post('/api/industry/enterprises', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '登记企业 Register an enterprise', body: Type.Object({ ...EnterpriseFields, organisationId: Type.Optional(Nullable(Uuid)) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.enterprises.create(req.ctx, req.body as never)));

  app.patch('/api/industry/enterprises/:id', {
    config: { access: { allow: EDITORS } },
    schema: { tags, summary: '修改企业档案 Edit a profile (an enterprise its own public fields)', params: IdParams, body: Type.Partial(Type.Object({ ...EnterpriseFields, organisationId: Nullable(Uuid) })), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.enterprises.update(req.ctx, (req.params as Id).id, req.body as never));

  app.put('/api/industry/enterprises/:id/designations', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '设置认定（专精特新、小巨人…）Set designations', params: IdParams, body: Type.Object({ designations: Type.Array(Type.Object({ kind: Str(20), level: Str(20), year: Type.Integer() }), { maxItems: 20 }) }), response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.enterprises.setDesignations(req.ctx, (req.params as Id).id, (req.body as { designations: never }).designations));

  app.put('/api/industry/enterprises/:id/chain-nodes', {
    config: { access: { allow: EDITORS } },
    schema: { tags, summary: '设置所在产业链环节 Set chain nodes', params: IdParams, body: Type.Object({ nodeCodes: Type.Array(Str(60), { maxItems: 50 }) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.enterprises.setChainNodes(req.ctx, (req.params as Id).id, (req.body as { nodeCodes: string[] }).nodeCodes));

  app.post('/api/industry/enterprises/:id/transformations', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '新建转型升级计划（两高两低）Start a transformation programme', params: IdParams, body: Transformation, response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.enterprises.saveTransformation(req.ctx, (req.params as Id).id, null, req.body as never)));

  app.put('/api/industry/enterprises/:id/transformations/:programmeId', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '更新转型升级计划与里程碑 Update a transformation programme', params: Type.Object({ id: Uuid, programmeId: Uuid }), body: Transformation, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const p = req.params as { id: string; programmeId: string }; return s.enterprises.saveTransformation(req.ctx, p.id, p.programmeId, req.body as never); });

  app.put('/api/industry/enterprises/:id/figures/:year', {
    config: { access: { allow: EDITORS } },
    schema: { tags, summary: '报送年度经营数据（企业自报待核实；区县、专班录入即核实）Report a year\'s figures', params: Type.Object({ id: Uuid, year: Type.Integer({ minimum: 1900, maximum: 2100 }) }), body: Type.Object(Figure), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const p = req.params as { id: string; year: number }; return s.figures.save(req.ctx, p.id, p.year, req.body as never); });

  app.get('/api/industry/figures', {
    config: { access: readBy(FIGURE_READERS) },
    schema: { tags, summary: '经营数据（按权限范围）Figures within the caller\'s reach', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2015, maximum: 2100 })), state: Type.Optional(Type.Union([Type.Literal('submitted'), Type.Literal('verified'), Type.Literal('rejected')])), districtCode: Filter.districtCode, enterpriseId: Type.Optional(Uuid), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => s.figures.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/industry/figures/export.xlsx', {
    config: { access: { allow: ['admin', 'taskforce', 'unit', 'district'] } },
    schema: { tags, summary: '导出经营数据 Export figures (Excel)', querystring: Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2015, maximum: 2100 })) }) },
  }, async (req, reply) => sendXlsx(reply, await s.excel.exportFigures(req.ctx, req.query as never), '企业年度经营数据.xlsx'));

  app.post('/api/industry/figures/:id/verify', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '核实或退回企业自报数据 Verify or return self-reported figures', params: IdParams, body: Type.Object({ decision: Type.Union([Type.Literal('verify'), Type.Literal('reject')]), reason: Type.Optional(Nullable(Str(1000))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const b = req.body as { decision: 'verify' | 'reject'; reason?: string | null }; return s.figures.verify(req.ctx, (req.params as Id).id, b.decision, b.reason); });

  app.get('/api/industry/templates/:kind', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '导入模板 Import template (Excel)', params: Type.Object({ kind: Type.Union([Type.Literal('enterprises.xlsx'), Type.Literal('figures.xlsx'), Type.Literal('leads.xlsx')]) }) },
  }, async (req, reply) => {
    const kind = (req.params as { kind: string }).kind.replace('.xlsx', '') as 'enterprises' | 'figures' | 'leads';
    return sendXlsx(reply, await s.excel.template(kind), `${{ enterprises: '企业名录', figures: '企业年度经营数据', leads: '招商线索' }[kind]}导入模板.xlsx`);
  });

  app.post('/api/industry/import/:kind', {
    config: { access: { allow: MANAGERS } },
    schema: { tags, summary: '导入企业名录、经营数据或招商线索（全部校验通过才写入；Accept: application/x-ndjson 时流式返回进度）Import enterprises, figures or leads', params: ImportKind, consumes: ['multipart/form-data'], response: { 200: ImportResult, ...errorResponses } },
  }, (req, reply) => runImport(req, reply, { enterprises: s.excel.importEnterprises, figures: s.excel.importFigures, leads: s.excel.importLeads }[(req.params as { kind: 'enterprises' | 'figures' | 'leads' }).kind]));
}
