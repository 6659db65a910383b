import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { errorResponses, IdParams, Nullable, Uuid } from '../../platform/http/schemas.js';
import { AnyObject, ListOf, page, Paging, sendXlsx } from '../supervision/http.js';
import { ImportResultSchema as ImportResult, runImport } from '../../platform/http/import-route.js';
import type { TalentServices } from './index.js';
import { COLLABORATION_KEEPERS, DECLARERS, DIRECTORY, EXPERT_EDITORS, readBy, TASK_FORCE } from './http.js';
import { COLLABORATION_KINDS } from './model/labels.js';
import { MAX_FIELDS, MAX_LOAD } from './model/rules.js';

const Str = (max = 200) => Type.String({ maxLength: max });
const Opt = <T extends Parameters<typeof Nullable>[0]>(t: T) => Type.Optional(Nullable(t));
const Bool = Type.Optional(Type.Boolean());

const ExpertFields = {
  nameZh: Str(60), nameEn: Opt(Str(120)), titleZh: Opt(Str(100)),
  organisationId: Opt(Uuid), organisationZh: Opt(Str(200)),
  fields: Type.Array(Str(60), { maxItems: MAX_FIELDS * 2, description: '领域关键词 Field keywords' }),
  domains: Type.Optional(Type.Array(Str(20), { maxItems: 4, description: '行动计划四大领域 The plan\'s domains: biochem, biopharma, bioagrifood, bioenergy' })),
  available: Bool, maxLoad: Opt(Type.Integer({ description: `最大评审量 1–${MAX_LOAD} Max load` })),
  contactZh: Opt(Str(500)), profileZh: Opt(Str(4000)),
};
const Filter = Type.Object({
  q: Type.Optional(Str(100)), field: Type.Optional(Str(60)), organisationId: Type.Optional(Uuid), organisation: Type.Optional(Str(100)),
  available: Bool, committee: Type.Optional(Type.Boolean({ description: '是否专家委员会现任委员 Current committee member' })),
});
const Counterpart = { organisationId: Opt(Uuid), personId: Opt(Uuid) };
type Id = { id: string };

