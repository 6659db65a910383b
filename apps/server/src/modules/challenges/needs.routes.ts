import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import { ImportResultSchema as ImportResult, runImport } from '../../platform/http/import-route.js';
import type { ChallengeServices } from './index.js';
import { MODE_CODES, NEED_FIELD_CODES, NEED_STATUS_CODES } from './model/needs.js';
import { needsWorkbook, needTemplate } from './needs.excel.js';
import { NEED_RAISERS, ORGANISERS, PUBLIC, readBy } from './http.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const OneOf = (codes: readonly string[], description?: string) => Type.Union(codes.map((c) => Type.Literal(c)), description ? { description } : {});

const Indicator = Type.Object({
  nameZh: Str(100), targetValue: Type.Number({ description: '目标值 Target value' }), unit: Type.String({ maxLength: 30, description: '单位（无单位留空）Unit, empty when none' }),
});
const NeedFields = {
  titleZh: Str(), field: OneOf(NEED_FIELD_CODES, '技术领域 Technology field'), fieldOtherZh: Opt(Str(100)), domain: Str(20),
  problemZh: Str(4000), currentLevelZh: Str(4000), indicators: Type.Array(Indicator, { maxItems: 20 }), expectedOutcomeZh: Str(4000),
  contactNameZh: Str(50), contactPhone: Opt(Str(30)), contactEmail: Opt(Str(200)),
  suggestedMode: Opt(OneOf(MODE_CODES, '揭榜挂帅 single · 并行资助 parallel')), fundingWan: Opt(Type.Number({ description: '建议经费（万元）Suggested funding in 10k yuan' })),
};
const Filter = {
  q: Type.Optional(Str(100)), field: Type.Optional(OneOf(NEED_FIELD_CODES)), domain: Type.Optional(Str(20)), status: Type.Optional(OneOf(NEED_STATUS_CODES)),
};
type Id = { id: string };

/** Technology needs: raising, review, withdrawal, reading, Excel export and import. */
export async function needRoutes(app: FastifyInstance, s: ChallengeServices) {
  const tags = ['challenges'];
  const needs = s.needs;
  const base = '/api/challenges/needs';

  app.get(`${base}/mine`, {
    config: { access: readBy(NEED_RAISERS) },
    schema: { tags, summary: '本单位提出的技术需求（全部状态，含审核意见）My organisation\'s needs in every status, with the review note', querystring: Type.Object({ ...Filter, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => needs.mine(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get(`${base}/all`, {
    config: { access: readBy(ORGANISERS) },
    schema: { tags, summary: '全部技术需求（审核队列：status=submitted）Every need; the review queue is status=submitted', querystring: Type.Object({ ...Filter, organisationId: Type.Optional(Uuid), ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => needs.all(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get(`${base}/export.xlsx`, {
    config: { access: { allow: NEED_RAISERS } },
    schema: { tags, summary: '导出技术需求（按筛选条件；主管部门导出全部，其他单位导出本单位）Export needs as filtered (organisers: all; others: their own)', querystring: Type.Object({ ...Filter, organisationId: Type.Optional(Uuid) }) },
  }, async (req, reply) => {
    const { items } = await needs.forExport(req.ctx, req.query as never);
    return sendXlsx(reply, await needsWorkbook(items), '技术需求.xlsx');
  });

  app.get(`${base}/template.xlsx`, {
    config: { access: { allow: NEED_RAISERS } },
    schema: { tags, summary: '技术需求导入模板 Import template for needs (Excel)' },
  }, async (_req, reply) => sendXlsx(reply, await needTemplate(), '技术需求导入模板.xlsx'));

  app.post(`${base}/import`, {
    config: { access: { allow: NEED_RAISERS } },
    schema: { tags, summary: '导入技术需求（全部校验通过才写入，导入后待审核；Accept: application/x-ndjson 时流式返回进度）Import needs: all rows or none, each submitted for review; streams progress as NDJSON on request', consumes: ['multipart/form-data'], response: { 200: ImportResult, ...errorResponses } },
  }, (req, reply) => runImport(req, reply, s.needsImport.importNeeds));

  app.get(`${base}/:id`, {
    config: { access: PUBLIC },
    schema: { tags, summary: '技术需求详情（公众只见已发布版次中的公开字段；联系人仅提出单位和主管部门可见）One need; the public reads it as a published edition holds it, never the contact', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => needs.get(req.ctx, (req.params as Id).id));

  app.post(base, {
    config: { access: { allow: NEED_RAISERS } },
    schema: { tags, summary: '提出技术需求（草稿；工作专班可代为指定单位）Raise a need as a draft (the task force names the organisation)', body: Type.Object({ ...NeedFields, organisationId: Type.Optional(Nullable(Uuid)) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await needs.create(req.ctx, req.body as never)));

  app.patch(`${base}/:id`, {
    config: { access: { allow: NEED_RAISERS } },
    schema: { tags, summary: '修改草稿或被退回的需求（主管部门可修订已入库的需求）Edit a draft or returned need (organisers revise an accepted one)', params: IdParams, body: Type.Partial(Type.Object(NeedFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => needs.update(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/submit`, {
    config: { access: { allow: NEED_RAISERS } },
    schema: { tags, summary: '提交审核 Submit a need for review', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => needs.submit(req.ctx, (req.params as Id).id));

  app.post(`${base}/:id/accept`, {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '审核通过，纳入需求目录 Accept a need into the catalog', params: IdParams, body: Type.Object({ reviewNoteZh: Type.Optional(Nullable(Str(2000))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => needs.accept(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/return`, {
    config: { access: { allow: ORGANISERS } },
    schema: { tags, summary: '退回并说明理由 Return a need with the reason', params: IdParams, body: Type.Object({ reviewNoteZh: Str(2000) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => needs.returnNeed(req.ctx, (req.params as Id).id, req.body as never));

  app.post(`${base}/:id/withdraw`, {
    config: { access: { allow: NEED_RAISERS } },
    schema: { tags, summary: '撤回需求（主管部门将已入库需求移出目录须说明理由）Withdraw a need (an organiser taking one out of the catalog says why)', params: IdParams, body: Type.Object({ noteZh: Type.Optional(Nullable(Str(1000))) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => needs.withdraw(req.ctx, (req.params as Id).id, req.body as never));
}
