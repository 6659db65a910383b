import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, IsoDateString, page, Paging, sendXlsx } from '../supervision/http.js';
import type { ChainsService } from './chains.service.js';
import type { FundsService } from './funds.service.js';
import type { TargetsService } from './targets.service.js';
import type { IndustryExcelService } from './excel.service.js';
import { PUBLIC, READERS, readBy, TASK_FORCE } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Year = Type.Optional(Type.Integer({ minimum: 2015, maximum: 2100 }));
const Park = Type.Object({ code: Str(41), kind: Str(20), nameZh: Str(), nameEn: Type.Optional(Nullable(Str())), districtCodes: Type.Array(Str(6), { maxItems: 38 }), domains: Type.Array(Str(20), { maxItems: 4 }), focusZh: Type.Optional(Nullable(Str(1000))), clusterId: Type.Optional(Nullable(Uuid)) });
const Fund = Type.Object({ code: Str(41), nameZh: Str(), kind: Str(20), sizeWan: Type.Optional(Nullable(Type.Number({ minimum: 0 }))), managerZh: Type.Optional(Nullable(Str())), focusZh: Type.Optional(Nullable(Str(1000))), domains: Type.Optional(Type.Array(Str(20), { maxItems: 4 })), districtCode: Type.Optional(Nullable(Str(6))) });
type Id = { id: string };

/** The map, chains and their analysis, parks, the targets' roll-up and drill-down, funds. */
export async function mapRoutes(app: FastifyInstance, s: { chains: ChainsService; targets: TargetsService; funds: FundsService; excel: IndustryExcelService }) {
  const tags = ['industry'];

  app.get('/api/industry/map', {
    config: { access: PUBLIC },
    schema: { tags, summary: '区县地图数据：企业数、专精特新数（公开）或产业规模（需权限）District values for the map', querystring: Type.Object({ measure: Type.Optional(Type.Union([Type.Literal('count'), Type.Literal('scale'), Type.Literal('srdi')])), year: Year }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const q = req.query as { measure?: 'count' | 'scale' | 'srdi'; year?: number }; return s.targets.map(req.ctx, q.measure ?? 'count', q.year); });

  app.get('/api/industry/rollup', {
    config: { access: readBy(READERS) },
    schema: { tags, summary: '产业规模汇总：按年度、领域、区县；营收分档；专精特新；未核实数据 The targets\' roll-up', querystring: Type.Object({ year: Year }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.targets.rollup(req.ctx, (req.query as { year?: number }).year));

  app.get('/api/industry/targets/:code/records', {
    config: { access: readBy(READERS) },
    schema: { tags, summary: '指标明细：指标背后的企业记录 The records behind an indicator', params: Type.Object({ code: Str(60) }), querystring: Type.Object({ year: Year, ...Paging }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.targets.records(req.ctx, (req.params as { code: string }).code, { year: (req.query as { year?: number }).year, ...page(req.query as never) }));

  app.get('/api/industry/chains', {
    config: { access: PUBLIC },
    schema: { tags, summary: '产业链（四个领域）Chains of the four domains', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, () => s.chains.chains());

  app.get('/api/industry/chains/targets', {
    config: { access: PUBLIC },
    schema: { tags, summary: '招商目标：缺失与薄弱环节 Investment targets: gaps and weak nodes', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.chains.investmentTargets(req.ctx));

  app.get('/api/industry/chains/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出产业链研判 Export the chain analysis (Excel)' },
  }, async (req, reply) => {
    return sendXlsx(reply, await s.excel.exportChains(await s.chains.analysis(req.ctx)), '产业链研判.xlsx');
  });

  app.get('/api/industry/chains/:code', {
    config: { access: PUBLIC },
    schema: { tags, summary: '产业链图谱与环节研判 A chain as a graph, each node with its standing', params: Type.Object({ code: Str(40) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.chains.graph(req.ctx, (req.params as { code: string }).code));

  app.get('/api/industry/parks', {
    config: { access: PUBLIC },
    schema: { tags, summary: '园区与集聚区 Parks and clusters', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.chains.parks(req.ctx));

  app.get('/api/industry/parks/export.xlsx', {
    config: { access: PUBLIC },
    schema: { tags, summary: '导出园区与集聚区 Export parks (Excel)' },
  }, async (req, reply) => sendXlsx(reply, await s.excel.exportParks(await s.chains.parks(req.ctx)), '生物制造园区与集聚区.xlsx'));

  app.get('/api/industry/parks/:id', {
    config: { access: PUBLIC },
    schema: { tags, summary: '园区详情与入园企业 A park and its members', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.chains.park(req.ctx, (req.params as Id).id));

  app.post('/api/industry/parks', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '新增园区或集聚区 Add a park or cluster', body: Park, response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.chains.savePark(req.ctx, null, req.body as never)));

  app.put('/api/industry/parks/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '修改园区或集聚区 Edit a park or cluster', params: IdParams, body: Park, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.chains.savePark(req.ctx, (req.params as Id).id, req.body as never));

  app.get('/api/industry/funds', {
    config: { access: readBy(READERS) },
    schema: { tags, summary: '产业基金 Funds', response: { 200: Type.Array(AnyObject), ...errorResponses } },
  }, (req) => s.funds.list(req.ctx));

  app.get('/api/industry/funds/summary', {
    config: { access: readBy(READERS) },
    schema: { tags, summary: '基金投资按领域与区县汇总 Fund money by domain and district', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.funds.summary(req.ctx));

  app.get('/api/industry/funds/export.xlsx', {
    config: { access: { allow: READERS } },
    schema: { tags, summary: '导出产业基金 Export funds (Excel)' },
  }, async (req, reply) => sendXlsx(reply, await s.excel.exportFunds(await s.funds.list(req.ctx)), '生物制造产业基金.xlsx'));

  app.get('/api/industry/funds/:id', {
    config: { access: readBy(READERS) },
    schema: { tags, summary: '基金详情与投资 A fund and its investments', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.funds.get(req.ctx, (req.params as Id).id));

  app.post('/api/industry/funds', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '新增基金 Add a fund', body: Fund, response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.funds.save(req.ctx, null, req.body as never)));

  app.put('/api/industry/funds/:id', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '修改基金 Edit a fund', params: IdParams, body: Fund, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => s.funds.save(req.ctx, (req.params as Id).id, req.body as never));

  app.post('/api/industry/funds/:id/investments', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '记录基金投资 Record an investment', params: IdParams, body: Type.Object({ enterpriseId: Type.Optional(Nullable(Uuid)), leadId: Type.Optional(Nullable(Uuid)), amountWan: Type.Number(), investedOn: IsoDateString, noteZh: Type.Optional(Nullable(Str(1000))) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await s.funds.addInvestment(req.ctx, (req.params as Id).id, req.body as never)));

}