/** The expert directory: reading, writing, the linked account, declared conflicts, joint work, Excel. */
export async function expertRoutes(app: FastifyInstance, s: TalentServices) {
  const tags = ['talent'];
  const x = s.experts;

  app.get('/api/talent/experts', {
    config: { access: readBy(DIRECTORY) },
    schema: { tags, summary: '专家库（按领域、机构、可用性、委员会筛选，可中文检索）The expert directory, filtered, with Chinese search', querystring: Type.Object({ ...Filter.properties, ...Paging }), response: { 200: ListOf(AnyObject), ...errorResponses } },
  }, (req) => x.list(req.ctx, { ...(req.query as object), ...page(req.query as never) }));

  app.get('/api/talent/experts/export.xlsx', {
    config: { access: readBy(DIRECTORY) },
    schema: { tags, summary: '导出专家库（按筛选条件，不含联系方式与利益冲突）Export the directory as filtered (no contact, no conflicts)', querystring: Filter },
  }, async (req, reply) => sendXlsx(reply, await s.excel.experts(req.ctx, req.query as never), '专家库.xlsx'));

  app.get('/api/talent/experts/template.xlsx', {
    config: { access: { allow: EXPERT_EDITORS } },
    schema: { tags, summary: '专家导入模板 Expert import template (Excel)' },
  }, async (_req, reply) => sendXlsx(reply, await s.excel.expertsTemplate(), '专家库导入模板.xlsx'));

  app.post('/api/talent/experts/import', {
    config: { access: { allow: EXPERT_EDITORS } },
    schema: { tags, summary: '导入专家（全部校验通过才写入；同一专家编号即更新；Accept: application/x-ndjson 时流式返回进度）Import experts; the same code updates', consumes: ['multipart/form-data'], response: { 200: ImportResult, ...errorResponses } },
  }, (req, reply) => runImport(req, reply, s.importExperts));

  app.get('/api/talent/experts/me', {
    config: { access: { allow: ['expert'] } },
    schema: { tags, summary: '本人的专家记录（完整）My own expert record, in full', response: { 200: AnyObject, ...errorResponses } },
  }, (req) => x.mine(req.ctx));

  app.get('/api/talent/experts/:id', {
    config: { access: readBy(DIRECTORY) },
    schema: { tags, summary: '专家详情（联系方式、利益冲突、合作成果仅工作专班、责任单位、区县与本人可见）One expert; contact, conflicts and joint work for overseers and the expert itself', params: IdParams, response: { 200: AnyObject, ...errorResponses } },
  }, (req) => x.get(req.ctx, (req.params as Id).id));

  app.post('/api/talent/experts', {
    config: { access: { allow: EXPERT_EDITORS } },
    schema: { tags, summary: '登记专家（编号可留空自动生成）Register an expert (a code is drawn when none is given)', body: Type.Object({ code: Opt(Str(40)), ...ExpertFields }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await x.create(req.ctx, req.body as never)));

  app.patch('/api/talent/experts/:id', {
    config: { access: { allow: EXPERT_EDITORS } },
    schema: { tags, summary: '修改专家 Edit an expert', params: IdParams, body: Type.Partial(Type.Object(ExpertFields)), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => x.update(req.ctx, (req.params as Id).id, req.body as never));

  app.put('/api/talent/experts/:id/account', {
    config: { access: { allow: TASK_FORCE } },
    schema: { tags, summary: '关联专家登录账号（按用户 id 或用户名；须具有专家角色；null 为解除）Link the expert to an account with the expert role, by user id or username (null unlinks)', params: IdParams, body: Type.Object({ userId: Opt(Uuid), username: Type.Optional(Str(40)) }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => x.linkAccount(req.ctx, (req.params as Id).id, req.body as { userId?: string | null; username?: string }));

  app.post('/api/talent/experts/:id/conflicts', {
    config: { access: { allow: DECLARERS } },
    schema: { tags, summary: '申报利益冲突（一个机构或一位专家；专家本人或工作专班）Declare a conflict: an organisation or an expert (the expert itself or the task force)', params: IdParams, body: Type.Object({ ...Counterpart, noteZh: Opt(Str(1000)) }), response: { 201: AnyObject, ...errorResponses } },
  }, async (req, reply) => reply.status(201).send(await x.declareConflict(req.ctx, (req.params as Id).id, req.body as never)));

  app.delete('/api/talent/experts/:id/conflicts/:conflictId', {
    config: { access: { allow: DECLARERS } },
    schema: { tags, summary: '撤回利益冲突申报 Withdraw a declared conflict', params: Type.Object({ id: Uuid, conflictId: Uuid }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const p = req.params as Id & { conflictId: string }; return x.withdrawConflict(req.ctx, p.id, p.conflictId); });

  app.post('/api/talent/experts/:id/collaborations', {
    config: { access: { allow: COLLABORATION_KEEPERS } },
    schema: {
      tags, summary: '登记合作发表或合作项目（与一个机构或一位专家）Record a joint publication or project with an organisation or an expert', params: IdParams,
      body: Type.Object({ kind: Type.Union(Object.keys(COLLABORATION_KINDS).map((k) => Type.Literal(k))), titleZh: Str(300), ref: Opt(Str(200)), year: Opt(Type.Integer()), ...Counterpart }),
      response: { 201: AnyObject, ...errorResponses },
    },
  }, async (req, reply) => reply.status(201).send(await x.addCollaboration(req.ctx, (req.params as Id).id, req.body as never)));

  app.delete('/api/talent/experts/:id/collaborations/:collaborationId', {
    config: { access: { allow: COLLABORATION_KEEPERS } },
    schema: { tags, summary: '删除合作记录 Remove joint work', params: Type.Object({ id: Uuid, collaborationId: Uuid }), response: { 200: AnyObject, ...errorResponses } },
  }, (req) => { const p = req.params as Id & { collaborationId: string }; return x.removeCollaboration(req.ctx, p.id, p.collaborationId); });
}
